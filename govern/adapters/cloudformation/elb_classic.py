"""Classic Elastic Load Balancing: `AWS::ElasticLoadBalancing::LoadBalancer` with its
`Listeners` (`Protocol`, `LoadBalancerPort`, `InstanceProtocol`, `InstancePort`,
`SSLCertificateId`), built as in the Terraform adapter (protocols in upper case, ports as
numbers)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.terraform.elb_classic import KIND, build_listeners
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish(resource: Resource, native: NativeResource) -> None:
    build_listeners(resource, native, "Listeners", {
        "lb_protocol": "Protocol", "lb_port": "LoadBalancerPort",
        "instance_protocol": "InstanceProtocol", "instance_port": "InstancePort",
        "ssl_certificate_id": "SSLCertificateId"})


MAPPINGS = {
    "AWS::ElasticLoadBalancing::LoadBalancer": KindMapping(KIND, (
        field("name", "LoadBalancerName"),
    ), _finish),
}
