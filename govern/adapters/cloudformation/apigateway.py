"""API Gateway: `AWS::ApiGateway::DomainName` (`security_policy` from `SecurityPolicy`;
Unknown when not written, as in the Terraform adapter), and the stages of REST APIs
(`AWS::ApiGateway::Stage`, `AccessLogSetting`) and of HTTP and WebSocket APIs
(`AWS::ApiGatewayV2::Stage`, `AccessLogSettings`): `access_logs`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import mapped
from govern.adapters.reading import MISSING, value_at, value_in
from govern.adapters.terraform.apigateway import finish_domain_name
from govern.model.resource import Resource
from govern.model.unknown import Unknown, has_choices
from govern.parsers.native import NativeResource


def _settings(config: Any) -> Any:
    if not isinstance(config, dict):
        return Unknown("the access log settings are not known statically")
    found: dict[str, Any] = {"enabled": True}
    destination = value_in(config, "DestinationArn")
    if destination is not MISSING:
        found["destination"] = destination
    return found


def _finish_stage(prop: str) -> Callable[[Resource, NativeResource], None]:
    def finish(resource: Resource, native: NativeResource) -> None:
        raw = value_at(native, prop)
        if raw is MISSING:
            return
        value = mapped(raw, _settings)
        if isinstance(value, Unknown) and not has_choices(value):
            value = {"enabled": value}
        set_at(resource, "access_logs", value, where(native, prop, folded=False))
        carry_locations(resource, native, (prop, "DestinationArn"),
                        ("access_logs", "destination"))
    return finish


MAPPINGS = {
    "AWS::ApiGateway::Stage": KindMapping("aws.apigateway.stage", (
        field("api_id", "RestApiId"),
        field("name", "StageName"),
    ), _finish_stage("AccessLogSetting")),
    "AWS::ApiGatewayV2::Stage": KindMapping("aws.apigateway.stage", (
        field("api_id", "ApiId"),
        field("name", "StageName"),
    ), _finish_stage("AccessLogSettings")),
    "AWS::ApiGateway::DomainName": KindMapping("aws.apigateway.domain_name", (
        field("name", "DomainName"),
        field("security_policy", "SecurityPolicy"),
    ), finish_domain_name),
}
