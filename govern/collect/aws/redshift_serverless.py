"""Redshift Serverless workgroups of a region (ListWorkgroups, paginated; tags with
ListTagsForResource) as `aws.redshiftserverless.workgroup`: `name`, `publicly_accessible`
(`publiclyAccessible`, false when the answer leaves it out) and `tags` (docs/live-aws.md).
IAM actions `redshift-serverless:ListWorkgroups`, `redshift-serverless:ListTagsForResource`.
"""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import lower_case_tags, set_tags
from govern.model.resource import Resource

KIND = "aws.redshiftserverless.workgroup"
NATIVE_TYPE = "AWS::RedshiftServerless::Workgroup"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    return workgroups(clients("redshift-serverless"), reader, account, region)


def workgroups(client: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(client, "ListWorkgroups", region, "workgroups")):
        name = str(item["workgroupName"])
        arn = str(item.get("workgroupArn") or
                  f"arn:aws:redshift-serverless:{region}:{account}:workgroup/"
                  f"{item.get('workgroupId') or name}")
        workgroup = live_resource(arn, KIND, NATIVE_TYPE, account, region)
        workgroup.set("name", name)
        workgroup.set("publicly_accessible", bool(item.get("publiclyAccessible", False)))
        set_tags(workgroup, reader.call(client, "ListTagsForResource", arn,
                                        resourceArn=arn),
                 lambda answer: lower_case_tags(answer.get("tags")))
        found.append(workgroup)
    return found
