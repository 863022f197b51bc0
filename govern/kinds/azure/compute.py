"""Azure Compute: managed disks, virtual machines and virtual machine scale sets."""

from __future__ import annotations

from govern.kinds.declare import Attribute, azure, boolean, obj, objects, resource_group, string

ENCRYPTION_SET = ("The disk encryption set that encrypts the disk with a customer-managed "
                  "key: Terraform `disk_encryption_set_id`, ARM "
                  "`managedDisk.diskEncryptionSet.id`; absent when not written (Azure then "
                  "encrypts with a platform-managed key).")


_UPDATES = ("Whether Windows Automatic Updates installs updates on the {what} by itself "
            "(Windows only): Terraform `automatic_updates_enabled` (azurerm v4) or "
            "`enable_automatic_updates` (v2, v3) of the Windows {resources}, true when not "
            "written (the provider's default){more}; the legacy {legacy}'s "
            "`os_profile_windows_config.enable_automatic_upgrades`, false when that block is "
            "written without it (the provider's default, sent to Azure); ARM "
            "`{profile}osProfile.windowsConfiguration.enableAutomaticUpdates`, true when "
            "`windowsConfiguration` is written without it (Azure's default). Absent for "
            "Linux {what}s and when the OS is not stated; Unknown when the Windows block is "
            "not known statically.")


def _disks(owner: str, legacy: str, os_when: str, data_from: str,
           profile: str) -> tuple[Attribute, Attribute]:
    """`os_disk` and `data_disks` of a machine (or of the machines of a scale set)."""
    return (
        obj("os_disk", f"The OS disk the {owner} creates: Terraform `os_disk`, ARM "
            f"`{profile}storageProfile.osDisk`{os_when}. The legacy {legacy} cannot name "
            "a disk encryption set: its object is empty. Absent when the disk is attached "
            "(`create_option`/`createOption` `Attach`: it is checked as its own managed "
            "disk) or unmanaged (a VHD in a "
            "storage account: `vhd_uri`, `image_uri`, `vhd_containers`, ARM `vhd`); "
            "Unknown when it is not known statically.",
            string("disk_encryption_set_id", ENCRYPTION_SET),
            string("secure_vm_disk_encryption_set_id", "The disk encryption set of a "
                   "confidential VM's OS disk: Terraform `secure_vm_disk_encryption_set_id`, "
                   "ARM `managedDisk.securityProfile.diskEncryptionSet.id`; absent when not "
                   "written.")),
        objects("data_disks", f"The data disks the {owner} creates: {data_from}, and each "
                f"element of ARM `{profile}storageProfile.dataDisks`; attached and unmanaged "
                "disks are left out, as for `os_disk`. `[]` when none is written (always "
                "written, also for a resource that creates no disk).",
                string("disk_encryption_set_id", ENCRYPTION_SET)),
    )


KINDS = (
    azure("azure.compute.managed_disk", "Azure managed disk",
          string("name", "The disk's name."),
          resource_group(),
          string("disk_encryption_set_id", "The disk encryption set that encrypts the disk "
                 "with a customer-managed key (ARM "
                 "`properties.encryption.diskEncryptionSetId`). Absent when not written, "
                 "like `secure_vm_disk_encryption_set_id`: with both absent Azure encrypts "
                 "with a platform-managed key (ARM `encryption.type` "
                 "`EncryptionAtRestWithPlatformKey`, which is not read)."),
          string("secure_vm_disk_encryption_set_id", "The disk encryption set of a "
                 "confidential VM disk (ARM "
                 "`properties.securityProfile.secureVMDiskEncryptionSetId`); absent when not "
                 "written.")),
    azure("azure.compute.virtual_machine", "Azure virtual machine",
          string("name", "The machine's name."),
          resource_group(),
          boolean("password_authentication_enabled", "Whether a Linux machine accepts "
                  "passwords over SSH: the negation of `disable_password_authentication` in "
                  "`azurerm_linux_virtual_machine`, false when not written (the provider "
                  "defaults that to true); of "
                  "`os_profile_linux_config.disable_password_authentication` in the legacy "
                  "`azurerm_virtual_machine` (required in that block); of ARM "
                  "`properties.osProfile.linuxConfiguration.disablePasswordAuthentication`, "
                  "true when `linuxConfiguration` is written without it (Azure defaults that "
                  "property to false), Unknown when `linuxConfiguration` is not known "
                  "statically. Absent for Windows machines "
                  "(`azurerm_windows_virtual_machine`) and when the OS is not stated (a "
                  "legacy machine without `os_profile_linux_config`, a template without "
                  "`linuxConfiguration`)."),
          boolean("managed_disks_only", "Whether every disk of the machine is a managed "
                  "disk, none a VHD blob in a storage account (an unmanaged disk): false "
                  "when the legacy `azurerm_virtual_machine`'s `storage_os_disk` or a "
                  "`storage_data_disk` sets `vhd_uri`, or when ARM "
                  "`properties.storageProfile.osDisk` or an element of `dataDisks` has a "
                  "`vhd`; true when none does (Azure then creates managed disks), and always "
                  "for `azurerm_linux_virtual_machine` and `azurerm_windows_virtual_machine`, "
                  "which support only managed disks."),
          boolean("encryption_at_host_enabled", "Whether the host encrypts the machine's "
                  "temporary disk and its OS and data disk caches: Terraform "
                  "`encryption_at_host_enabled` of `azurerm_linux_virtual_machine` and "
                  "`azurerm_windows_virtual_machine`, ARM "
                  "`properties.securityProfile.encryptionAtHost`; false when not written "
                  "(the provider's and Azure's default), and for the legacy "
                  "`azurerm_virtual_machine`, which cannot enable it.",
                  default=False),
          *_disks("machine", "`azurerm_virtual_machine` (`storage_os_disk`)",
                  " (`{}` when not written: Azure creates it from the image, "
                  "with a platform-managed key)",
                  "none in `azurerm_linux_virtual_machine` and "
                  "`azurerm_windows_virtual_machine` (their data disks are separate "
                  "`azurerm_managed_disk` resources), one per `storage_data_disk` block of "
                  "the legacy `azurerm_virtual_machine` (without a disk encryption set)",
                  "properties."),
          boolean("automatic_updates_enabled", _UPDATES.format(
              what="machine", resources="resource (`azurerm_windows_virtual_machine`)",
              more="", legacy="`azurerm_virtual_machine`", profile="properties."))),
    azure("azure.compute.virtual_machine_scale_set", "Azure virtual machine scale set "
          "(uniform or flexible orchestration): the settings of the machines it creates",
          string("name", "The scale set's name."),
          resource_group(),
          boolean("password_authentication_enabled", "Whether the Linux machines of the "
                  "scale set accept passwords over SSH: the negation of "
                  "`disable_password_authentication` in "
                  "`azurerm_linux_virtual_machine_scale_set`, false when not written (the "
                  "provider defaults that to true); of "
                  "`os_profile.linux_configuration.disable_password_authentication` in "
                  "`azurerm_orchestrated_virtual_machine_scale_set`, false when "
                  "`linux_configuration` is written without it (the provider's default is "
                  "true); of `os_profile_linux_config.disable_password_authentication` in the "
                  "legacy `azurerm_virtual_machine_scale_set`, true when that block is "
                  "written without it (the provider's default is false); of ARM "
                  "`properties.virtualMachineProfile.osProfile.linuxConfiguration."
                  "disablePasswordAuthentication`, true when `linuxConfiguration` is written "
                  "without it (Azure's default is false), Unknown when `linuxConfiguration` "
                  "is not known statically. Absent for Windows scale sets "
                  "(`azurerm_windows_virtual_machine_scale_set`, a `windows_configuration`) "
                  "and when the OS is not stated (no Linux configuration block or "
                  "property)."),
          boolean("encryption_at_host_enabled", "Whether the host encrypts the temporary "
                  "disks and the OS and data disk caches of the machines the scale set "
                  "creates: Terraform `encryption_at_host_enabled` of the Linux, Windows and "
                  "orchestrated scale sets, ARM "
                  "`properties.virtualMachineProfile.securityProfile.encryptionAtHost`; "
                  "false when not written (the provider's and Azure's default), and for the "
                  "legacy `azurerm_virtual_machine_scale_set`, which cannot enable it. Absent "
                  "for a flexible scale set that creates no machines from a profile of its "
                  "own (ARM: no `virtualMachineProfile`; "
                  "`azurerm_orchestrated_virtual_machine_scale_set`: no `os_disk` block)."),
          *_disks("scale set",
                  "`azurerm_virtual_machine_scale_set` (`storage_profile_os_disk`)",
                  " (`{}` when "
                  "not written: Azure creates it from the image, with a platform-managed "
                  "key; absent without `virtualMachineProfile` or, in "
                  "`azurerm_orchestrated_virtual_machine_scale_set`, without `os_disk`: "
                  "a flexible scale set whose machines are created on their own)",
                  "one per Terraform `data_disk` block (`storage_profile_data_disk` in the "
                  "legacy `azurerm_virtual_machine_scale_set`, without a disk encryption "
                  "set)", "properties.virtualMachineProfile."),
          boolean("automatic_updates_enabled", _UPDATES.format(
              what="scale set's machine", resources="resource "
              "(`azurerm_windows_virtual_machine_scale_set`)",
              more=", and the same names in "
              "`os_profile.windows_configuration` of "
              "`azurerm_orchestrated_virtual_machine_scale_set`, true when that block is "
              "written without them",
              legacy="`azurerm_virtual_machine_scale_set`",
              profile="properties.virtualMachineProfile."))),
)
