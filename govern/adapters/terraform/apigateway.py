"""API Gateway: `aws_api_gateway_domain_name` (`security_policy`; when not written the
provider leaves it to API Gateway, whose default is not documented as fixed: Unknown)."""

from __future__ import annotations

from govern.adapters.building import field, set_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

POLICY_DEFAULT = "the security policy is chosen by API Gateway when not written"


def finish_domain_name(resource: Resource, native: NativeResource) -> None:
    """Unknown for an unwritten security policy (shared with CloudFormation)."""
    del native
    if "security_policy" not in resource.attributes:
        set_at(resource, "security_policy", Unknown(POLICY_DEFAULT), None)


MAPPINGS = {
    "aws_api_gateway_domain_name": KindMapping("aws.apigateway.domain_name", (
        field("name", "domain_name"),
        field("security_policy"),
    ), finish_domain_name),
}
