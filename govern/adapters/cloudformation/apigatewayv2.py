"""API Gateway v2 (HTTP and WebSocket APIs): `AWS::ApiGatewayV2::DomainName`, the same
canonical custom domain as `AWS::ApiGateway::DomainName`; its TLS policy is the
`SecurityPolicy` of its (single) `DomainNameConfigurations` entry, Unknown when not
written, as for REST.

`AWS::ApiGatewayV2::Route` is an `aws.apigatewayv2.route` (`AuthorizationType` defaults to
`NONE`, `ApiKeyRequired` to false), with `http_method` and `authorization_applies` from its
`RouteKey` as in Terraform; a `$default` route takes its protocol from the
`AWS::ApiGatewayV2::Api` its `ApiId` refers to (`ProtocolType`; not written, with an
OpenAPI `Body`: Unknown)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.pipeline import DeploymentContext
from govern.adapters.reading import value_at
from govern.adapters.terraform.apigateway import finish_domain_name
from govern.adapters.terraform.apigatewayv2 import ROUTE, finish_route, fold_protocol
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish_route(resource: Resource, native: NativeResource) -> None:
    finish_route(resource, native, "RouteKey")


def fold_api(native: NativeResource, ctx: DeploymentContext) -> None:
    fold_protocol(native, value_at(native, "ProtocolType"), ctx)


MAPPINGS = {
    "AWS::ApiGatewayV2::DomainName": KindMapping("aws.apigateway.domain_name", (
        field("name", "DomainName"),
        field("security_policy", "DomainNameConfigurations.0.SecurityPolicy"),
    ), finish_domain_name),
    "AWS::ApiGatewayV2::Route": KindMapping(ROUTE, (
        field("api_id", "ApiId"),
        field("route_key", "RouteKey"),
        field("authorization", "AuthorizationType", default="NONE"),
        field("authorizer_id", "AuthorizerId"),
        field("api_key_required", "ApiKeyRequired", function=to_bool, default=False),
    ), _finish_route),
}

FOLDERS = {"AWS::ApiGatewayV2::Api": fold_api}
