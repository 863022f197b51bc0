"""The `access_logs` block of `aws_elb` and `aws_lb`: `access_logs` with `enabled` (the
provider's default when the block does not write it: true for `aws_elb`, false for
`aws_lb`), `bucket` and `prefix`; absent without the block."""

from __future__ import annotations

from govern.adapters.building import copy, set_at, set_default, to_bool, where
from govern.adapters.reading import MISSING, first_block
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def access_logs(resource: Resource, native: NativeResource, prefix_name: str,
                enabled_default: bool) -> None:
    block = first_block(native.attributes, "access_logs")
    if block is MISSING:
        return
    if isinstance(block, Unknown):
        set_at(resource, "access_logs", {"enabled": block},
               where(native, "access_logs", folded=False))
        return
    path: Path = ("access_logs", 0)
    set_at(resource, "access_logs", {}, where(native, path, folded=False))
    if not copy(resource, native, (*path, "enabled"), "access_logs.enabled", to_bool):
        set_default(resource, "access_logs.enabled", enabled_default)
    copy(resource, native, (*path, "bucket"), "access_logs.bucket")
    copy(resource, native, (*path, prefix_name), "access_logs.prefix")
