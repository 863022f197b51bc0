"""Systems Manager, per region: Parameter Store parameters (DescribeParameters) as
`aws.ssm.parameter` and the account's own documents (ListDocuments, owner `Self`;
DescribeDocumentPermission) as `aws.ssm.document`, ids their ARNs, tags from
ListTagsForResource. A parameter's key is the `KeyId` SSM answers (`alias/aws/ssm` for a
`SecureString` on the AWS managed key); a document's `shared_with` holds `All` (any case)
for a public document, as the Terraform adapter writes it."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform.ssm import PUBLIC
from govern.collect.aws.paging import listed, token_pages
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_optional, tag_map
from govern.model.resource import Resource

NOT_FOUND = frozenset({"InvalidDocument"})


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    client = clients("ssm")
    return [*parameters(client, reader, account, region),
            *documents(client, reader, account, region)]


def parameters(client: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(client, "DescribeParameters", region, "Parameters")):
        name = str(item["Name"])
        arn = str(item.get("ARN") or f"arn:aws:ssm:{region}:{account}:parameter/"
                  f"{name.lstrip('/')}")
        parameter = live_resource(arn, "aws.ssm.parameter", "AWS::SSM::Parameter", account,
                                  region)
        parameter.set("name", name)
        set_optional(parameter, "type", item.get("Type"))
        set_optional(parameter, "kms_key", item.get("KeyId"))
        _set_tags(client, reader, parameter, arn, "Parameter", name)
        found.append(parameter)
    return found


def documents(client: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    listing = reader.pages(client, "ListDocuments", region, "DocumentIdentifiers",
                           Filters=[{"Key": "Owner", "Values": ["Self"]}])
    for item in listed(listing):
        name = str(item["Name"])
        arn = f"arn:aws:ssm:{region}:{account}:document/{name}"
        shared = token_pages(reader, client, "DescribeDocumentPermission", arn,
                             "AccountIds", NOT_FOUND, Name=name, PermissionType="Share")
        document = live_resource(arn, "aws.ssm.document", "AWS::SSM::Document", account,
                                 region)
        document.set("name", name)
        document.set("shared_with", shared.unknown if isinstance(shared, Failed) else
                     [PUBLIC if str(a).lower() == "all" else str(a) for a in shared])
        _set_tags(client, reader, document, arn, "Document", name)
        found.append(document)
    return found


def _set_tags(client: Any, reader: Reader, resource: Resource, arn: str, type_: str,
              name: str) -> None:
    answer = reader.call(client, "ListTagsForResource", arn, ResourceType=type_,
                         ResourceId=name)
    resource.set("tags", answer.unknown if isinstance(answer, Failed)
                 else tag_map((answer or {}).get("TagList")))
