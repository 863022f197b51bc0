"""IAM server certificates (ListServerCertificates; IAM is global: read once), with the
canonical attributes of `aws_iam_server_certificate`: `name`, `expiration` (the listing's
`Expiration`, in UTC) and `tags` (ListServerCertificateTags)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_tags, tag_map
from govern.model.resource import Resource
from govern.model.unknown import Unknown

REGION = "global"


def collect_global(clients: Any, reader: Reader, account: str,
                   home: str) -> list[Resource]:
    iam = clients("iam")
    found = []
    for item in listed(reader.pages(iam, "ListServerCertificates", REGION,
                                    "ServerCertificateMetadataList")):
        name = str(item["ServerCertificateName"])
        arn = str(item.get("Arn") or f"arn:aws:iam::{account}:server-certificate/{name}")
        certificate = live_resource(arn, "aws.iam.server_certificate",
                                    "AWS::IAM::ServerCertificate", account, REGION)
        certificate.set("name", name)
        certificate.set("expiration", _utc(item.get("Expiration")))
        set_tags(certificate, reader.call(iam, "ListServerCertificateTags", arn,
                                          ServerCertificateName=name),
                 lambda answer: tag_map(answer.get("Tags")))
        found.append(certificate)
    return found


def _utc(value: Any) -> Any:
    """`Expiration` (a datetime from botocore) as `YYYY-MM-DDTHH:MM:SSZ`."""
    if not isinstance(value, datetime):
        return Unknown("ListServerCertificates gave no expiration")
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")
