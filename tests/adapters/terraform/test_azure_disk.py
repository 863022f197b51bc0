"""`azurerm_managed_disk` -> `azure.compute.managed_disk`."""

from __future__ import annotations

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one


def test_no_default_for_the_encryption_set() -> None:
    disk = adapt_one("azurerm_managed_disk.d", {"name": "d", "resource_group_name": "rg"})
    assert disk.kind == "azure.compute.managed_disk"
    assert disk.attributes == {"name": "d", "resource_group_name": "rg", "tags": {}}
    assert disk.defaulted == set()


def test_encryption_sets() -> None:
    later = Unknown("known after apply", "azurerm_disk_encryption_set.des")
    disk = adapt_one("azurerm_managed_disk.d", {"disk_encryption_set_id": later,
                                                "secure_vm_disk_encryption_set_id": "/des/b"})
    assert disk.attributes == {"disk_encryption_set_id": later,
                               "secure_vm_disk_encryption_set_id": "/des/b", "tags": {}}
