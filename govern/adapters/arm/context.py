"""The canonical resources of one template file while they are being built
(`govern.adapters.pipeline.DeploymentContext`): owners of native addresses, lookups by kind
and name, and external parents."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from govern.adapters.external import Setup, input_address
from govern.adapters.pipeline import DeploymentContext
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownString, name_key
from govern.parsers.native import NativeResource


class ArmContext(DeploymentContext):
    def __init__(self, root: str) -> None:
        super().__init__(root)
        self._by_name_key: dict[tuple[str, Any], list[Resource]] = defaultdict(list)

    def add(self, native: NativeResource, resource: Resource) -> None:
        super().add(native, resource)
        self._by_name_key[(resource.kind, name_key(resource.attributes.get("name")))].append(
            resource)

    def absorb(self, native: NativeResource, resource: Resource) -> None:
        """`native` was folded into `resource`."""
        if native.address not in resource.native:
            resource.native.append(native.address)
        self._owner[native.address] = resource

    def owner(self, address: str | None) -> Resource | None:
        return self._owner.get(address) if address is not None else None

    def named(self, kind: str, name: Any) -> list[Resource]:
        """Resources of `kind` whose name is `name` (case-insensitive; an unknown name
        matches the same unknown name)."""
        return list(self._by_name_key.get((kind, name_key(name)), ()))

    def external_parent(self, native: NativeResource, kind: str, name: Any, what: str,
                        setup: Setup, levels: int = 1) -> Resource:
        """The external parent of a child resource named `<parent>/<child>` whose parent is
        not in the template (`govern.adapters.external`): its address is the parent's
        (`parent_address`), its name `name`. `levels`: how far up the parent is (2 for a
        blob container's storage account, above its `blobServices`)."""
        return self.externals.parent(native, kind, parent_address(native, name, levels),
                                     _parent_type(native.native_type, levels), what, name,
                                     setup)


def _parent_type(child_type: str, levels: int = 1) -> str:
    return child_type.rsplit("/", levels)[0]


def parent_address(native: NativeResource, name: Any, levels: int = 1) -> str:
    """`Microsoft.Network/networkSecurityGroups/nsg` for a child resource of that group
    (with the same prefix as the child's address, for a child in a nested deployment); a
    part of the name not known statically is written `[parameters('name')]` for a
    parameter without a value, else `[?]`."""
    address, child_type = native.address, native.native_type
    at = address.lower().rfind(child_type.lower() + "/")
    prefix = address[:at] if at > 0 else ""
    return f"{prefix}{_parent_type(child_type, levels)}/{_written(name)}"


def _written(name: Any) -> str:
    if isinstance(name, str):
        return name
    if isinstance(name, UnknownString):
        return "".join(_written(part) for part in name.parts)
    if isinstance(name, Unknown):
        return f"[{input_address(name) or '?'}]"
    return "[?]"
