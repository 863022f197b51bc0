"""Azure virtual machines and scale sets: `Microsoft.Compute/virtualMachines`,
`Microsoft.Compute/virtualMachineScaleSets` (the OS profile of its
`properties.virtualMachineProfile`).

- `password_authentication_enabled` <- not
  `osProfile.linuxConfiguration.disablePasswordAuthentication`; when `linuxConfiguration`
  is written without it, true (Azure's default for
  `disablePasswordAuthentication` is false); absent without `linuxConfiguration` (a
  Windows machine, or one whose OS the template does not say).
- `os_disk` <- `storageProfile.osDisk` (of the `virtualMachineProfile` for scale sets):
  `disk_encryption_set_id` <- `managedDisk.diskEncryptionSet.id`,
  `secure_vm_disk_encryption_set_id` <- `managedDisk.securityProfile.diskEncryptionSet.id`;
  `{}` (defaulted) when a machine's `osDisk` is not written (Azure creates it from the
  image, with a platform-managed key); absent when the disk is attached
  (`createOption` `Attach`: checked as its own resource) or unmanaged (`vhd`), and for a
  scale set without `virtualMachineProfile` (a flexible scale set whose machines are
  created on their own).
- `data_disks` <- `storageProfile.dataDisks[]`, `disk_encryption_set_id` <-
  `managedDisk.diskEncryptionSet.id`; attached and unmanaged disks left out; `[]`
  (defaulted) when not written.
- `managed_disks_only` (machines): see `govern.adapters.arm.vm_unmanaged`.
- `encryption_at_host_enabled` <- `securityProfile.encryptionAtHost` (of the
  `virtualMachineProfile` for scale sets); default false (Azure's), except for a scale set
  without `virtualMachineProfile`, where it is absent.
- `automatic_updates_enabled`: see `govern.adapters.arm.vm_updates`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, set_default
from govern.adapters.arm.mapping import ArmField, ArmMapping, Finish, negated
from govern.adapters.arm.reading import MISSING, find, value_at, value_in
from govern.adapters.arm.vm_unmanaged import managed_disks_only
from govern.adapters.arm.vm_updates import automatic_updates
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

LINUX = ("properties", "osProfile", "linuxConfiguration")
SCALE_SET_LINUX = ("properties", "virtualMachineProfile", "osProfile", "linuxConfiguration")


def _linux_default(linux_path: tuple[str, ...]) -> Finish:
    """Azure's default when `linuxConfiguration` (at `linux_path`) does not say."""
    def finish(resource: Resource, native: NativeResource) -> None:
        if "password_authentication_enabled" in resource.attributes:
            return
        linux = value_at(native, *linux_path)
        if isinstance(linux, Unknown):
            set_default(resource, ("password_authentication_enabled",),
                        Unknown("linuxConfiguration is not known statically"))
        elif linux is not MISSING and linux is not None:
            set_default(resource, ("password_authentication_enabled",), True)
    return finish


STORAGE = ("properties", "storageProfile")
SCALE_SET_STORAGE = ("properties", "virtualMachineProfile", "storageProfile")
_ENCRYPTION_SETS = (
    ("disk_encryption_set_id", ("managedDisk", "diskEncryptionSet", "id")),
    ("secure_vm_disk_encryption_set_id",
     ("managedDisk", "securityProfile", "diskEncryptionSet", "id")),
)


def _created_disk(disk: Any, settings: tuple[tuple[str, tuple[str, ...]], ...]) -> Any:
    """The canonical disk of an `osDisk`/`dataDisks[]` object; MISSING for an attached or
    unmanaged disk; Unknown when that is not known statically."""
    if isinstance(disk, Unknown):
        return disk
    if not isinstance(disk, dict):
        return Unknown("expected a disk object")
    if value_in(disk, "vhd") is not MISSING:
        return MISSING
    option = value_in(disk, "createOption")
    if isinstance(option, Unknown):
        return option
    if isinstance(option, str) and option.lower() == "attach":
        return MISSING
    found: dict[str, Any] = {}
    for canonical, path in settings:
        value = value_in(disk, *path)
        if value is not MISSING:
            found[canonical] = value
    return found


def _disks(storage: tuple[str, ...], scale_set: bool) -> Finish:
    def finish(resource: Resource, native: NativeResource) -> None:
        profile = value_at(native, *storage[:-1])
        if scale_set and profile is MISSING:
            set_default(resource, ("data_disks",), [])
            return
        os_disk, written = find(native.attributes, (*storage, "osDisk"))
        if os_disk is MISSING:
            set_default(resource, ("os_disk",), {})
        else:
            disk = _created_disk(os_disk, _ENCRYPTION_SETS)
            if disk is not MISSING:
                resource.set(("os_disk",), disk)
                carry(resource, native, written, ("os_disk",))
        data, written = find(native.attributes, (*storage, "dataDisks"))
        if data is MISSING:
            set_default(resource, ("data_disks",), [])
            return
        if not isinstance(data, list):
            resource.set(("data_disks",), data if isinstance(data, Unknown)
                         else Unknown("dataDisks is not an array"))
            carry(resource, native, written, ("data_disks",), deep=False)
            return
        disks: list[Any] = []
        for index, item in enumerate(data):
            disk = _created_disk(item, _ENCRYPTION_SETS[:1])
            if disk is MISSING:
                continue
            if isinstance(disk, dict):
                carry(resource, native, (*written, index), ("data_disks", len(disks)))
            disks.append(disk)
        resource.set(("data_disks",), disks)
        carry(resource, native, written, ("data_disks",), deep=False)
    return finish


AT_HOST = "encryption_at_host_enabled"


def _mapping(kind: str, linux_path: tuple[str, ...], storage: tuple[str, ...],
             scale_set: bool) -> ArmMapping:
    linux = _linux_default(linux_path)
    updates = automatic_updates((*linux_path[:-1], "windowsConfiguration"))
    disks = _disks(storage, scale_set)
    profile = storage[:-1]

    def finish(resource: Resource, native: NativeResource) -> None:
        linux(resource, native)
        updates(resource, native)
        disks(resource, native)
        if AT_HOST not in resource.attributes and (
                not scale_set or value_at(native, *profile) is not MISSING):
            set_default(resource, (AT_HOST,), False)
    return ArmMapping(kind, (
        ArmField("password_authentication_enabled",
                 ".".join((*linux_path, "disablePasswordAuthentication")), negated),
        ArmField(AT_HOST, ".".join((*profile, "securityProfile", "encryptionAtHost"))),
    ), finish)


_MACHINE = _mapping("azure.compute.virtual_machine", LINUX, STORAGE, scale_set=False)


def _machine(resource: Resource, native: NativeResource) -> None:
    if _MACHINE.finish is not None:
        _MACHINE.finish(resource, native)
    managed_disks_only(resource, native)


MAPPING = ArmMapping(_MACHINE.kind, _MACHINE.fields, _machine)
SCALE_SET = _mapping("azure.compute.virtual_machine_scale_set", SCALE_SET_LINUX,
                     SCALE_SET_STORAGE, scale_set=True)
