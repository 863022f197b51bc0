"""Azure Synapse Analytics: `Microsoft.Synapse/workspaces` -> `azure.synapse.workspace`.

- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`);
  default true (Azure's default when it is not set);
- `customer_managed_key` <- `encryption.cmk.key.keyVaultUrl`; absent when not written. An
  object on the way known only at deployment, with a choice of values (an `if()` over a
  parameter), gives the key URL of each choice.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry
from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled
from govern.adapters.arm.reading import MISSING, find, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown, has_choices, map_choices
from govern.parsers.native import NativeResource

_KEY = ("properties", "encryption", "cmk", "key", "keyVaultUrl")


def _url_below(node: Any, rest: tuple[str, ...]) -> Any:
    """The key URL below `node` (`None` when there is none), through choices."""
    if isinstance(node, Unknown):
        return map_choices(node, lambda item: _url_below(item, rest)) \
            if has_choices(node) else node
    if node is None:
        return None
    found = value_in(node, *rest) if rest else node
    if isinstance(found, Unknown) and has_choices(found):
        return _url_below(found, ())
    return None if found is MISSING else found


def _customer_managed_key(resource: Resource, native: NativeResource) -> None:
    value, written = find(native.attributes, _KEY)
    if value is MISSING:
        return
    if isinstance(value, Unknown) and has_choices(value) and len(written) < len(_KEY):
        value = _url_below(value, _KEY[len(written):])
    resource.set(("customer_managed_key",), value)
    carry(resource, native, written, ("customer_managed_key",))


MAPPING = ArmMapping("azure.synapse.workspace", (
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
), _customer_managed_key)
