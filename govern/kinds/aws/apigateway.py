"""AWS API Gateway: REST API methods, HTTP and WebSocket API (v2) routes, stages of both,
custom domain names."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, obj, string

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
    aws("aws.apigatewayv2.route", "API Gateway v2 route: of an HTTP API (route key "
        "`METHOD /path` or `$default`) or of a WebSocket API (`$connect`, `$disconnect`, "
        "`$default` or a custom key)",
        string("api_id", "The id of the API the route belongs to (CloudFormation `ApiId`)."),
        string("route_key", "The route key (CloudFormation `RouteKey`): `GET /pets`, "
               "`ANY /{proxy+}`, `$default`, `$connect`, ..."),
        string("http_method", "The HTTP verb of an HTTP API route key `METHOD /path` (its "
               "first word, `ANY` for every verb); absent for other keys.",
               values=("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY")),
        string("authorization", "How callers are authorized: `NONE` is an open route "
               "(Terraform `authorization_type`, CloudFormation `AuthorizationType`, live "
               "`AuthorizationType`); `NONE` when not written.", default="NONE",
               values=("NONE", "AWS_IAM", "CUSTOM", "JWT")),
        string("authorizer_id", "The authorizer of a `CUSTOM` or `JWT` route (CloudFormation "
               "`AuthorizerId`)."),
        boolean("api_key_required", "Whether callers must send an API key (CloudFormation "
                "`ApiKeyRequired`; WebSocket APIs only); false when not written.",
                default=False),
        boolean("authorization_applies", "Whether the route can carry authorization: true "
                "for an HTTP API route and a WebSocket `$connect` route; false for the other "
                "WebSocket routes (authorization is checked only when the connection is "
                "made). Derived from the route key: `METHOD /path` is an HTTP API's, "
                "`$connect`, `$disconnect` and keys without a space a WebSocket API's; "
                "`$default` exists in both, so it comes from the API's protocol "
                "(Terraform `protocol_type` of the `aws_apigatewayv2_api` named by "
                "`api_id`, CloudFormation `ProtocolType` of the `AWS::ApiGatewayV2::Api` "
                "`ApiId` refers to, live the API's `ProtocolType`); Unknown when that API "
                "or its protocol is not known."),
        taggable=False),
    aws("aws.apigateway.stage", "API Gateway stage: of a REST API "
        "(`aws_api_gateway_stage`, `AWS::ApiGateway::Stage`) or of an HTTP or WebSocket API "
        "(`aws_apigatewayv2_stage`, `AWS::ApiGatewayV2::Stage`). A stage made by a REST API "
        "deployment's own stage name (`AWS::ApiGateway::Deployment` `StageName`, Terraform "
        "`aws_api_gateway_deployment` `stage_name`) is not read from templates.",
        string("api_id", "The id of the API the stage belongs to: Terraform `rest_api_id` "
               "(v2 `api_id`), CloudFormation `RestApiId` (v2 `ApiId`)."),
        string("name", "The stage's name: Terraform `stage_name` (v2 `name`), "
               "CloudFormation `StageName`."),
        obj("access_logs", "Access logging: Terraform's `access_log_settings` block, "
            "CloudFormation `AccessLogSetting` (v2 `AccessLogSettings`), live GetStages "
            "`accessLogSettings` (v2 `AccessLogSettings`) with a destination; absent when "
            "not configured (no access logs).",
            boolean("enabled", "True whenever access logging is configured (Unknown when "
                    "the block is)."),
            string("destination", "The ARN of the CloudWatch Logs log group or Data "
                   "Firehose stream receiving the logs (`destination_arn`, "
                   "`DestinationArn`)."))),
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
