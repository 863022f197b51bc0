"""Azure managed disks: `azurerm_managed_disk`.

`disk_encryption_set_id` (a disk encryption set: encryption with a customer-managed key)
and `secure_vm_disk_encryption_set_id` (confidential VM disks) as written; both absent
when not set (Azure then encrypts with a platform-managed key).
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_managed_disk": KindMapping("azure.compute.managed_disk", (
        field("name"),
        field("resource_group_name"),
        field("disk_encryption_set_id"),
        field("secure_vm_disk_encryption_set_id"),
    )),
}
