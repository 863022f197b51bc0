"""API Gateway (REST) methods: `aws_api_gateway_method` (`api_key_required` defaults to
false; `authorization` is required by the provider)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_api_gateway_method": KindMapping("aws.apigateway.method", (
        field("rest_api_id"),
        field("http_method"),
        field("authorization"),
        field("authorizer_id"),
        field("api_key_required", default=False),
    )),
}
