"""API Gateway: `AWS::ApiGateway::DomainName` (`security_policy` from `SecurityPolicy`;
Unknown when not written, as in the Terraform adapter)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.terraform.apigateway import finish_domain_name

MAPPINGS = {
    "AWS::ApiGateway::DomainName": KindMapping("aws.apigateway.domain_name", (
        field("name", "DomainName"),
        field("security_policy", "SecurityPolicy"),
    ), finish_domain_name),
}
