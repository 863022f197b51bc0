"""API Gateway v2 (HTTP and WebSocket APIs): `aws_apigatewayv2_domain_name`, the same
canonical custom domain as REST's `aws_api_gateway_domain_name`; its TLS policy is
`domain_name_configuration.security_policy` (Unknown when not known, as for REST)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.apigateway import finish_domain_name
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_apigatewayv2_domain_name": KindMapping("aws.apigateway.domain_name", (
        field("name", "domain_name"),
        field("security_policy", "domain_name_configuration.0.security_policy"),
    ), finish_domain_name),
}
