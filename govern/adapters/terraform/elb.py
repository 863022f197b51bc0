"""Elastic Load Balancing v2: `aws_lb` and `aws_lb_listener`, and their aliases `aws_alb`
and `aws_alb_listener`.

A load balancer's `type` defaults to `application`, `internal`,
`drop_invalid_header_fields` and `enable_deletion_protection` to false,
`desync_mitigation_mode` to `defensive`,
and its `access_logs` block's `enabled` to false (even with a `bucket`).

`protocol` defaults to HTTP for an Application Load Balancer and to nothing for a Gateway
Load Balancer; which one the listener belongs to is not decided by the listener, so an
unwritten `protocol` is Unknown. An unwritten `ssl_policy` is Unknown as well (the default
AWS picks has changed over time). The first `default_action` gives `default_action_type`
and, for a redirect, `redirect_protocol` (default `#{protocol}`: the request's own).
"""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default
from govern.adapters.terraform.lb_access_logs import access_logs
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

PROTOCOL_DEFAULT = "HTTP for an Application Load Balancer, none for a Gateway Load Balancer"
POLICY_DEFAULT = "the default security policy depends on when the listener is created"


def finish_listener(resource: Resource, native: NativeResource) -> None:
    """Unknown for the defaults that depend on the load balancer (shared with
    CloudFormation for `ssl_policy`)."""
    del native
    attributes = resource.attributes
    if "protocol" not in attributes:
        set_at(resource, "protocol", Unknown(PROTOCOL_DEFAULT), None)
    protocol = attributes.get("protocol")
    if "ssl_policy" not in attributes and protocol in ("HTTPS", "TLS"):
        set_at(resource, "ssl_policy", Unknown(POLICY_DEFAULT), None)
    if attributes.get("default_action_type") == "redirect" and \
            "redirect_protocol" not in attributes:
        set_default(resource, "redirect_protocol", "#{protocol}")


_LISTENER = KindMapping("aws.elbv2.listener", (
    field("protocol"),
    field("ssl_policy"),
    field("default_action_type", "default_action.0.type"),
    field("redirect_protocol", "default_action.0.redirect.0.protocol"),
), finish_listener)

def _finish_load_balancer(resource: Resource, native: NativeResource) -> None:
    access_logs(resource, native, "prefix", enabled_default=False)


_LOAD_BALANCER = KindMapping("aws.elbv2.load_balancer", (
    field("name"),
    field("type", "load_balancer_type", default="application"),
    field("internal", default=False),
    field("drop_invalid_header_fields", default=False),
    field("deletion_protection", "enable_deletion_protection", default=False),
    field("desync_mitigation_mode", default="defensive"),
), _finish_load_balancer)

MAPPINGS = {
    "aws_lb": _LOAD_BALANCER,
    "aws_alb": _LOAD_BALANCER,
    "aws_lb_listener": _LISTENER,
    "aws_alb_listener": _LISTENER,
}
