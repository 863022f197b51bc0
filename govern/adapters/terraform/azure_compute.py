"""Azure virtual machines and scale sets.

`azurerm_linux_virtual_machine`, `azurerm_windows_virtual_machine` (azurerm v2, v3, v4) and
the legacy `azurerm_virtual_machine` -> `azure.compute.virtual_machine`;
`azurerm_linux_virtual_machine_scale_set`, `azurerm_windows_virtual_machine_scale_set`,
`azurerm_orchestrated_virtual_machine_scale_set` and the legacy
`azurerm_virtual_machine_scale_set` -> `azure.compute.virtual_machine_scale_set`.

`password_authentication_enabled` (Linux only): the negation of
`disable_password_authentication` (`azurerm_linux_virtual_machine` and
`azurerm_linux_virtual_machine_scale_set`, default true: password authentication
disabled), of `os_profile_linux_config.disable_password_authentication`
(`azurerm_virtual_machine`, required in that block; `azurerm_virtual_machine_scale_set`,
default false there), or of `os_profile.linux_configuration.disable_password_authentication`
(`azurerm_orchestrated_virtual_machine_scale_set`, default true). Absent for Windows
machines and for a machine or scale set whose Linux block is not written.
"""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default, where
from govern.adapters.reading import MISSING, first_block, value_in
from govern.adapters.terraform.azure_kubernetes import negated
from govern.adapters.terraform.mapping import Finish, KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "azure.compute.virtual_machine"
SCALE_SET = "azure.compute.virtual_machine_scale_set"
PASSWORDS = "password_authentication_enabled"


def _linux_block(path: str, disabled_by_default: bool) -> Finish:
    """`password_authentication_enabled` when the Linux block at `path` is written without
    `disable_password_authentication` (the provider's default then applies), or is not known
    statically."""
    def finish(resource: Resource, native: NativeResource) -> None:
        if PASSWORDS in resource.attributes:
            return
        parts = path.split(".0.")
        block = first_block(native.attributes, parts[0])
        for part in parts[1:]:
            if isinstance(block, dict):
                block = first_block(block, part)
        if isinstance(block, Unknown):
            set_at(resource, PASSWORDS, block, where(native, path.split(".")[0], False))
        elif block is not MISSING and value_in(block, "disable_password_authentication") \
                is MISSING:
            set_default(resource, PASSWORDS, not disabled_by_default)
    return finish


_NAMES = (field("name"), field("resource_group_name"))

MAPPINGS = {
    "azurerm_linux_virtual_machine": KindMapping(KIND, (
        *_NAMES,
        field(PASSWORDS, "disable_password_authentication", function=negated, default=False),
    )),
    "azurerm_windows_virtual_machine": KindMapping(KIND, _NAMES),
    "azurerm_virtual_machine": KindMapping(KIND, (
        *_NAMES,
        field(PASSWORDS, "os_profile_linux_config.0.disable_password_authentication",
              function=negated),
    )),
    "azurerm_linux_virtual_machine_scale_set": KindMapping(SCALE_SET, (
        *_NAMES,
        field(PASSWORDS, "disable_password_authentication", function=negated, default=False),
    )),
    "azurerm_windows_virtual_machine_scale_set": KindMapping(SCALE_SET, _NAMES),
    "azurerm_orchestrated_virtual_machine_scale_set": KindMapping(SCALE_SET, (
        *_NAMES,
        field(PASSWORDS, "os_profile.0.linux_configuration.0.disable_password_authentication",
              function=negated),
    ), _linux_block("os_profile.0.linux_configuration", disabled_by_default=True)),
    "azurerm_virtual_machine_scale_set": KindMapping(SCALE_SET, (
        *_NAMES,
        field(PASSWORDS, "os_profile_linux_config.0.disable_password_authentication",
              function=negated),
    ), _linux_block("os_profile_linux_config", disabled_by_default=False)),
}
