"""Azure managed disks: `Microsoft.Compute/disks`.

- `disk_encryption_set_id` <- `encryption.diskEncryptionSetId` (a disk encryption set:
  encryption with a customer-managed key);
- `secure_vm_disk_encryption_set_id` <- `securityProfile.secureVMDiskEncryptionSetId`
  (confidential VM disks).

Both are absent when not written: Azure then encrypts with a platform-managed key
(`encryption.type` `EncryptionAtRestWithPlatformKey`, which is not read).
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping

MAPPING = ArmMapping("azure.compute.managed_disk", (
    ArmField("disk_encryption_set_id", "properties.encryption.diskEncryptionSetId"),
    ArmField("secure_vm_disk_encryption_set_id",
             "properties.securityProfile.secureVMDiskEncryptionSetId"),
))
