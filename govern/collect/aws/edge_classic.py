"""Classic Load Balancers of a region (the `elb` API: DescribeLoadBalancers, DescribeTags
for up to 20 names at a time) as `aws.elb.load_balancer`, with the listeners and tags of
the Terraform and CloudFormation adapters (docs/canonical-model.md). Both use the IAM
actions of ELBv2 (`elasticloadbalancing:DescribeLoadBalancers`, `DescribeTags`)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import tag_map
from govern.model.resource import Resource

KIND = "aws.elb.load_balancer"
TAGS_AT_ONCE = 20  # DescribeTags takes at most 20 load balancer names


def classic_load_balancers(elb: Any, reader: Reader, account: str,
                           region: str) -> list[Resource]:
    found: dict[str, Resource] = {}
    for item in listed(reader.pages(elb, "DescribeLoadBalancers", region,
                                    "LoadBalancerDescriptions")):
        name = str(item["LoadBalancerName"])
        arn = f"arn:aws:elasticloadbalancing:{region}:{account}:loadbalancer/{name}"
        balancer = live_resource(arn, KIND, "AWS::ElasticLoadBalancing::LoadBalancer",
                                 account, region)
        balancer.set("name", name)
        balancer.set("listeners", [_listener(entry.get("Listener") or {}) for entry in
                                   item.get("ListenerDescriptions") or ()])
        found[name] = balancer
    names = sorted(found)
    for start in range(0, len(names), TAGS_AT_ONCE):
        batch = names[start:start + TAGS_AT_ONCE]
        answer = reader.call(elb, "DescribeTags", region, LoadBalancerNames=batch)
        if isinstance(answer, Failed):
            for name in batch:
                found[name].set("tags", answer.unknown)
            continue
        tagged = {str(entry.get("LoadBalancerName")): tag_map(entry.get("Tags"))
                  for entry in (answer or {}).get("TagDescriptions") or ()}
        for name in batch:
            found[name].set("tags", tagged.get(name, {}))
    return list(found.values())


def _listener(item: dict[str, Any]) -> dict[str, Any]:
    listener: dict[str, Any] = {}
    for name, key in (("lb_protocol", "Protocol"), ("lb_port", "LoadBalancerPort"),
                      ("instance_protocol", "InstanceProtocol"),
                      ("instance_port", "InstancePort"),
                      ("ssl_certificate_id", "SSLCertificateId")):
        value = item.get(key)
        if value is None or value == "":
            continue
        listener[name] = value.upper() if name.endswith("protocol") and \
            isinstance(value, str) else value
    return listener
