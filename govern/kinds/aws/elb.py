"""AWS Elastic Load Balancing (Classic Load Balancers) and their listeners."""

from __future__ import annotations

from govern.kinds.declare import aws, integer, objects, string

KINDS = (
    aws("aws.elb.load_balancer", "Classic Load Balancer with its listeners",
        string("name", "The load balancer's name: Terraform `name`, CloudFormation "
               "`LoadBalancerName`; absent when AWS generates it."),
        objects("listeners", "The listeners, one entry per Terraform `listener` block, "
                "CloudFormation `Listeners` entry, live `ListenerDescriptions` entry "
                "(always present; a `dynamic` block over a collection not known statically "
                "is an Unknown element).",
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
                       "`SSLCertificateId`."))),
)
