"""AWS API Gateway (REST APIs): methods and custom domain names."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.apigateway.method", "API Gateway (REST) method",
        string("rest_api_id", "The id of the REST API the method belongs to (CloudFormation "
               "`RestApiId`)."),
        string("http_method", "The HTTP verb the method answers (CloudFormation "
               "`HttpMethod`); `ANY` is every verb.",
               values=("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY")),
        string("authorization", "How callers are authorized: `NONE` is an open method "
               "(CloudFormation `AuthorizationType`, live `authorizationType`). Required in "
               "Terraform; CloudFormation and live default to `NONE`, written as a default "
               "in CloudFormation.",
               values=("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS")),
        string("authorizer_id", "The authorizer of a `CUSTOM` or `COGNITO_USER_POOLS` method "
               "(CloudFormation `AuthorizerId`)."),
        boolean("api_key_required", "Whether callers must send an API key (CloudFormation "
                "`ApiKeyRequired`); false when not written.", default=False),
        taggable=False),
    aws("aws.apigateway.domain_name", "API Gateway custom domain name: REST "
        "(`aws_api_gateway_domain_name`, `AWS::ApiGateway::DomainName`) or HTTP/WebSocket "
        "(`aws_apigatewayv2_domain_name`, `AWS::ApiGatewayV2::DomainName`; not read live)",
        string("name", "The custom domain name (Terraform `domain_name`, CloudFormation "
               "`DomainName`)."),
        string("security_policy", "The TLS security policy of the domain, e.g. `TLS_1_0` "
               "or `TLS_1_2` (CloudFormation `SecurityPolicy`; v2: "
               "`domain_name_configuration.security_policy`, the `SecurityPolicy` of the "
               "first `DomainNameConfigurations` entry); Unknown when not written, "
               "or not reported live: API Gateway chooses.")),
)
