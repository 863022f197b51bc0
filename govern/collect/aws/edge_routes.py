"""API Gateway v2 routes of HTTP and WebSocket APIs (GetApis, then GetRoutes of each API)
as `aws.apigatewayv2.route` (and the APIs' stages, edge_stages), with the attributes the
adapters give `aws_apigatewayv2_route` and `AWS::ApiGatewayV2::Route`. The API's
`ProtocolType` says whether authorization applies to a route: every HTTP API route, only
`$connect` of a WebSocket API."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.edge_stages import api_stages
from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_optional
from govern.model.resource import Resource
from govern.model.unknown import Unknown

ROUTE = "aws.apigatewayv2.route"


def api_routes(apigatewayv2: Any, reader: Reader, account: str,
               region: str) -> list[Resource]:
    found: list[Resource] = []
    for api in listed(reader.pages(apigatewayv2, "GetApis", region, "Items")):
        prefix = f"arn:aws:apigateway:{region}::/apis/{api['ApiId']}"
        found.extend(api_stages(apigatewayv2, reader, account, region, str(api["ApiId"])))
        routes = reader.pages(apigatewayv2, "GetRoutes", prefix, "Items",
                              ApiId=api["ApiId"])
        if isinstance(routes, Failed):
            continue  # the listing's failure is reported, its routes are unknown
        protocol = str(api.get("ProtocolType") or "").upper()
        for item in routes:
            found.append(_route(item, str(api["ApiId"]), protocol, prefix, account, region))
    return found


def _route(item: dict[str, Any], api_id: str, protocol: str, prefix: str, account: str,
           region: str) -> Resource:
    arn = f"{prefix}/routes/{item['RouteId']}"
    route = live_resource(arn, ROUTE, "AWS::ApiGatewayV2::Route", account, region)
    key = str(item.get("RouteKey") or "")
    route.set("api_id", api_id)
    route.set("route_key", key)
    words = key.split()
    if len(words) == 2:
        route.set("http_method", words[0].upper())
    route.set("authorization", item.get("AuthorizationType") or "NONE")
    set_optional(route, "authorizer_id", item.get("AuthorizerId"))
    route.set("api_key_required", bool(item.get("ApiKeyRequired", False)))
    if protocol == "HTTP":
        route.set("authorization_applies", True)
    elif protocol == "WEBSOCKET":
        route.set("authorization_applies", key == "$connect")
    else:
        route.set("authorization_applies", Unknown(
            f"the API's protocol is not known ({protocol or 'not reported'})"))
    return route
