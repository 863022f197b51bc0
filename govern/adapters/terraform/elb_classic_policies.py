"""Classic Elastic Load Balancing policies written as separate resources, folded into the
`aws_elb` they name (by `name`, or by reference):

- `aws_load_balancer_policy` (`load_balancer_name`): a policy (`policy_name`,
  `policy_type_name`, `policy_attribute` blocks) in `policies`;
- `aws_load_balancer_listener_policy` (`load_balancer_name`, `load_balancer_port`):
  `policy_names` of the listener on that port;
- `aws_lb_ssl_negotiation_policy` (`load_balancer`, `lb_port`): a policy of type
  `SSLNegotiationPolicyType` (`name`, `attribute` blocks) set on the listener on that port.

After each fold the listeners' `ssl_policy` / `ssl_protocols` are derived again from
everything folded so far (`govern.adapters.elb_negotiation`), so the order of the files
does not matter. A load balancer not declared in the scanned code is a stand-in
(`govern.adapters.external`) whose listeners are those the attachments name (protocol
Unknown; HTTPS or SSL for one with an SSL negotiation policy, which AWS sets on no other).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import where
from govern.adapters.elb_negotiation import NEGOTIATION, SECURE_PROTOCOLS, derive
from govern.adapters.external import named
from govern.adapters.network import port
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.context import Folder, RootContext
from govern.adapters.terraform.elb_classic import KIND
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_EXTERNAL = (KIND, "aws_elb", named(("listeners", "listeners"), ("policies", "policies")))
_OUTSIDE = "the listener is declared outside the scanned code"


def _target(native: NativeResource, ctx: RootContext, attribute: str) -> Resource | None:
    target = ctx.fold_target(native, attribute, [KIND], "load balancer",
                             external=_EXTERNAL)
    if target is not None:
        ctx.absorb(native, target)
    return target


def _attributes(native: NativeResource, path: str) -> Any:
    """The `{name: value}` of the attribute blocks at `path`; Unknown when a block or a
    name is not known statically."""
    blocks = blocks_in(native.attributes, path)
    if isinstance(blocks, Unknown):
        return blocks
    found: dict[str, Any] = {}
    for block in blocks:
        name = value_in(block, "name")
        if not isinstance(name, str):
            return Unknown(f"a {path} block of {native.address} is not known statically")
        value = value_in(block, "value")
        found[name] = None if value is MISSING else value
    return found


def _add_policy(target: Resource, native: NativeResource, policy: dict[str, Any]) -> None:
    policies = target.attributes.get("policies")
    if not isinstance(policies, list):
        policies = []
        target.attributes["policies"] = policies
    policies.append(policy)
    located = where(native, (), True)
    if located is not None:
        target.locations[("policies", len(policies) - 1)] = located


def _attach(target: Resource, native: NativeResource, port_attribute: str, names: Any,
            negotiation: bool) -> None:
    """Add `names` to `policy_names` of the listener on the port `native` names (a new one
    on a stand-in)."""
    listeners = target.attributes.get("listeners")
    if not isinstance(listeners, list):
        return
    wanted = port(value_at(native, port_attribute))
    matching = [item for item in listeners if isinstance(item, dict) and
                item.get("lb_port") == wanted]
    if not matching and target.external and isinstance(wanted, int):
        protocol = Unknown(_OUTSIDE, alternatives=SECURE_PROTOCOLS) if negotiation \
            else Unknown(_OUTSIDE)
        matching = [{"lb_protocol": protocol, "lb_port": wanted}]
        listeners.append(matching[0])
    if not matching:  # a port not known, or no such listener: the attachment is in doubt
        doubt = Unknown(f"{native.address} sets policies on port {wanted!r}, which no "
                        "known listener has")
        matching = [item for item in listeners if isinstance(item, dict)
                    and not isinstance(item.get("lb_port"), int)]
        for item in matching:
            item["policy_names"] = doubt
        return
    for listener in matching:
        current = listener.get("policy_names")
        if isinstance(current, Unknown):
            continue
        if isinstance(names, list):
            listener["policy_names"] = [*(current or []), *names]
        else:
            listener["policy_names"] = names
        index = listeners.index(listener)
        located = where(native, (), True)
        if located is not None:
            target.locations[("listeners", index, "policy_names")] = located


def fold_policy(native: NativeResource, ctx: RootContext) -> None:
    target = _target(native, ctx, "load_balancer_name")
    if target is None:
        return
    _add_policy(target, native, {
        "name": value_at(native, "policy_name"),
        "type": value_at(native, "policy_type_name"),
        "attributes": _attributes(native, "policy_attribute")})
    _derive(target)


def fold_listener_policy(native: NativeResource, ctx: RootContext) -> None:
    target = _target(native, ctx, "load_balancer_name")
    if target is None:
        return
    names = value_at(native, "policy_names")
    _attach(target, native, "load_balancer_port",
            [] if names is MISSING else names if not isinstance(names, (set, tuple))
            else sorted(names), negotiation=False)
    _derive(target)


def fold_ssl_negotiation_policy(native: NativeResource, ctx: RootContext) -> None:
    target = _target(native, ctx, "load_balancer")
    if target is None:
        return
    name = value_at(native, "name")
    _add_policy(target, native, {"name": name, "type": NEGOTIATION,
                                 "attributes": _attributes(native, "attribute")})
    _attach(target, native, "lb_port", [name], negotiation=True)
    _derive(target)


def _derive(target: Resource) -> None:
    derive(target.attributes.get("listeners"), target.attributes.get("policies"),
           effective=False)


FOLDERS: dict[str, Folder] = {
    "aws_load_balancer_policy": fold_policy,
    "aws_load_balancer_listener_policy": fold_listener_policy,
    "aws_lb_ssl_negotiation_policy": fold_ssl_negotiation_policy,
}
