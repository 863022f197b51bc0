"""API Gateway v2 (HTTP and WebSocket APIs): `aws_apigatewayv2_domain_name`, the same
canonical custom domain as REST's `aws_api_gateway_domain_name`; its TLS policy is
`domain_name_configuration.security_policy` (Unknown when not known, as for REST).

`aws_apigatewayv2_route` is an `aws.apigatewayv2.route` (`authorization_type` defaults to
`NONE`, `api_key_required` to false). Its `http_method` and `authorization_applies` come
from the route key (`finish_route`, shared with CloudFormation): `METHOD /path` is an
HTTP API route (authorization applies), `$connect` a WebSocket connection (it applies),
`$disconnect` and other keys without a space WebSocket routes (it does not: a WebSocket
API checks authorization only on `$connect`). `$default` exists in both protocols: the
`aws_apigatewayv2_api` its `api_id` refers to gives the protocol (`fold_api`), else
`authorization_applies` stays Unknown."""

from __future__ import annotations

import re
from typing import Any

from govern.adapters.building import field, set_at, where
from govern.adapters.pipeline import DeploymentContext
from govern.adapters.reading import value_at
from govern.adapters.terraform.apigateway import finish_domain_name
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

ROUTE = "aws.apigatewayv2.route"
_DEFAULT_UNDECIDED = "a `$default` route: authorization applies on an HTTP API, not on a " \
    "WebSocket API, and the API's protocol is not known"
_INSTANCE_KEY = re.compile(r"\[[^\]]*\]$")


def finish_route(resource: Resource, native: NativeResource, key_path: str) -> None:
    """`http_method` and `authorization_applies` from the route key at `key_path`."""
    key = resource.attributes.get("route_key")
    at = where(native, key_path, False)
    if isinstance(key, Unknown):
        set_at(resource, "authorization_applies", Unknown(
            f"the route key is not known ({key.reason})", key.ref), at)
        return
    if not isinstance(key, str):
        return
    words = key.split()
    if len(words) == 2:  # METHOD /path: an HTTP API route
        set_at(resource, "http_method", words[0].upper(), at)
        set_at(resource, "authorization_applies", True, at)
    elif key == "$default":
        set_at(resource, "authorization_applies", Unknown(_DEFAULT_UNDECIDED), at)
    else:  # $connect, or a WebSocket route ($disconnect, a custom key)
        set_at(resource, "authorization_applies", key == "$connect", at)


def fold_protocol(api: NativeResource, protocol: Any, ctx: DeploymentContext) -> None:
    """Decide `authorization_applies` of the `$default` routes of `api` (those whose
    `api_id` refers to it) from its protocol (`HTTP` or `WEBSOCKET`)."""
    if not isinstance(protocol, str) or protocol.upper() not in ("HTTP", "WEBSOCKET"):
        return
    names = {api.address, _INSTANCE_KEY.sub("", api.address)}
    for route in ctx.resources:
        api_id = route.attributes.get("api_id")
        if route.kind != ROUTE or not isinstance(api_id, Unknown) or api_id.ref not in names \
                or route.attributes.get("authorization_applies") != Unknown(_DEFAULT_UNDECIDED):
            continue
        route.set(("authorization_applies",), protocol.upper() == "HTTP")


def fold_api(native: NativeResource, ctx: DeploymentContext) -> None:
    fold_protocol(native, value_at(native, "protocol_type"), ctx)


def _finish_route(resource: Resource, native: NativeResource) -> None:
    finish_route(resource, native, "route_key")


MAPPINGS = {
    "aws_apigatewayv2_domain_name": KindMapping("aws.apigateway.domain_name", (
        field("name", "domain_name"),
        field("security_policy", "domain_name_configuration.0.security_policy"),
    ), finish_domain_name),
    "aws_apigatewayv2_route": KindMapping(ROUTE, (
        field("api_id"),
        field("route_key"),
        field("authorization", "authorization_type", default="NONE"),
        field("authorizer_id"),
        field("api_key_required", default=False),
    ), _finish_route),
}

FOLDERS = {"aws_apigatewayv2_api": fold_api}
