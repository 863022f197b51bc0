"""`managed_disks_only` of Azure virtual machines (Terraform).

`azurerm_linux_virtual_machine` and `azurerm_windows_virtual_machine` always use managed
disks: true (defaulted). The legacy `azurerm_virtual_machine` keeps a disk as a VHD in a
storage account (an unmanaged disk) when its `storage_os_disk` or a `storage_data_disk`
block sets `vhd_uri`: false then; Unknown when a block or its `vhd_uri` is not known
statically; true (defaulted) when no block sets it (Azure then creates managed disks).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import set_default
from govern.adapters.reading import MISSING, blocks_in, located, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

MANAGED_ONLY = "managed_disks_only"


def always_managed(resource: Resource, native: NativeResource) -> None:
    set_default(resource, MANAGED_ONLY, True)


def _vhd(block: Any) -> Any:
    """True when a disk block names a VHD, Unknown when that is not known."""
    if isinstance(block, Unknown):
        return block
    uri = value_in(block, "vhd_uri")
    if isinstance(uri, Unknown):
        return uri
    return uri is not MISSING and uri != ""


def legacy_disks(resource: Resource, native: NativeResource) -> None:
    unknown: Unknown | None = None
    for name in ("storage_os_disk", "storage_data_disk"):
        blocks = blocks_in(native.attributes, name)
        for index, block in enumerate([blocks] if isinstance(blocks, Unknown) else blocks):
            vhd = _vhd(block)
            if vhd is True:
                where = located(native, (name, index, "vhd_uri")) or located(native, name)
                resource.set((MANAGED_ONLY,), False, where)
                return
            if isinstance(vhd, Unknown) and unknown is None:
                unknown = vhd
    if unknown is not None:
        resource.set((MANAGED_ONLY,), unknown)
    else:
        set_default(resource, MANAGED_ONLY, True)
