"""Elastic Load Balancing v2: `AWS::ElasticLoadBalancingV2::Listener`.

`Protocol` is required except on a Gateway Load Balancer's listener, so an unwritten
`Protocol` stays absent (no protocol). An unwritten `SslPolicy` on an HTTPS or TLS listener
is Unknown, as in the Terraform adapter. The first of `DefaultActions` gives
`default_action_type` and `redirect_protocol` (`RedirectConfig.Protocol`, default
`#{protocol}`).
"""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.terraform.elb import POLICY_DEFAULT
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_listener(resource: Resource, native: NativeResource) -> None:
    del native
    attributes = resource.attributes
    if "ssl_policy" not in attributes and attributes.get("protocol") in ("HTTPS", "TLS"):
        set_at(resource, "ssl_policy", Unknown(POLICY_DEFAULT), None)
    if attributes.get("default_action_type") == "redirect" and \
            "redirect_protocol" not in attributes:
        set_default(resource, "redirect_protocol", "#{protocol}")


MAPPINGS = {
    "AWS::ElasticLoadBalancingV2::Listener": KindMapping("aws.elbv2.listener", (
        field("protocol", "Protocol"),
        field("ssl_policy", "SslPolicy"),
        field("default_action_type", "DefaultActions.0.Type"),
        field("redirect_protocol", "DefaultActions.0.RedirectConfig.Protocol"),
    ), _finish_listener),
}
