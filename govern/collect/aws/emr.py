"""EMR security configurations (ListSecurityConfigurations, DescribeSecurityConfiguration)
as `aws.emr.security_configuration`, id `arn:aws:elasticmapreduce:<region>:<account>:
security-configuration/<name>` (they have no ARN of their own), with the encryption
settings the adapters read from the configuration JSON."""

from __future__ import annotations

from typing import Any

from govern.adapters.emr_security import ATTRIBUTES, encryption_settings
from govern.collect.aws.paging import marker_pages
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_unknown
from govern.model.resource import Resource

KIND = "aws.emr.security_configuration"
# DescribeSecurityConfiguration of a configuration deleted after it was listed
GONE = frozenset({"InvalidRequestException"})


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return security_configurations(clients("emr"), reader, account, region)


def security_configurations(client: Any, reader: Reader, account: str,
                            region: str) -> list[Resource]:
    listing = marker_pages(reader, client, "ListSecurityConfigurations", region,
                           ("SecurityConfigurations",), ("Marker", ("Marker",)))
    if not isinstance(listing, list):
        return []
    found = (_configuration(client, reader, account, region, str(item["Name"]))
             for item in listing)
    return [configuration for configuration in found if configuration is not None]


def _configuration(client: Any, reader: Reader, account: str, region: str,
                   name: str) -> Resource | None:
    arn = f"arn:aws:elasticmapreduce:{region}:{account}:security-configuration/{name}"
    answer = reader.call(client, "DescribeSecurityConfiguration", arn, GONE, Name=name)
    if answer is None:
        return None
    configuration = live_resource(arn, KIND, "AWS::EMR::SecurityConfiguration", account,
                                  region)
    configuration.set("name", name)
    if isinstance(answer, Failed):
        set_unknown(configuration, answer.unknown, *ATTRIBUTES)
    else:
        for attribute, value in encryption_settings(
                answer.get("SecurityConfiguration")).items():
            configuration.set(attribute, value)
    return configuration
