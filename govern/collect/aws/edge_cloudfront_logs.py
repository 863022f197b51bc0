"""The origins of CloudFront distributions (from the ListDistributions summary) and their
access logging: standard (legacy) logging from
GetDistributionConfig (`Logging`, which ListDistributions does not report) as
`logging`, and standard logging v2 from the CloudWatch Logs delivery sources of
type `ACCESS_LOGS` naming a distribution (DescribeDeliverySources, with the home region's
client: CloudFront's delivery sources are made in us-east-1) as `access_log_delivery`."""

from __future__ import annotations

from typing import Any

from govern.adapters.cloudfront_origins import group_members, origin_entry, set_plain_http
from govern.collect.aws.reader import Failed, Reader
from govern.model.resource import Resource

ACCESS_LOGS = "ACCESS_LOGS"


def read_logging(cloudfront: Any, logs: Any, reader: Reader,
                 distributions: list[Resource]) -> None:
    for distribution in distributions:
        _standard(cloudfront, reader, distribution)
    if not distributions:
        return
    sources = reader.pages(logs, "DescribeDeliverySources", "deliverySources",
                           "deliverySources")
    if isinstance(sources, Failed):
        for distribution in distributions:
            distribution.set("access_log_delivery", sources.unknown)
        return
    named = {arn for source in sources if source.get("logType") == ACCESS_LOGS
             for arn in source.get("resourceArns") or ()}
    for distribution in distributions:
        if distribution.id in named:
            distribution.set("access_log_delivery", True)


def _standard(cloudfront: Any, reader: Reader, distribution: Resource) -> None:
    distribution_id = distribution.id.rsplit("/", 1)[-1]
    answer = reader.call(cloudfront, "GetDistributionConfig", distribution.id,
                         Id=distribution_id)
    if isinstance(answer, Failed):
        distribution.set("logging", {"enabled": answer.unknown})
        return
    logging = ((answer or {}).get("DistributionConfig") or {}).get("Logging") or {}
    if not logging.get("Enabled"):
        return  # as a template without a logging block
    found: dict[str, Any] = {"enabled": True}
    for key, name in (("Bucket", "bucket"), ("Prefix", "prefix")):
        if logging.get(key):
            found[name] = logging[key]
    distribution.set("logging", found)


def live_origins(item: dict[str, Any], behaviors: list[Any]) -> list[Any]:
    """`origins` of a distribution summary (`Origins.Items`, `OriginGroups.Items`), with
    `plain_http` judged from its cache behaviors."""
    origins: list[Any] = []
    for origin in (item.get("Origins") or {}).get("Items") or ():
        custom = origin.get("CustomOriginConfig")
        origins.append(origin_entry(
            origin.get("Id"), origin.get("DomainName"),
            (custom or {}).get("OriginProtocolPolicy"), custom is not None,
            origin.get("VpcOriginConfig") is not None))
    groups = group_members(
        (group.get("Id"), [m.get("OriginId") for m in
                           (group.get("Members") or {}).get("Items") or ()])
        for group in (item.get("OriginGroups") or {}).get("Items") or ())
    set_plain_http(origins, groups, behaviors)
    return origins
