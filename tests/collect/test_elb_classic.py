"""Classic Load Balancers read from moto (govern/collect/aws/edge_classic.py) as
`aws.elb.load_balancer`, and the rules their kind is in: GOV-AWS-050 (a listener serving
plain HTTP) and GOV-AWS-015 (tags)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls

TAGS = world.TAGS
CERTIFICATE = f"arn:aws:iam::{ACCOUNT}:server-certificate/web"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    elb = client(moto_endpoint, "elb")

    def balancer(name: str, listeners: list[dict[str, Any]], tagged: bool) -> str:
        elb.create_load_balancer(LoadBalancerName=name, Listeners=listeners,
                                 AvailabilityZones=[f"{REGION}a"])
        if tagged:
            elb.add_tags(LoadBalancerNames=[name], Tags=TAGS)
        return f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:loadbalancer/{name}"

    return {
        "http_balancer": balancer("http", [
            {"Protocol": "HTTPS", "LoadBalancerPort": 443, "InstanceProtocol": "HTTPS",
             "InstancePort": 8080, "SSLCertificateId": CERTIFICATE},
            {"Protocol": "http", "LoadBalancerPort": 80, "InstanceProtocol": "HTTP",
             "InstancePort": 8080}], tagged=True),
        "tls_balancer": balancer("tls", [
            {"Protocol": "TCP", "LoadBalancerPort": 5432, "InstanceProtocol": "TCP",
             "InstancePort": 5432}], tagged=False)}


def scan(endpoint: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--region", REGION, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code in (0, 1), result.output
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def statuses(doc: dict[str, Any], made: dict[str, str]) -> set[tuple[str, str, str]]:
    by_arn = {arn: role for role, arn in made.items()}
    return {(f["rule_id"], by_arn[f["resource"]["address"]], f["status"])
            for f in doc["findings"] if f["resource"]["address"] in by_arn}


def read(endpoint: str) -> dict[str, Resource]:
    graph, _ = collect(AwsOptions(regions=(REGION,), endpoint_url=endpoint))
    return {r.id: r for r in graph}


def test_each_balancer_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                         made: dict[str, str]) -> None:
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-050", "http_balancer", "fail"), ("GOV-AWS-015", "tls_balancer", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    http = read(moto_endpoint)[made["http_balancer"]]
    assert (http.kind, http.native_type, http.context) == (
        "aws.elb.load_balancer", "AWS::ElasticLoadBalancing::LoadBalancer",
        f"aws:{ACCOUNT}:{REGION}")
    assert http.attributes == {
        "name": "http",
        "listeners": [
            {"lb_protocol": "HTTPS", "lb_port": 443, "instance_protocol": "HTTPS",
             "instance_port": 8080, "ssl_certificate_id": CERTIFICATE},
            {"lb_protocol": "HTTP", "lb_port": 80, "instance_protocol": "HTTP",
             "instance_port": 8080}],
        "tags": {t["Key"]: t["Value"] for t in TAGS}}


def test_tags_that_cannot_be_read_are_unknown_not_a_pass(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "elastic-load-balancing.DescribeTags")
    tls = read(moto_endpoint)[made["tls_balancer"]]
    assert tls.attributes["tags"] == Unknown("access denied: DescribeTags")
    assert ("GOV-AWS-015", "tls_balancer", "unknown") in statuses(scan(moto_endpoint), made)
