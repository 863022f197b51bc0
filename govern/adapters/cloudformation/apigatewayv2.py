"""API Gateway v2 (HTTP and WebSocket APIs): `AWS::ApiGatewayV2::DomainName`, the same
canonical custom domain as `AWS::ApiGateway::DomainName`; its TLS policy is the
`SecurityPolicy` of its (single) `DomainNameConfigurations` entry, Unknown when not
written, as for REST."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.terraform.apigateway import finish_domain_name

MAPPINGS = {
    "AWS::ApiGatewayV2::DomainName": KindMapping("aws.apigateway.domain_name", (
        field("name", "DomainName"),
        field("security_policy", "DomainNameConfigurations.0.SecurityPolicy"),
    ), finish_domain_name),
}
