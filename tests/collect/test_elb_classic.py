"""Classic Load Balancers read from moto (govern/collect/aws/edge_classic.py) as
`aws.elb.load_balancer`, and the rules their kind is in: GOV-AWS-050 (a listener serving
plain HTTP), GOV-AWS-051 (the SSL negotiation policy of an HTTPS or SSL listener),
GOV-AWS-157 (access logs, from DescribeLoadBalancerAttributes) and GOV-AWS-015 (tags)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

TAGS = world.TAGS
CERTIFICATE = f"arn:aws:iam::{ACCOUNT}:server-certificate/web"
# what AWS reports of a policy made from a predefined one: the reference and its attributes
MODERN = {"Reference-Security-Policy": "ELBSecurityPolicy-TLS-1-2-2017-01",
          "Protocol-SSLv3": "false", "Protocol-TLSv1": "false", "Protocol-TLSv1.1": "false",
          "Protocol-TLSv1.2": "true", "ECDHE-RSA-AES128-GCM-SHA256": "true"}
# a custom policy that enables TLS 1.1
CUSTOM = {"Protocol-TLSv1.1": "true", "Protocol-TLSv1.2": "true",
          "ECDHE-RSA-AES128-GCM-SHA256": "true"}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    elb = client(moto_endpoint, "elb")

    def balancer(name: str, listeners: list[dict[str, Any]], tagged: bool,
                 policies: dict[int, tuple[str, dict[str, str]]] | None = None) -> str:
        elb.create_load_balancer(LoadBalancerName=name, Listeners=listeners,
                                 AvailabilityZones=[f"{REGION}a"])
        if tagged:
            elb.add_tags(LoadBalancerNames=[name], Tags=TAGS)
        for lb_port, (policy, attributes) in (policies or {}).items():
            elb.create_load_balancer_policy(
                LoadBalancerName=name, PolicyName=policy,
                PolicyTypeName="SSLNegotiationPolicyType",
                PolicyAttributes=[{"AttributeName": key, "AttributeValue": value}
                                  for key, value in attributes.items()])
            elb.set_load_balancer_policies_of_listener(
                LoadBalancerName=name, LoadBalancerPort=lb_port, PolicyNames=[policy])
        return f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:loadbalancer/{name}"

    def secure(protocol: str, lb_port: int) -> list[dict[str, Any]]:
        return [{"Protocol": protocol, "LoadBalancerPort": lb_port,
                 "InstanceProtocol": "TCP" if protocol == "SSL" else "HTTP",
                 "InstancePort": 8080, "SSLCertificateId": CERTIFICATE}]

    made = {
        "http_balancer": balancer("http", [
            {"Protocol": "HTTPS", "LoadBalancerPort": 443, "InstanceProtocol": "HTTPS",
             "InstancePort": 8080, "SSLCertificateId": CERTIFICATE},
            {"Protocol": "http", "LoadBalancerPort": 80, "InstanceProtocol": "HTTP",
             "InstancePort": 8080}], tagged=True, policies={443: ("modern-tls", MODERN)}),
        "tls_balancer": balancer("tls", [
            {"Protocol": "TCP", "LoadBalancerPort": 5432, "InstanceProtocol": "TCP",
             "InstancePort": 5432}], tagged=False),
        "old_balancer": balancer("old", secure("SSL", 8443), tagged=True, policies={
            8443: ("old-tls", {"Reference-Security-Policy": "ELBSecurityPolicy-2016-08"})}),
        "custom_balancer": balancer("custom", secure("HTTPS", 443), tagged=True,
                                    policies={443: ("custom-tls", CUSTOM)}),
        "bare_balancer": balancer("bare", secure("HTTPS", 443), tagged=True)}
    for name in ("http", "old", "custom", "bare"):
        elb.modify_load_balancer_attributes(LoadBalancerName=name, LoadBalancerAttributes={
            "AccessLog": {"Enabled": True, "S3BucketName": "elb-logs",
                          "S3BucketPrefix": name, "EmitInterval": 60}})
    return made


def test_each_balancer_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                         made: dict[str, str]) -> None:
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-050", "http_balancer", "fail"), ("GOV-AWS-015", "tls_balancer", "fail"),
        ("GOV-AWS-157", "tls_balancer", "fail"),
        ("GOV-AWS-051", "old_balancer", "fail"), ("GOV-AWS-051", "custom_balancer", "fail"),
        ("GOV-AWS-051", "bare_balancer", "unknown")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    http = read(moto_endpoint)[made["http_balancer"]]
    assert (http.kind, http.native_type, http.context) == (
        "aws.elb.load_balancer", "AWS::ElasticLoadBalancing::LoadBalancer",
        f"aws:{ACCOUNT}:{REGION}")
    assert http.attributes == {
        "name": "http",
        "listeners": [
            {"lb_protocol": "HTTPS", "lb_port": 443, "instance_protocol": "HTTPS",
             "instance_port": 8080, "ssl_certificate_id": CERTIFICATE,
             "policy_names": ["modern-tls"],
             "ssl_policy": "ELBSecurityPolicy-TLS-1-2-2017-01", "ssl_protocols": ["TLSv1.2"]},
            {"lb_protocol": "HTTP", "lb_port": 80, "instance_protocol": "HTTP",
             "instance_port": 8080}],
        "policies": [{"name": "modern-tls", "type": "SSLNegotiationPolicyType",
                      "attributes": MODERN}],
        "access_logs": {"enabled": True, "bucket": "elb-logs", "prefix": "http"},
        "tags": {t["Key"]: t["Value"] for t in TAGS}}
    assert read(moto_endpoint)[made["tls_balancer"]].attributes["access_logs"] == {
        "enabled": False}


def test_a_custom_policy_gives_the_protocols_it_enables(moto_endpoint: str,
                                                        made: dict[str, str]) -> None:
    read_now = read(moto_endpoint)
    custom = read_now[made["custom_balancer"]].attributes["listeners"][0]
    assert (custom["policy_names"], custom["ssl_protocols"]) == (
        ["custom-tls"], ["TLSv1.1", "TLSv1.2"])
    assert "ssl_policy" not in custom
    bare = read_now[made["bare_balancer"]]
    assert "policies" not in bare.attributes
    assert bare.attributes["listeners"][0]["ssl_policy"] == Unknown(
        "AWS reports no SSL negotiation policy on this listener")


def test_policies_that_cannot_be_read_are_unknown_with_a_warning(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "elastic-load-balancing.DescribeLoadBalancerPolicies")
    http = read(moto_endpoint)[made["http_balancer"]]
    denied = Unknown("access denied: DescribeLoadBalancerPolicies")
    assert http.attributes["policies"] == denied
    assert http.attributes["listeners"][0]["ssl_policy"] == denied
    doc = scan(moto_endpoint)
    found = statuses(doc, made)
    assert {("GOV-AWS-051", role, "unknown") for role in
            ("http_balancer", "custom_balancer", "old_balancer")} <= found
    assert ("GOV-AWS-051", "bare_balancer", "unknown") in found
    warnings = [n for n in doc["notices"] if n["code"] == "aws-access-denied"]
    assert any("DescribeLoadBalancerPolicies" in n["message"] and
               "elasticloadbalancing:DescribeLoadBalancerPolicies" in (n["hint"] or "")
               for n in warnings), warnings


def test_tags_that_cannot_be_read_are_unknown_not_a_pass(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "elastic-load-balancing.DescribeTags")
    tls = read(moto_endpoint)[made["tls_balancer"]]
    assert tls.attributes["tags"] == Unknown("access denied: DescribeTags")
    assert ("GOV-AWS-015", "tls_balancer", "unknown") in statuses(scan(moto_endpoint), made)


def test_access_logs_that_cannot_be_read_are_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "elastic-load-balancing.DescribeLoadBalancerAttributes")
    http = read(moto_endpoint)[made["http_balancer"]]
    assert http.attributes["access_logs"] == {
        "enabled": Unknown("access denied: DescribeLoadBalancerAttributes")}
    found = statuses(scan(moto_endpoint), made)
    assert {("GOV-AWS-157", role, "unknown") for role in made} <= found
