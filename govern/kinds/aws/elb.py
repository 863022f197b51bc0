"""AWS Elastic Load Balancing (Classic Load Balancers) and their listeners."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, integer, mapping, obj, objects, string, strings

KINDS = (
    aws("aws.elb.load_balancer", "Classic Load Balancer with its listeners",
        string("name", "The load balancer's name: Terraform `name`, CloudFormation "
               "`LoadBalancerName`; absent when AWS generates it."),
        objects("listeners", "The listeners, one entry per Terraform `listener` block, "
                "CloudFormation `Listeners` entry, live `ListenerDescriptions` entry "
                "(always present; a `dynamic` block over a collection not known statically "
                "is an Unknown element). On a load balancer declared outside the scanned "
                "code (a stand-in), one entry per port a Terraform listener policy names, "
                "after an Undeclared element for the others.",
                string("lb_protocol", "The protocol clients connect with (CloudFormation "
                       "`Protocol`), upper case as AWS reports it.",
                       values=("HTTP", "HTTPS", "TCP", "SSL")),
                integer("lb_port", "The port clients connect to (CloudFormation "
                        "`LoadBalancerPort`)."),
                string("instance_protocol", "The protocol to the instances (CloudFormation "
                       "`InstanceProtocol`), upper case; absent when not written (AWS "
                       "then uses the front-end protocol's family).",
                       values=("HTTP", "HTTPS", "TCP", "SSL")),
                integer("instance_port", "The port on the instances (CloudFormation "
                        "`InstancePort`)."),
                string("ssl_certificate_id", "The certificate (ARN) of an HTTPS or SSL "
                       "listener: CloudFormation `SSLCertificateId`, live "
                       "`SSLCertificateId`."),
                strings("policy_names", "The policies set on the listener: Terraform "
                        "`aws_load_balancer_listener_policy` `policy_names` (by "
                        "`load_balancer_name` and `load_balancer_port`) and the `name` of "
                        "an `aws_lb_ssl_negotiation_policy` (by `load_balancer` and "
                        "`lb_port`); CloudFormation the listener's `PolicyNames` and the "
                        "`Policies` whose `LoadBalancerPorts` hold its port; live "
                        "`PolicyNames`. Absent when none is set."),
                string("ssl_policy", "For an HTTPS or SSL listener, the predefined security "
                       "policy (`ELBSecurityPolicy-TLS-1-2-2017-01`, ...) of its SSL "
                       "negotiation policy (the one of its `policy_names` whose type is "
                       "`SSLNegotiationPolicyType`): that policy's "
                       "`Reference-Security-Policy` attribute, or a name of `policy_names` "
                       "that is no policy of the load balancer and starts with "
                       "`ELBSecurityPolicy-` (a predefined policy set directly). Absent for "
                       "a custom policy without a reference (see `ssl_protocols`) and on "
                       "other listeners. Unknown when no negotiation policy is set (AWS "
                       "then applies a default, `ELBSecurityPolicy-2016-08` through the "
                       "API, unless one is set outside the configuration), when a named "
                       "policy is not in the configuration, or when several negotiation "
                       "policies are set."),
                strings("ssl_protocols", "For an HTTPS or SSL listener whose negotiation "
                        "policy has `Protocol-*` attributes, the protocols it enables "
                        "(`SSLv2`, `SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`: each "
                        "`Protocol-<name>` attribute whose value is `true`). In Terraform "
                        "and CloudFormation, without `Reference-Security-Policy` each of "
                        "`Protocol-SSLv3`, `-TLSv1`, `-TLSv1.1` not written is an Unknown "
                        "element (its default is not stated), and protocol attributes "
                        "written beside `Reference-Security-Policy` make one Unknown "
                        "element (which of the two AWS applies is not decided here); live, "
                        "the attributes AWS reports are the effective ones. Absent when the "
                        "policy has no protocol attribute (a predefined policy by name, or "
                        "a reference alone).")),
        objects("policies", "The policies defined on the load balancer: Terraform "
                "`aws_load_balancer_policy` (by `load_balancer_name`) and "
                "`aws_lb_ssl_negotiation_policy` (by `load_balancer`), CloudFormation "
                "`Policies`, live DescribeLoadBalancerPolicies (the load balancer's own; "
                "absent when there are none).",
                string("name", "The policy's name (`policy_name`, `name`, `PolicyName`)."),
                string("type", "Its type (`policy_type_name`, `PolicyType`, live "
                       "`PolicyTypeName`; `SSLNegotiationPolicyType` for "
                       "`aws_lb_ssl_negotiation_policy`)."),
                mapping("attributes", "Its attributes, name to value as written "
                        "(`policy_attribute` / `attribute` blocks, `Attributes`, live "
                        "`PolicyAttributeDescriptions`), e.g. `Reference-Security-Policy`, "
                        "`Protocol-TLSv1`.")),
        obj("access_logs", "Access logs delivered to S3: Terraform's `access_logs` block, "
            "CloudFormation `AccessLoggingPolicy`, live DescribeLoadBalancerAttributes "
            "`AccessLog`; absent when not written (no access logs).",
            boolean("enabled", "Whether access logs are delivered: Terraform `enabled`, "
                    "true when not written in the block (the AWS provider's default); "
                    "CloudFormation `Enabled` (required); live `AccessLog.Enabled`.",
                    default=True),
            string("bucket", "The S3 bucket receiving the logs (Terraform `bucket`, "
                   "CloudFormation `S3BucketName`)."),
            string("prefix", "The prefix of the log objects (Terraform `bucket_prefix`, "
                   "CloudFormation `S3BucketPrefix`)."))),
)
