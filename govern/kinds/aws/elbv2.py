"""AWS Elastic Load Balancing v2: Application, Network and Gateway Load Balancers and
their listeners."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, obj, string

KINDS = (
    aws("aws.elbv2.load_balancer", "Application, Network or Gateway Load Balancer "
        "(Terraform `aws_lb` / `aws_alb`, CloudFormation "
        "`AWS::ElasticLoadBalancingV2::LoadBalancer`)",
        string("name", "The load balancer's name: Terraform `name`, CloudFormation `Name`; "
               "absent when AWS generates it."),
        string("type", "Terraform `load_balancer_type`, CloudFormation `Type`, live `Type`; "
               "`application` when not written (the default of both).",
               default="application", values=("application", "network", "gateway")),
        boolean("internal", "Whether the load balancer is internal (private IP addresses "
                "only) rather than internet-facing (a public DNS name resolving to public "
                "addresses): Terraform `internal`, CloudFormation `Scheme` `internal`, live "
                "`Scheme`; false (internet-facing) when not written, the default of both. "
                "Gateway Load Balancers have no scheme.", default=False),
        obj("access_logs", "Access logs delivered to S3: Terraform's `access_logs` block, "
            "CloudFormation the `LoadBalancerAttributes` `access_logs.s3.enabled`, "
            "`access_logs.s3.bucket` and `access_logs.s3.prefix`, live "
            "DescribeLoadBalancerAttributes (the same keys); absent when neither the block "
            "nor `access_logs.s3.enabled` is written (no access logs).",
            boolean("enabled", "Whether access logs are delivered: Terraform `enabled`, "
                    "false when not written even with a `bucket` (the AWS provider's "
                    "default); CloudFormation and live `access_logs.s3.enabled`.",
                    default=False),
            string("bucket", "The S3 bucket receiving the logs (`access_logs.s3.bucket`)."),
            string("prefix", "The prefix of the log objects (`access_logs.s3.prefix`).")),
        boolean("drop_invalid_header_fields", "Whether an Application Load Balancer removes "
                "HTTP headers whose names are not valid (not matching "
                "`^[-A-Za-z0-9]+$`) before routing: Terraform "
                "`drop_invalid_header_fields`, CloudFormation and live the attribute "
                "`routing.http.drop_invalid_header_fields.enabled`; false when not written "
                "(AWS's default).", default=False),
        boolean("deletion_protection", "Whether the load balancer cannot be deleted until "
                "deletion protection is turned off: Terraform `enable_deletion_protection`, "
                "CloudFormation and live the attribute `deletion_protection.enabled`; "
                "false when not written (AWS's default).", default=False),
        string("desync_mitigation_mode", "How an Application Load Balancer treats "
               "requests that may be used for HTTP desync (request smuggling): Terraform "
               "`desync_mitigation_mode`, CloudFormation and live the attribute "
               "`routing.http.desync_mitigation_mode`; `defensive` when not written "
               "(AWS's default). Other load balancer types have no such attribute.",
               default="defensive", values=("monitor", "defensive", "strictest"))),
    aws("aws.elbv2.listener", "Application, Network or Gateway Load Balancer listener",
        string("protocol", "The protocol clients connect with, e.g. `HTTP`, `HTTPS`, `TCP`, "
               "`TLS`, `UDP`, `TCP_UDP`, `GENEVE` (CloudFormation `Protocol`). When not "
               "written: Unknown in Terraform (HTTP for an ALB, none for a GWLB, and the "
               "listener does not say which); absent in CloudFormation and live, where only "
               "a GWLB listener may leave it out."),
        string("ssl_policy", "The TLS security policy of an `HTTPS`/`TLS` listener "
               "(CloudFormation `SslPolicy`); Unknown when not written on such a listener: "
               "AWS picks the default, which has changed over time."),
        string("default_action_type", "The type of the first default action, e.g. "
               "`forward`, `redirect`, `fixed-response`, `authenticate-cognito`, "
               "`authenticate-oidc`: Terraform `default_action.type`, CloudFormation "
               "`DefaultActions[0].Type` (live: the action of lowest `Order`)."),
        string("redirect_protocol", "The protocol a redirecting first default action "
               "sends to: Terraform `default_action.redirect.protocol`, CloudFormation "
               "`DefaultActions[0].RedirectConfig.Protocol`; `#{protocol}` (the request's "
               "own) when not written on a redirect, absent for other actions.",
               default="#{protocol}", values=("HTTP", "HTTPS", "#{protocol}")),
        taggable=False),
)
