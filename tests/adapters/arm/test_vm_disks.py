"""`os_disk` and `data_disks` of `Microsoft.Compute/virtualMachines` and
`Microsoft.Compute/virtualMachineScaleSets`, and parity with azurerm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.adapters.arm.test_parity import arm, in_resource_group, terraform
from tests.adapters.arm.test_services import adapt, resource
from tests.parsers.arm.helpers import template

VM = "Microsoft.Compute/virtualMachines"
VMSS = "Microsoft.Compute/virtualMachineScaleSets"
DES = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/d"


def managed(**extra: Any) -> dict[str, Any]:
    return {"managedDisk": {"storageAccountType": "Premium_LRS", **extra}}


@pytest.mark.parametrize("storage, os_disk, data_disks, defaulted", [
    ({}, {}, [], {("os_disk",), ("data_disks",)}),
    ({"osDisk": {"createOption": "FromImage", **managed()}}, {}, [], {("data_disks",)}),
    ({"osDisk": {"createOption": "FromImage", **managed(diskEncryptionSet={"id": DES})},
      "dataDisks": [{"lun": 0, "createOption": "Empty", **managed()},
                    {"lun": 1, "createOption": "Attach", "managedDisk": {"id": "/d/x"}},
                    {"lun": 2, "createOption": "Empty", "vhd": {"uri": "https://st/d.vhd"}},
                    {"lun": 3, "createOption": "Empty",
                     **managed(diskEncryptionSet={"id": DES})}]},
     {"disk_encryption_set_id": DES}, [{}, {"disk_encryption_set_id": DES}], set()),
    ({"osDisk": {"createOption": "FromImage", **managed(securityProfile={
        "securityEncryptionType": "DiskWithVMGuestState", "diskEncryptionSet": {"id": DES}})}},
     {"secure_vm_disk_encryption_set_id": DES}, [], {("data_disks",)}),
    ({"osDisk": {"createOption": "attach", "managedDisk": {"id": "/d/os"}}}, None, [],
     {("data_disks",)}),
])
def test_virtual_machine(tmp_path: Path, storage: dict[str, Any], os_disk: Any,
                         data_disks: Any, defaulted: set[tuple[str, ...]]) -> None:
    vm = adapt(tmp_path, resource(VM, {"storageProfile": storage}))
    assert vm.attributes.get("os_disk") == os_disk
    assert vm.attributes["data_disks"] == data_disks
    unmanaged = any("vhd" in disk for disk in storage.get("dataDisks", []))
    assert vm.attributes["managed_disks_only"] is not unmanaged
    assert vm.defaulted == {*defaulted, ("encryption_at_host_enabled",),
                            *([] if unmanaged else [("managed_disks_only",)])}


def test_scale_set(tmp_path: Path) -> None:
    scale_set = adapt(tmp_path, resource(VMSS, {"virtualMachineProfile": {"storageProfile": {
        "osDisk": {"createOption": "FromImage", **managed()},
        "dataDisks": [{"lun": 0, "createOption": "Empty",
                       **managed(diskEncryptionSet={"id": DES})}]}}}))
    assert scale_set.attributes["os_disk"] == {}
    assert scale_set.attributes["data_disks"] == [{"disk_encryption_set_id": DES}]
    (tmp_path / "flexible").mkdir()
    (tmp_path / "profile").mkdir()
    flexible = adapt(tmp_path / "flexible", resource(VMSS, {"orchestrationMode": "Flexible"}))
    assert "os_disk" not in flexible.attributes
    assert flexible.attributes["data_disks"] == []
    no_storage = adapt(tmp_path / "profile", resource(VMSS, {"virtualMachineProfile": {}}))
    assert no_storage.attributes["os_disk"] == {}
    assert "encryption_at_host_enabled" not in flexible.attributes
    assert no_storage.attributes["encryption_at_host_enabled"] is False


def test_encryption_at_host(tmp_path: Path) -> None:
    (tmp_path / "vm").mkdir()
    (tmp_path / "vmss").mkdir()
    vm = adapt(tmp_path / "vm", resource(VM, {"securityProfile": {"encryptionAtHost": True}}))
    assert vm.attributes["encryption_at_host_enabled"] is True
    assert ("encryption_at_host_enabled",) not in vm.defaulted
    scale_set = adapt(tmp_path / "vmss", resource(VMSS, {"virtualMachineProfile": {
        "securityProfile": {"encryptionAtHost": "false"}}}))
    assert scale_set.attributes["encryption_at_host_enabled"] is False
    assert ("encryption_at_host_enabled",) not in scale_set.defaulted


def test_not_known_statically(tmp_path: Path) -> None:
    document = template(resource(VM, {"storageProfile": {
        "osDisk": {"createOption": "FromImage", **managed(diskEncryptionSet={"id": DES})},
        "dataDisks": "[parameters('disks')]"}}))
    document["parameters"] = {"disks": {"type": "array"}}
    result, _ = adapt_template(tmp_path, document)
    [vm] = result.resources
    assert isinstance(vm.attributes["data_disks"], Unknown)
    assert vm.location("data_disks") is not None
    document = template(resource(VM, {"storageProfile": "[parameters('storage')]"}))
    document["parameters"] = {"storage": {"type": "object"}}
    (tmp_path / "storage").mkdir()
    result, _ = adapt_template(tmp_path / "storage", document)
    [vm] = result.resources
    assert isinstance(vm.attributes["os_disk"], Unknown)
    assert isinstance(vm.attributes["data_disks"], Unknown)


def test_parity_with_azurerm(tmp_path: Path) -> None:
    [tf] = terraform(tmp_path / "tf", f"""
resource "azurerm_linux_virtual_machine_scale_set" "s" {{
  name                = "vmss-app"
  resource_group_name = "rg-data"
  location            = "westeurope"
  sku                 = "Standard_D2s_v5"
  admin_username      = "azureuser"
  os_disk {{
    caching                = "ReadWrite"
    storage_account_type   = "Premium_LRS"
    disk_encryption_set_id = "{DES}"
  }}
  data_disk {{
    lun                  = 0
    caching              = "ReadOnly"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 64
  }}
}}
""")
    [from_arm] = arm(tmp_path / "arm", in_resource_group({
        "type": VMSS, "apiVersion": "2023-09-01", "name": "vmss-app",
        "location": "westeurope", "sku": {"name": "Standard_D2s_v5", "capacity": 1},
        "properties": {"virtualMachineProfile": {
            "osProfile": {"adminUsername": "azureuser", "linuxConfiguration": {
                "disablePasswordAuthentication": True}},
            "storageProfile": {
                "osDisk": {"createOption": "FromImage",
                           **managed(diskEncryptionSet={"id": DES})},
                "dataDisks": [{"lun": 0, "createOption": "Empty", "diskSizeGB": 64,
                               **managed()}]}}}}))
    assert (from_arm.kind, from_arm.attributes) == (tf.kind, tf.attributes)



@pytest.mark.parametrize("storage, expected", [
    ({"osDisk": {"createOption": "FromImage", "vhd": {"uri": "https://st/os.vhd"}}}, False),
    ({"osDisk": {"createOption": "FromImage"},
      "dataDisks": [{"lun": 0, "createOption": "Empty", "VHD": {"uri": "https://st/d.vhd"}}]},
     False),
    ({"osDisk": {"createOption": "FromImage"}, "dataDisks": "[parameters('disks')]"}, None),
    ({"osDisk": {"createOption": "FromImage", "vhd": "[parameters('vhd')]"}}, None),
])
def test_unmanaged_disks(tmp_path: Path, storage: dict[str, Any], expected: Any) -> None:
    result, _ = adapt_template(tmp_path, template(
        resource(VM, {"storageProfile": storage}),
        parameters={"disks": {"type": "array"}, "vhd": {"type": "object"}}))
    [vm] = result.resources
    value = vm.attributes["managed_disks_only"]
    if expected is None:
        assert isinstance(value, Unknown)
    else:
        assert value is expected
        assert vm.location("managed_disks_only") != vm.range
