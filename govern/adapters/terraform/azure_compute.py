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

Disks the resource creates itself (`os_disk`, `data_disks`): the `os_disk` block's
`disk_encryption_set_id` and `secure_vm_disk_encryption_set_id`, and one entry per
`data_disk` block (scale sets) with its `disk_encryption_set_id`; each absent when not
written (Azure then encrypts with a platform-managed key). `data_disks` is `[]` when there
is none: `azurerm_linux_virtual_machine` and `azurerm_windows_virtual_machine` declare no
data disks inline (they are attached `azurerm_managed_disk` resources). The legacy
`azurerm_virtual_machine` (`storage_os_disk`, `storage_data_disk`) and
`azurerm_virtual_machine_scale_set` (`storage_profile_os_disk`,
`storage_profile_data_disk`) cannot name a disk encryption set: their disks are objects
without one. A disk that is attached rather than created (`create_option = "Attach"`) is
checked as its own resource, and an unmanaged disk (a VHD in a storage account: `vhd_uri`,
`image_uri`, `vhd_containers`) is no managed disk: both are left out.

`managed_disks_only` (machines): see `govern.adapters.terraform.azure_vm_unmanaged`.

`encryption_at_host_enabled`: copied, default false; false (defaulted) for the legacy
resources, which cannot enable it; for `azurerm_orchestrated_virtual_machine_scale_set`
defaulted only when an `os_disk` block is written (without one the scale set creates no
machines from a profile of its own).

`automatic_updates_enabled` (Windows): see `govern.adapters.terraform.azure_vm_updates`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import (
    carry_locations,
    field,
    set_at,
    set_default,
    to_bool,
    where,
)
from govern.adapters.reading import MISSING, blocks_in, first_block, nested_block, value_in
from govern.adapters.terraform.azure_kubernetes import negated
from govern.adapters.terraform.azure_vm_unmanaged import always_managed, legacy_disks
from govern.adapters.terraform.azure_vm_updates import LEGACY, ORCHESTRATED, WINDOWS
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
        block = nested_block(native.attributes, path)
        if isinstance(block, Unknown):
            set_at(resource, PASSWORDS, block, where(native, path.split(".")[0], False))
        elif block is not MISSING and value_in(block, "disable_password_authentication") \
                is MISSING:
            set_default(resource, PASSWORDS, not disabled_by_default)
    return finish


_UNMANAGED = ("vhd_uri", "image_uri", "vhd_containers")
_ENCRYPTION_SETS = ("disk_encryption_set_id", "secure_vm_disk_encryption_set_id")


def _created_disk(block: Any, keys: tuple[str, ...]) -> Any:
    """The canonical disk of a disk block (its encryption set settings among `keys`),
    MISSING for a disk that is attached or unmanaged, Unknown when that is not known."""
    if isinstance(block, Unknown):
        return block
    if not isinstance(block, dict):
        return Unknown("expected a disk block")
    if any(value_in(block, name) is not MISSING for name in _UNMANAGED):
        return MISSING
    option = value_in(block, "create_option")
    if isinstance(option, Unknown):
        return option
    if isinstance(option, str) and option.lower() == "attach":
        return MISSING
    disk: dict[str, Any] = {}
    for name in keys:
        value = value_in(block, name)
        if value is not MISSING:
            disk[name] = value
    return disk


def _disks(os_block: str, data_block: str, legacy: bool = False) -> Finish:
    """`os_disk` from the `os_block` block, `data_disks` from the `data_block` blocks
    (`[]`, defaulted, when there is none)."""
    os_keys = () if legacy else _ENCRYPTION_SETS
    data_keys = () if legacy else _ENCRYPTION_SETS[:1]

    def finish(resource: Resource, native: NativeResource) -> None:
        block = first_block(native.attributes, os_block)
        if block is not MISSING:
            disk = _created_disk(block, os_keys)
            if disk is not MISSING:
                set_at(resource, "os_disk", disk, where(native, os_block, False))
                if isinstance(disk, dict):
                    carry_locations(resource, native, (os_block, 0), "os_disk")
        blocks = blocks_in(native.attributes, data_block)
        if isinstance(blocks, Unknown):
            set_at(resource, "data_disks", blocks, where(native, data_block, False))
            return
        disks: list[Any] = []
        for index, item in enumerate(blocks):
            disk = _created_disk(item, data_keys)
            if disk is MISSING:
                continue
            if isinstance(disk, dict):
                carry_locations(resource, native, (data_block, index),
                                ("data_disks", len(disks)))
            disks.append(disk)
        if blocks:
            set_at(resource, "data_disks", disks, where(native, data_block, False))
        else:
            set_default(resource, "data_disks", disks)
    return finish


AT_HOST = "encryption_at_host_enabled"


def _at_host_default(resource: Resource, native: NativeResource) -> None:
    """An orchestrated scale set's default, when it creates machines (an `os_disk` block)."""
    if AT_HOST not in resource.attributes and \
            first_block(native.attributes, "os_disk") is not MISSING:
        set_default(resource, AT_HOST, False)


def _legacy_at_host(resource: Resource, native: NativeResource) -> None:
    set_default(resource, AT_HOST, False)


def _both(*finishes: Finish) -> Finish:
    def finish(resource: Resource, native: NativeResource) -> None:
        for each in finishes:
            each(resource, native)
    return finish


_NAMES = (field("name"), field("resource_group_name"))
_DISKS = _disks("os_disk", "data_disk")
_AT_HOST = field(AT_HOST, default=False)

MAPPINGS = {
    "azurerm_linux_virtual_machine": KindMapping(KIND, (
        *_NAMES,
        field(PASSWORDS, "disable_password_authentication", function=negated, default=False),
        _AT_HOST,
    ), _both(_DISKS, always_managed)),
    "azurerm_windows_virtual_machine": KindMapping(KIND, (*_NAMES, _AT_HOST, WINDOWS),
                                                   _both(_DISKS, always_managed)),
    "azurerm_virtual_machine": KindMapping(KIND, (
        *_NAMES,
        field(PASSWORDS, "os_profile_linux_config.0.disable_password_authentication",
              function=negated),
    ), _both(_disks("storage_os_disk", "storage_data_disk", legacy=True), _legacy_at_host,
             legacy_disks, LEGACY)),
    "azurerm_linux_virtual_machine_scale_set": KindMapping(SCALE_SET, (
        *_NAMES,
        field(PASSWORDS, "disable_password_authentication", function=negated, default=False),
        _AT_HOST,
    ), _DISKS),
    "azurerm_windows_virtual_machine_scale_set": KindMapping(
        SCALE_SET, (*_NAMES, _AT_HOST, WINDOWS), _DISKS),
    "azurerm_orchestrated_virtual_machine_scale_set": KindMapping(SCALE_SET, (
        *_NAMES,
        field(PASSWORDS, "os_profile.0.linux_configuration.0.disable_password_authentication",
              function=negated),
        field(AT_HOST, function=to_bool),
    ), _both(_linux_block("os_profile.0.linux_configuration", disabled_by_default=True),
             _DISKS, _at_host_default, ORCHESTRATED)),
    "azurerm_virtual_machine_scale_set": KindMapping(SCALE_SET, (
        *_NAMES,
        field(PASSWORDS, "os_profile_linux_config.0.disable_password_authentication",
              function=negated),
    ), _both(_linux_block("os_profile_linux_config", disabled_by_default=False),
             _disks("storage_profile_os_disk", "storage_profile_data_disk", legacy=True),
             _legacy_at_host, LEGACY)),
}
