"""API Gateway stages read from moto (govern/collect/aws/edge_stages.py) as
`aws.apigateway.stage`: REST API stages (GetStages of `apigateway`) and HTTP API stages
(GetStages of `apigatewayv2`), GOV-AWS-160 (access logging) and GOV-AWS-015 (tags)."""

from __future__ import annotations

import pytest

from govern.collect.aws.collector import collect
from govern.collect.aws.listings import is_listing
from govern.collect.aws.options import AwsOptions
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

LOG_GROUP = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/apigateway/access"
TAG_MAP = {t["Key"]: t["Value"] for t in world.TAGS}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    rest = client(moto_endpoint, "apigateway")
    api_id = rest.create_rest_api(name="shop")["id"]
    root = rest.get_resources(restApiId=api_id)["items"][0]["id"]
    rest.put_method(restApiId=api_id, resourceId=root, httpMethod="GET",
                    authorizationType="AWS_IAM")
    rest.put_integration(restApiId=api_id, resourceId=root, httpMethod="GET", type="MOCK")
    deployment = rest.create_deployment(restApiId=api_id)["id"]
    for name in ("logged", "plain"):
        rest.create_stage(restApiId=api_id, stageName=name, deploymentId=deployment,
                          tags=TAG_MAP)
    rest.update_stage(restApiId=api_id, stageName="logged", patchOperations=[
        {"op": "replace", "path": "/accessLogSettings/destinationArn", "value": LOG_GROUP},
        {"op": "replace", "path": "/accessLogSettings/format", "value": "$context.requestId"}])
    v2 = client(moto_endpoint, "apigatewayv2")
    http = v2.create_api(Name="http", ProtocolType="HTTP")["ApiId"]
    v2.create_stage(ApiId=http, StageName="logged", Tags=TAG_MAP, AccessLogSettings={
        "DestinationArn": LOG_GROUP, "Format": "$context.requestId"})
    v2.create_stage(ApiId=http, StageName="plain")
    rest_prefix = f"arn:aws:apigateway:{REGION}::/restapis/{api_id}/stages"
    http_prefix = f"arn:aws:apigateway:{REGION}::/apis/{http}/stages"
    return {"rest_logged": f"{rest_prefix}/logged", "rest_plain": f"{rest_prefix}/plain",
            "http_logged": f"{http_prefix}/logged", "http_plain": f"{http_prefix}/plain"}


def test_each_stage_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                      made: dict[str, str]) -> None:
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-160", "rest_plain", "fail"), ("GOV-AWS-160", "http_plain", "fail"),
        ("GOV-AWS-015", "http_plain", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    rest = found[made["rest_logged"]]
    assert (rest.kind, rest.native_type) == ("aws.apigateway.stage", "AWS::ApiGateway::Stage")
    assert rest.attributes == {
        "api_id": made["rest_logged"].split("/")[-3], "name": "logged",
        "access_logs": {"enabled": True, "destination": LOG_GROUP}, "tags": TAG_MAP}
    http = found[made["http_logged"]]
    assert http.native_type == "AWS::ApiGatewayV2::Stage"
    assert http.attributes["access_logs"] == {"enabled": True, "destination": LOG_GROUP}
    assert "access_logs" not in found[made["http_plain"]].attributes


@pytest.mark.parametrize(("operation", "lost"), [
    ("api-gateway.GetStages", ("rest_logged", "rest_plain")),
    ("apigatewayv2.GetStages", ("http_logged", "http_plain"))])
def test_unreadable_stages_are_not_passed(moto_endpoint: str, made: dict[str, str],
                                          monkeypatch: pytest.MonkeyPatch, operation: str,
                                          lost: tuple[str, ...]) -> None:
    """A stage listing failing: those stages are not read, and the collection warns that
    its inventory of stages is incomplete (a listing of `aws.apigateway.stage`)."""
    deny_calls(monkeypatch, operation)
    graph, notices = collect(AwsOptions(regions=(REGION,), endpoint_url=moto_endpoint))
    read_ids = {r.id for r in graph}
    assert not read_ids & {made[role] for role in lost}
    assert {made[role] for role in made if role not in lost} <= read_ids
    assert any("GetStages" in n.message and n.level == "warning" for n in notices)
    assert is_listing("apigateway", "GetStages")
