"""`managed_disks_only` of `Microsoft.Compute/virtualMachines`: false when
`properties.storageProfile.osDisk` or an element of `dataDisks` has a `vhd` (a VHD in a
storage account: an unmanaged disk); Unknown when one of them is not known statically;
true (defaulted) otherwise (Azure creates managed disks when no `vhd` is given)."""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, set_default
from govern.adapters.arm.reading import MISSING, find
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

MANAGED_ONLY = ("managed_disks_only",)
STORAGE = ("properties", "storageProfile")


def _disks(native: NativeResource) -> list[tuple[Any, tuple[str | int, ...]]]:
    """Each disk object (or Unknown) with the path it was written at."""
    found: list[tuple[Any, tuple[str | int, ...]]] = []
    os_disk, written = find(native.attributes, (*STORAGE, "osDisk"))
    if os_disk is not MISSING:
        found.append((os_disk, written))
    data, written = find(native.attributes, (*STORAGE, "dataDisks"))
    if isinstance(data, list):
        found.extend((item, (*written, index)) for index, item in enumerate(data))
    elif data is not MISSING:
        found.append((data if isinstance(data, Unknown)
                      else Unknown("dataDisks is not an array"), written))
    return found


def managed_disks_only(resource: Resource, native: NativeResource) -> None:
    unknown: Unknown | None = None
    for disk, written in _disks(native):
        if isinstance(disk, Unknown):
            unknown = disk if unknown is None else unknown
            continue
        vhd, vhd_written = find(disk, ("vhd",))
        if isinstance(vhd, Unknown):
            unknown = vhd if unknown is None else unknown
        elif vhd is not MISSING:
            resource.set(MANAGED_ONLY, False)
            carry(resource, native, (*written, *vhd_written), MANAGED_ONLY, deep=False)
            return
    if unknown is not None:
        resource.set(MANAGED_ONLY, unknown)
    else:
        set_default(resource, MANAGED_ONLY, True)
