"""Application, Network and Gateway Load Balancers of a region as
`aws.elbv2.load_balancer`: the DescribeLoadBalancers entries (`name`, `type`, `Scheme`
as `internal`), their attributes (DescribeLoadBalancerAttributes, read as the
CloudFormation adapter reads `LoadBalancerAttributes`) and tags (DescribeTags, 20 ARNs at
a time)."""

from __future__ import annotations

from typing import Any

from govern.adapters.cloudformation.elbv2_attributes import DEFAULTS, canonical_attributes
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import tag_map
from govern.model.resource import Resource

KIND = "aws.elbv2.load_balancer"
TAGS_AT_ONCE = 20  # DescribeTags takes at most 20 resource ARNs


def load_balancers(elbv2: Any, reader: Reader, account: str, region: str,
                   listed: list[dict[str, Any]]) -> list[Resource]:
    """The load balancers of `listed` (the DescribeLoadBalancers entries)."""
    found: dict[str, Resource] = {}
    for item in listed:
        arn = str(item["LoadBalancerArn"])
        balancer = live_resource(arn, KIND, "AWS::ElasticLoadBalancingV2::LoadBalancer",
                                 account, region)
        balancer.set("name", item.get("LoadBalancerName"))
        balancer.set("type", item.get("Type") or "application")
        balancer.set("internal", item.get("Scheme") == "internal")
        _attributes(elbv2, reader, balancer)
        found[arn] = balancer
    arns = sorted(found)
    for start in range(0, len(arns), TAGS_AT_ONCE):
        batch = arns[start:start + TAGS_AT_ONCE]
        answer = reader.call(elbv2, "DescribeTags", region, ResourceArns=batch)
        if isinstance(answer, Failed):
            for arn in batch:
                found[arn].set("tags", answer.unknown)
            continue
        tagged = {str(entry.get("ResourceArn")): tag_map(entry.get("Tags"))
                  for entry in (answer or {}).get("TagDescriptions") or ()}
        for arn in batch:
            found[arn].set("tags", tagged.get(arn, {}))
    return list(found.values())


def _attributes(elbv2: Any, reader: Reader, balancer: Resource) -> None:
    """`access_logs` (AWS reports `access_logs.s3.enabled` for Application and Network
    Load Balancers), `drop_invalid_header_fields` and `desync_mitigation_mode`
    (Application Load Balancers) and `deletion_protection`; AWS's defaults for those
    not reported."""
    answer = reader.call(elbv2, "DescribeLoadBalancerAttributes", balancer.id,
                         LoadBalancerArn=balancer.id)
    if isinstance(answer, Failed):
        balancer.set("access_logs", {"enabled": answer.unknown})
        for name in DEFAULTS:
            balancer.set(name, answer.unknown)
        return
    pairs = {str(pair.get("Key")): pair.get("Value")
             for pair in (answer or {}).get("Attributes") or ()}
    found = canonical_attributes(pairs)
    for name, value in found.items():
        balancer.set(name, value)
    for name, default in DEFAULTS.items():
        if name not in found:
            balancer.set(name, default)
