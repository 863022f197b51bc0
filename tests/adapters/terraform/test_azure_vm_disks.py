"""The disks Azure virtual machines and scale sets create (`os_disk`, `data_disks`), from
configuration and from plan values."""

from __future__ import annotations

from typing import Any

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines
from tests.adapters.terraform.test_plan_values import planned

DES = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/d"


@pytest.mark.parametrize("native_type", [
    "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine",
    "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
    "azurerm_orchestrated_virtual_machine_scale_set",
])
def test_platform_managed_key_by_default(native_type: str) -> None:
    machine = adapt_one(f"{native_type}.m", {"os_disk": [{"caching": "ReadWrite"}]})
    assert machine.attributes["os_disk"] == {}
    assert machine.attributes["data_disks"] == []
    assert ("data_disks",) in machine.defaulted
    assert ("os_disk",) not in machine.defaulted


def test_encryption_sets_and_locations() -> None:
    machine = adapt_one("azurerm_linux_virtual_machine_scale_set.s", {
        "os_disk": [{"disk_encryption_set_id": DES, "secure_vm_disk_encryption_set_id": DES}],
        "data_disk": [{"lun": 0}, {"lun": 1, "disk_encryption_set_id": DES}],
    }, locations={"os_disk": (4, 8), "os_disk.0.disk_encryption_set_id": 6,
                  "data_disk": (10, 20), "data_disk.1.disk_encryption_set_id": 18})
    assert machine.attributes["os_disk"] == {"disk_encryption_set_id": DES,
                                             "secure_vm_disk_encryption_set_id": DES}
    assert machine.attributes["data_disks"] == [{}, {"disk_encryption_set_id": DES}]
    assert machine.defaulted == {("password_authentication_enabled",),
                                 ("encryption_at_host_enabled",)}
    assert machine.location("os_disk.disk_encryption_set_id") == lines(6)
    assert machine.location("data_disks.1.disk_encryption_set_id") == lines(18)


def test_no_profile_no_os_disk() -> None:
    flexible = adapt_one("azurerm_orchestrated_virtual_machine_scale_set.s", {"name": "s"})
    assert "os_disk" not in flexible.attributes
    assert flexible.attributes["data_disks"] == []


@pytest.mark.parametrize("attributes, os_disk, data_disks", [
    ({"storage_os_disk": [{"create_option": "FromImage", "managed_disk_type": "Premium_LRS"}],
      "storage_data_disk": [{"create_option": "Empty", "lun": 0},
                            {"create_option": "attach", "managed_disk_id": "/disks/x"},
                            {"create_option": "Empty", "vhd_uri": "https://st/vhds/d.vhd"}]},
     {}, [{}]),
    ({"storage_os_disk": [{"create_option": "Attach", "managed_disk_id": "/disks/os"}]},
     None, []),
    ({"storage_os_disk": [{"create_option": "FromImage", "vhd_uri": "https://st/v.vhd"}]},
     None, []),
])
def test_legacy_machine(attributes: dict[str, Any], os_disk: Any, data_disks: Any) -> None:
    machine = adapt_one("azurerm_virtual_machine.vm", attributes)
    assert machine.attributes.get("os_disk") == os_disk
    assert machine.attributes["data_disks"] == data_disks


def test_legacy_scale_set() -> None:
    scale_set = adapt_one("azurerm_virtual_machine_scale_set.s", {
        "storage_profile_os_disk": [{"create_option": "FromImage", "managed_disk_type": "x"}],
        "storage_profile_data_disk": [{"create_option": "Empty", "lun": 0}]})
    assert scale_set.attributes["os_disk"] == {}
    assert scale_set.attributes["data_disks"] == [{}]
    unmanaged = adapt_one("azurerm_virtual_machine_scale_set.s", {
        "storage_profile_os_disk": [{"vhd_containers": ["https://st/vhds"]}]})
    assert "os_disk" not in unmanaged.attributes


def test_not_known_statically() -> None:
    blocks = Unknown("dynamic block over var.disks")
    machine = adapt_one("azurerm_linux_virtual_machine_scale_set.s", {
        "os_disk": [{"disk_encryption_set_id": DES}], "data_disk": blocks},
        locations={"data_disk": 9})
    assert machine.attributes["data_disks"] is blocks
    assert machine.location("data_disks") == lines(9)
    option = Unknown("from a variable")
    legacy = adapt_one("azurerm_virtual_machine.vm",
                       {"storage_os_disk": [{"create_option": option}]})
    assert legacy.attributes["os_disk"] is option


def test_plan_values() -> None:
    later = Unknown("known after apply", "azurerm_disk_encryption_set.des")
    [machine] = adapt_terraform([planned("azurerm_linux_virtual_machine.vm", {
        "name": "vm", "os_disk": [{"caching": "ReadWrite", "disk_encryption_set_id": later,
                                   "secure_vm_disk_encryption_set_id": None}],
        "tags": {}, "tags_all": {}})]).resources
    assert machine.source_format == "tfplan"
    assert machine.attributes["os_disk"] == {"disk_encryption_set_id": later}
    assert machine.attributes["data_disks"] == []
    [scale_set] = adapt_terraform([planned("azurerm_linux_virtual_machine_scale_set.s", {
        "name": "s", "os_disk": [{"disk_encryption_set_id": None}],
        "data_disk": [{"lun": 0, "disk_encryption_set_id": None}],
        "tags": {}, "tags_all": {}})]).resources
    assert scale_set.attributes["os_disk"] == {}
    assert scale_set.attributes["data_disks"] == [{}]


def test_encryption_at_host() -> None:
    written = adapt_one("azurerm_windows_virtual_machine_scale_set.s",
                        {"encryption_at_host_enabled": True},
                        locations={"encryption_at_host_enabled": 5})
    assert written.attributes["encryption_at_host_enabled"] is True
    assert written.location("encryption_at_host_enabled") == lines(5)
    for legacy in ("azurerm_virtual_machine.vm", "azurerm_virtual_machine_scale_set.s"):
        machine = adapt_one(legacy, {"name": "x"})
        assert machine.attributes["encryption_at_host_enabled"] is False
        assert ("encryption_at_host_enabled",) in machine.defaulted
    flexible = adapt_one("azurerm_orchestrated_virtual_machine_scale_set.s", {"name": "x"})
    assert "encryption_at_host_enabled" not in flexible.attributes
    profile = adapt_one("azurerm_orchestrated_virtual_machine_scale_set.s",
                        {"os_disk": [{"caching": "ReadWrite"}]})
    assert profile.attributes["encryption_at_host_enabled"] is False
    enabled = adapt_one("azurerm_orchestrated_virtual_machine_scale_set.s",
                        {"encryption_at_host_enabled": "true"})
    assert enabled.attributes["encryption_at_host_enabled"] is True
