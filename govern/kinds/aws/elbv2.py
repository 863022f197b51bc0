"""AWS Elastic Load Balancing v2: listeners of Application, Network and Gateway Load
Balancers."""

from __future__ import annotations

from govern.kinds.declare import aws, string

KINDS = (
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
