"""Windows Automatic Updates of azurerm virtual machines and scale sets.

`automatic_updates_enabled`:
- `azurerm_windows_virtual_machine`, `azurerm_windows_virtual_machine_scale_set`:
  `automatic_updates_enabled` (azurerm v4) or `enable_automatic_updates` (v2, v3); default
  true (the provider's);
- `azurerm_orchestrated_virtual_machine_scale_set`: the same names in
  `os_profile.windows_configuration`; true when that block is written without them;
- the legacy `azurerm_virtual_machine` and `azurerm_virtual_machine_scale_set`:
  `os_profile_windows_config.enable_automatic_upgrades`; false when that block is written
  without it (the provider's default, which it sends to Azure).
Unknown when the Windows block is not known statically; absent without it (Linux, or the OS
is not stated).
"""

from __future__ import annotations

from govern.adapters.building import copy, field, set_at, set_default, to_bool, where
from govern.adapters.reading import MISSING, nested_block
from govern.adapters.terraform.mapping import Finish
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

UPDATES = "automatic_updates_enabled"
NAMES = ("automatic_updates_enabled", "enable_automatic_updates")
WINDOWS = field(UPDATES, *NAMES, default=True)


def windows_block(path: str, names: tuple[str, ...], default: bool) -> Finish:
    """The finish that reads `names` in the block at `path` (`a.0.b`), else `default` when
    the block is written."""
    def finish(resource: Resource, native: NativeResource) -> None:
        if any(copy(resource, native, f"{path}.0.{name}", UPDATES, to_bool)
               for name in names):
            return
        block = nested_block(native.attributes, path)
        if isinstance(block, Unknown):
            set_at(resource, UPDATES, block, where(native, path.split(".")[0], False))
        elif block is not MISSING:
            set_default(resource, UPDATES, default)
    return finish


ORCHESTRATED = windows_block("os_profile.0.windows_configuration", NAMES, default=True)
LEGACY = windows_block("os_profile_windows_config", ("enable_automatic_upgrades",),
                       default=False)
