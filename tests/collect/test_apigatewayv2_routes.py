"""API Gateway v2 routes of HTTP and WebSocket APIs read from moto
(govern/collect/aws/edge_routes.py) as `aws.apigatewayv2.route`, and GOV-AWS-059 (method
or route without authorization): every HTTP API route is judged, a WebSocket API's
`$connect` only."""

from __future__ import annotations

from typing import Any

import pytest

from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from tests.collect import world
from tests.collect.conftest import REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    v2 = client(moto_endpoint, "apigatewayv2")
    http = v2.create_api(Name="http", ProtocolType="HTTP")["ApiId"]
    chat = v2.create_api(Name="chat", ProtocolType="WEBSOCKET",
                         RouteSelectionExpression="$request.body.action")["ApiId"]

    def route(api: str, key: str, **settings: Any) -> str:
        made = v2.create_route(ApiId=api, RouteKey=key, **settings)
        return f"arn:aws:apigateway:{REGION}::/apis/{api}/routes/{made['RouteId']}"

    return {"open_get": route(http, "GET /orders"),
            "iam_post": route(http, "POST /orders", AuthorizationType="AWS_IAM"),
            "preflight": route(http, "OPTIONS /orders"),
            "http_default": route(http, "$default"),
            "open_connect": route(chat, "$connect"),
            "keyed_connect": route(chat, "$connect", ApiKeyRequired=True),
            "chat_default": route(chat, "$default"),
            "send_message": route(chat, "sendMessage")}


def test_each_route_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                      made: dict[str, str]) -> None:
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-059", "open_get", "fail"), ("GOV-AWS-059", "http_default", "fail"),
        ("GOV-AWS-059", "open_connect", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    get = resources[made["open_get"]]
    assert (get.kind, get.native_type) == ("aws.apigatewayv2.route",
                                           "AWS::ApiGatewayV2::Route")
    api_id = made["open_get"].split("/apis/")[1].split("/")[0]
    assert get.attributes == {"api_id": api_id, "route_key": "GET /orders",
                              "http_method": "GET", "authorization": "NONE",
                              "api_key_required": False, "authorization_applies": True}
    assert resources[made["keyed_connect"]].attributes["api_key_required"] is True
    assert resources[made["http_default"]].attributes["authorization_applies"] is True
    assert resources[made["chat_default"]].attributes["authorization_applies"] is False
    assert "http_method" not in resources[made["send_message"]].attributes


def test_routes_that_cannot_be_listed_are_unknown_not_a_pass(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "apigatewayv2.GetRoutes")
    graph, notices = collect(AwsOptions(regions=(REGION,), endpoint_url=moto_endpoint))
    assert not any(r.kind == "aws.apigatewayv2.route" for r in graph)
    assert any("access denied: GetRoutes" in n.message for n in notices)
