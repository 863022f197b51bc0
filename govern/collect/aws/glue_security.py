"""Glue security configurations (GetSecurityConfigurations) as
`aws.glue.security_configuration`, id `arn:aws:glue:<region>:<account>:
securityConfiguration/<name>` (they have no ARN of their own), with the encryption modes
of the Terraform and CloudFormation adapters (`DISABLED` where one is not set)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import token_pages
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.model.resource import Resource

KIND = "aws.glue.security_configuration"
DISABLED = "DISABLED"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return security_configurations(clients("glue"), reader, account, region)


def security_configurations(client: Any, reader: Reader, account: str,
                            region: str) -> list[Resource]:
    listing = token_pages(reader, client, "GetSecurityConfigurations", region,
                          "SecurityConfigurations")
    if isinstance(listing, Failed):
        return []
    return [_configuration(item, account, region) for item in listing]


def _mode(setting: Any, key: str) -> str:
    value = setting.get(key) if isinstance(setting, dict) else None
    return str(value or DISABLED)


def _configuration(item: dict[str, Any], account: str, region: str) -> Resource:
    name = str(item["Name"])
    arn = f"arn:aws:glue:{region}:{account}:securityConfiguration/{name}"
    configuration = live_resource(arn, KIND, "AWS::Glue::SecurityConfiguration", account,
                                  region)
    configuration.set("name", name)
    encryption = item.get("EncryptionConfiguration") or {}
    s3 = [_mode(entry, "S3EncryptionMode") for entry in encryption.get("S3Encryption") or []]
    configuration.set("s3_encryption_modes", s3 or [DISABLED])
    configuration.set("cloudwatch_encryption_mode", _mode(
        encryption.get("CloudWatchEncryption"), "CloudWatchEncryptionMode"))
    configuration.set("job_bookmarks_encryption_mode", _mode(
        encryption.get("JobBookmarksEncryption"), "JobBookmarksEncryptionMode"))
    return configuration
