"""Classic Elastic Load Balancing: `aws_elb` with its inline `listener` blocks.

`listeners` has one entry per `listener` block (`lb_protocol`, `lb_port`,
`instance_protocol`, `instance_port`, `ssl_certificate_id`), protocols in upper case (AWS
accepts them in any case and reports them in upper case), ports as numbers; a `dynamic`
block over a collection not known statically is an Unknown element or list. The
CloudFormation adapter builds `Listeners` with the same function. Without policies, an
HTTPS or SSL listener's `ssl_policy` is Unknown (`govern.adapters.elb_negotiation`); the
policies written as separate resources are folded in by
`govern.adapters.terraform.elb_classic_policies`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.elb_negotiation import derive
from govern.adapters.network import port
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.adapters.terraform.lb_access_logs import access_logs
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.elb.load_balancer"
_PROTOCOLS = ("lb_protocol", "instance_protocol")
_PORTS = ("lb_port", "instance_port")


def _canonical(name: str, value: Any) -> Any:
    if name in _PROTOCOLS and isinstance(value, str):
        return value.strip().upper()
    if name in _PORTS:
        return port(value)
    return value


def build_listeners(resource: Resource, native: NativeResource, path: str,
                    names: dict[str, str]) -> None:
    """`listeners` from the blocks (or list entries) at `path`: `names` maps each
    canonical key to its native one. Always set (empty without listeners)."""
    blocks = blocks_in(native.attributes, path)
    if isinstance(blocks, Unknown):
        set_at(resource, "listeners", blocks, where(native, path, False))
        return
    listeners: list[Any] = []
    set_at(resource, "listeners", listeners, where(native, path, False))
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            listeners.append(block)
            continue
        listener: dict[str, Any] = {}
        for name, native_name in names.items():
            value = value_in(block, native_name)
            if value is not MISSING:
                listener[name] = _canonical(name, value)
        listeners.append(listener)
        carry_locations(resource, native, (path, index), ("listeners", index))
        for name, native_name in names.items():
            if name in listener:
                carry_locations(resource, native, (path, index, native_name),
                                ("listeners", index, name))


def _finish(resource: Resource, native: NativeResource) -> None:
    build_listeners(resource, native, "listener", {
        name: name for name in ("lb_protocol", "lb_port", "instance_protocol",
                                "instance_port", "ssl_certificate_id")})
    derive(resource.attributes.get("listeners"), None, effective=False)
    access_logs(resource, native, "bucket_prefix", enabled_default=True)


MAPPINGS = {
    "aws_elb": KindMapping(KIND, (field("name"),), _finish),
}
