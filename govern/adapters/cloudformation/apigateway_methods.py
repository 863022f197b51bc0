"""API Gateway (REST) methods: `AWS::ApiGateway::Method` (`AuthorizationType` defaults to
`NONE`, `ApiKeyRequired` to false)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

MAPPINGS = {
    "AWS::ApiGateway::Method": KindMapping("aws.apigateway.method", (
        field("rest_api_id", "RestApiId"),
        field("http_method", "HttpMethod"),
        field("authorization", "AuthorizationType", default="NONE"),
        field("authorizer_id", "AuthorizerId"),
        field("api_key_required", "ApiKeyRequired", function=to_bool, default=False),
    )),
}
