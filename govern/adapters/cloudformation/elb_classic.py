"""Classic Elastic Load Balancing: `AWS::ElasticLoadBalancing::LoadBalancer` with its
`Listeners` (`Protocol`, `LoadBalancerPort`, `InstanceProtocol`, `InstancePort`,
`SSLCertificateId`), built as in the Terraform adapter (protocols in upper case, ports as
numbers), and its `Policies` (`PolicyName`, `PolicyType`, `Attributes` as `{Name: Value}`).
A listener's `policy_names` are its `PolicyNames` and then the `Policies` whose
`LoadBalancerPorts` hold its `LoadBalancerPort`; its `ssl_policy` / `ssl_protocols` follow
from them (`govern.adapters.elb_negotiation`)."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, convert, field, set_at, to_bool, where
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import mapped
from govern.adapters.elb_negotiation import derive
from govern.adapters.network import port
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.elb_classic import KIND, build_listeners
from govern.model.resource import Resource
from govern.model.unknown import Unknown, has_choices
from govern.parsers.native import NativeResource


def _attributes(entry: Any) -> Any:
    items = value_in(entry, "Attributes")
    if items is MISSING:
        return {}
    if not isinstance(items, list):
        return Unknown("a policy's Attributes are not known statically")
    found: dict[str, Any] = {}
    for item in items:
        name = value_in(item, "Name")
        if not isinstance(name, str):
            return Unknown("a policy's Attributes are not known statically")
        value = value_in(item, "Value")
        found[name] = None if value is MISSING else value
    return found


def _policies(resource: Resource, native: NativeResource) -> list[Any]:
    """`policies` (set when `Policies` is written) and, for each entry, the ports of
    `LoadBalancerPorts` (None when not known)."""
    entries = blocks_in(native.attributes, "Policies")
    if isinstance(entries, Unknown):
        resource.set(("policies",), entries)
        return [entries]
    policies: list[Any] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            policies.append(entry if isinstance(entry, Unknown)
                            else Unknown("a policy is not known statically"))
            continue
        policies.append({"name": value_in(entry, "PolicyName"),
                         "type": value_in(entry, "PolicyType"),
                         "attributes": _attributes(entry)})
        carry_locations(resource, native, ("Policies", index), ("policies", index))
    if entries:
        resource.set(("policies",), policies)
    return entries


def _by_port(listeners: Any, entries: list[Any]) -> None:
    """Add to each listener's `policy_names` the policies whose `LoadBalancerPorts` hold
    its port."""
    if not isinstance(listeners, list):
        return
    for listener in listeners:
        if not isinstance(listener, dict):
            continue
        names = listener.get("policy_names")
        for entry in entries:
            ports = value_in(entry, "LoadBalancerPorts") if isinstance(entry, dict) \
                else entry
            if ports is MISSING:
                continue
            name = value_in(entry, "PolicyName") if isinstance(entry, dict) else entry
            wanted = [port(p) for p in ports] if isinstance(ports, list) else None
            mine = listener.get("lb_port")
            if wanted is None or not isinstance(mine, int) or \
                    any(not isinstance(p, int) for p in wanted):
                names = Unknown("the ports a policy applies to, or the listener's, are not "
                                "known statically")
                break
            if mine in wanted and not isinstance(names, Unknown):
                names = [*(names or []), name]
        if names is not None:
            listener["policy_names"] = names


def _finish(resource: Resource, native: NativeResource) -> None:
    build_listeners(resource, native, "Listeners", {
        "lb_protocol": "Protocol", "lb_port": "LoadBalancerPort",
        "instance_protocol": "InstanceProtocol", "instance_port": "InstancePort",
        "ssl_certificate_id": "SSLCertificateId", "policy_names": "PolicyNames"})
    listeners = resource.attributes.get("listeners")
    if isinstance(listeners, list):
        for listener in listeners:
            if isinstance(listener, dict) and listener.get("policy_names") == []:
                del listener["policy_names"]
    _by_port(listeners, _policies(resource, native))
    derive(listeners, resource.attributes.get("policies"), effective=False)
    _access_logs(resource, native)


def _logging_policy(policy: Any) -> Any:
    """`AccessLoggingPolicy` as the canonical `access_logs`."""
    if not isinstance(policy, dict):
        return Unknown("AccessLoggingPolicy is not known statically")
    found: dict[str, Any] = {}
    for prop, name in (("Enabled", "enabled"), ("S3BucketName", "bucket"),
                       ("S3BucketPrefix", "prefix")):
        value = value_in(policy, prop)
        if value is not MISSING:
            found[name] = convert(value, to_bool) if name == "enabled" else value
    return found


def _access_logs(resource: Resource, native: NativeResource) -> None:
    raw = value_at(native, "AccessLoggingPolicy")
    if raw is MISSING:
        return
    value = mapped(raw, _logging_policy)
    if isinstance(value, Unknown) and not has_choices(value):
        value = {"enabled": value}
    set_at(resource, "access_logs", value, where(native, "AccessLoggingPolicy", False))
    for prop, name in (("Enabled", "enabled"), ("S3BucketName", "bucket"),
                       ("S3BucketPrefix", "prefix")):
        carry_locations(resource, native, ("AccessLoggingPolicy", prop), ("access_logs", name))


MAPPINGS = {
    "AWS::ElasticLoadBalancing::LoadBalancer": KindMapping(KIND, (
        field("name", "LoadBalancerName"),
    ), _finish),
}
