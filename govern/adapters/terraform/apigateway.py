"""API Gateway: `aws_api_gateway_domain_name` (`security_policy`; when not written the
provider leaves it to API Gateway, whose default is not documented as fixed: Unknown), and
the stages of REST APIs (`aws_api_gateway_stage`) and of HTTP and WebSocket APIs
(`aws_apigatewayv2_stage`): `access_logs` from the `access_log_settings` block."""

from __future__ import annotations

from govern.adapters.building import copy, field, set_at, where
from govern.adapters.reading import MISSING, first_block
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

POLICY_DEFAULT = "the security policy is chosen by API Gateway when not written"


def finish_domain_name(resource: Resource, native: NativeResource) -> None:
    """Unknown for an unwritten security policy (shared with CloudFormation)."""
    del native
    if "security_policy" not in resource.attributes:
        set_at(resource, "security_policy", Unknown(POLICY_DEFAULT), None)


def finish_stage(resource: Resource, native: NativeResource) -> None:
    block = first_block(native.attributes, "access_log_settings")
    if block is MISSING:
        return
    if isinstance(block, Unknown):
        set_at(resource, "access_logs", {"enabled": block},
               where(native, "access_log_settings", folded=False))
        return
    path: Path = ("access_log_settings", 0)
    set_at(resource, "access_logs", {"enabled": True}, where(native, path, folded=False))
    copy(resource, native, (*path, "destination_arn"), "access_logs.destination")


MAPPINGS = {
    "aws_api_gateway_stage": KindMapping("aws.apigateway.stage", (
        field("api_id", "rest_api_id"),
        field("name", "stage_name"),
    ), finish_stage),
    "aws_apigatewayv2_stage": KindMapping("aws.apigateway.stage", (
        field("api_id"),
        field("name"),
    ), finish_stage),
    "aws_api_gateway_domain_name": KindMapping("aws.apigateway.domain_name", (
        field("name", "domain_name"),
        field("security_policy"),
    ), finish_domain_name),
}

