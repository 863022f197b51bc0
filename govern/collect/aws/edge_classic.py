"""Classic Load Balancers of a region (the `elb` API: DescribeLoadBalancers, DescribeTags
for up to 20 names at a time, DescribeLoadBalancerPolicies for each) as
`aws.elb.load_balancer`, with the listeners, policies and tags of the Terraform and
CloudFormation adapters (docs/canonical-model.md), and the access logs
(DescribeLoadBalancerAttributes). A listener's `policy_names` are its
`ListenerDescriptions[].PolicyNames`; its `ssl_policy` / `ssl_protocols` follow from the
policies AWS reports, whose attributes are the effective ones
(`govern.adapters.elb_negotiation`). They use the IAM actions of ELBv2
(`elasticloadbalancing:DescribeLoadBalancers`, `DescribeTags`,
`DescribeLoadBalancerPolicies`, `DescribeLoadBalancerAttributes`)."""

from __future__ import annotations

from typing import Any

from govern.adapters.elb_negotiation import derive
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
        balancer.set("listeners", [_listener(entry.get("Listener") or {},
                                             entry.get("PolicyNames"))
                                   for entry in item.get("ListenerDescriptions") or ()])
        _policies(elb, reader, region, balancer, name)
        _access_logs(elb, reader, balancer, name)
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


def _policies(elb: Any, reader: Reader, region: str, balancer: Resource,
              name: str) -> None:
    """`policies` (the load balancer's own), then the listeners' negotiation."""
    answer = reader.call(elb, "DescribeLoadBalancerPolicies", region,
                         LoadBalancerName=name)
    policies: Any
    if isinstance(answer, Failed):
        policies = answer.unknown
    else:
        policies = [{
            "name": description.get("PolicyName"),
            "type": description.get("PolicyTypeName"),
            "attributes": {str(pair.get("AttributeName")): pair.get("AttributeValue")
                           for pair in description.get("PolicyAttributeDescriptions") or ()}}
            for description in (answer or {}).get("PolicyDescriptions") or ()]
    if policies != []:
        balancer.set("policies", policies)
    derive(balancer.attributes.get("listeners"), policies, effective=True)


def _access_logs(elb: Any, reader: Reader, balancer: Resource, name: str) -> None:
    """`access_logs` from DescribeLoadBalancerAttributes `AccessLog` (always reported;
    `Enabled` false when the load balancer delivers none)."""
    answer = reader.call(elb, "DescribeLoadBalancerAttributes", balancer.id,
                         LoadBalancerName=name)
    if isinstance(answer, Failed):
        balancer.set("access_logs", {"enabled": answer.unknown})
        return
    log = ((answer or {}).get("LoadBalancerAttributes") or {}).get("AccessLog") or {}
    found: dict[str, Any] = {"enabled": bool(log.get("Enabled", False))}
    for key, canonical in (("S3BucketName", "bucket"), ("S3BucketPrefix", "prefix")):
        if log.get(key):
            found[canonical] = log[key]
    balancer.set("access_logs", found)


def _listener(item: dict[str, Any], policy_names: Any) -> dict[str, Any]:
    listener: dict[str, Any] = {}
    if policy_names:
        listener["policy_names"] = [str(name) for name in policy_names]
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
