"""azurerm settings read for CIS Azure rules: AKS network policy, Key Vault key rotation,
SQL TDE protector and database TDE, storage soft delete and cross-tenant replication, and
unmanaged VM disks."""

from __future__ import annotations

from typing import Any

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines, native

KEY_ID = "https://kv.vault.azure.net/keys/tde/0123"


@pytest.mark.parametrize("profile, expected", [
    ([{"network_plugin": "azure", "network_policy": "Calico"}], "calico"),
    ([{"network_plugin": "azure"}], "none"),
    ([{"network_data_plane": "cilium"}], None),
    ([{"ebpf_data_plane": "cilium"}], None),
    ([{"network_data_plane": "azure"}], "none"),
])
def test_network_policy(profile: Any, expected: str | None) -> None:
    cluster = adapt_one("azurerm_kubernetes_cluster.k", {"network_profile": profile})
    value = cluster.attributes["network_policy"]
    if expected is None:
        assert isinstance(value, Unknown)
        assert ("network_policy",) not in cluster.defaulted
    else:
        assert value == expected


@pytest.mark.parametrize("policy, expected", [
    (None, False),
    ([{"expire_after": "P1Y", "notify_before_expiry": "P30D"}], False),
    ([{"automatic": [{}]}], False),
    ([{"automatic": [{"time_after_creation": "P90D"}]}], True),
    ([{"automatic": [{"time_before_expiry": "P30D"}]}], True),
    ([{"automatic": [{"time_before_expiry": Unknown("var")}]}], None),
])
def test_key_rotation(policy: Any, expected: bool | None) -> None:
    written = {} if policy is None else {"rotation_policy": policy}
    for native_type in ("azurerm_key_vault_key",
                        "azurerm_key_vault_managed_hardware_security_module_key"):
        key = adapt_one(f"{native_type}.k", written, locations={"rotation_policy": (5, 9)})
        value = key.attributes["automatic_rotation_enabled"]
        if expected is None:
            assert isinstance(value, Unknown)
        else:
            assert value is expected
        if policy is None:
            assert ("automatic_rotation_enabled",) in key.defaulted
        else:
            assert key.location("automatic_rotation_enabled") == lines(5, 9)


def servers(*natives: Any) -> dict[str, Resource]:
    return {r.address: r for r in adapt_terraform(list(natives)).resources}


def test_tde_protector_inline_and_folded() -> None:
    ref = Unknown("known after apply", "azurerm_mssql_server.folded")
    found = servers(
        native("azurerm_mssql_server.inline", {
            "transparent_data_encryption_key_vault_key_id": KEY_ID},
            locations={"transparent_data_encryption_key_vault_key_id": 4}),
        native("azurerm_mssql_server.folded", {}),
        native("azurerm_mssql_server_transparent_data_encryption.t",
               {"server_id": ref, "managed_hsm_key_id": Unknown("var.key")}, line=20,
               locations={"managed_hsm_key_id": 22}),
        native("azurerm_mssql_server.service", {}),
        native("azurerm_mssql_server_transparent_data_encryption.s", {
            "server_id": Unknown("known after apply", "azurerm_mssql_server.service")},
            line=30),
        native("azurerm_mssql_server.empty", {
            "transparent_data_encryption_key_vault_key_id": ""}))
    inline = found["azurerm_mssql_server.inline"]
    assert inline.attributes["tde_customer_managed_key_enabled"] is True
    assert inline.location("tde_customer_managed_key_enabled") == lines(4)
    folded = found["azurerm_mssql_server.folded"]
    # a key id not known statically counts as set
    assert folded.attributes["tde_customer_managed_key_enabled"] is True
    assert folded.location("tde_customer_managed_key_enabled") == lines(22)
    service = found["azurerm_mssql_server.service"]
    assert service.attributes["tde_customer_managed_key_enabled"] is False
    assert ("tde_customer_managed_key_enabled",) not in service.defaulted
    assert service.location("tde_customer_managed_key_enabled") == lines(30, 39)
    assert found["azurerm_mssql_server.empty"].attributes[
        "tde_customer_managed_key_enabled"] is False


def test_tde_resource_of_a_server_elsewhere_makes_a_stand_in() -> None:
    [server] = adapt_terraform([native(
        "azurerm_mssql_server_transparent_data_encryption.t",
        {"server_id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/x",
         "key_vault_key_id": KEY_ID})]).resources
    assert server.external
    assert server.attributes["tde_customer_managed_key_enabled"] is True


def test_database_tde() -> None:
    default = adapt_one("azurerm_mssql_database.d", {"name": "db", "server_id": "/s"})
    assert default.kind == "azure.sql.database"
    assert default.attributes == {"name": "db", "server_id": "/s", "tde_enabled": True,
                                  "tags": {}}
    assert default.defaulted == {("tde_enabled",)}
    off = adapt_one("azurerm_mssql_database.d", {
        "transparent_data_encryption_enabled": "false"})
    assert off.attributes["tde_enabled"] is False


@pytest.mark.parametrize("blob_properties, blobs, containers", [
    (None, False, False),
    ([{"versioning_enabled": True}], False, False),
    ([{"delete_retention_policy": [{}]}], True, False),
    ([{"delete_retention_policy": [{"days": 7}],
       "container_delete_retention_policy": [{"days": 30}]}], True, True),
    ([{"delete_retention_policy": [{}],
       "container_delete_retention_policy": Unknown("dynamic")}], True, None),
    (Unknown("known after apply"), None, None),
])
def test_soft_delete(blob_properties: Any, blobs: bool | None,
                     containers: bool | None) -> None:
    written = {} if blob_properties is None else {"blob_properties": blob_properties}
    account = adapt_one("azurerm_storage_account.sa", written)
    for name, expected in (("blob_soft_delete_enabled", blobs),
                           ("container_soft_delete_enabled", containers)):
        value = account.attributes[name]
        if expected is None:
            assert isinstance(value, Unknown)
        else:
            assert value is expected
        assert ((name,) in account.defaulted) is (expected is False)


@pytest.mark.parametrize("written, expected", [
    ({"cross_tenant_replication_enabled": True}, True),
    ({"cross_tenant_replication_enabled": "false"}, False),
    ({"enable_https_traffic_only": True}, True),  # written for azurerm v2/v3
    ({"https_traffic_only_enabled": True}, None),
    ({}, None),
])
def test_cross_tenant_replication(written: dict[str, Any], expected: bool | None) -> None:
    value = adapt_one("azurerm_storage_account.sa", written).attributes[
        "cross_tenant_replication_enabled"]
    if expected is None:
        assert isinstance(value, Unknown)
    else:
        assert value is expected


@pytest.mark.parametrize("written, expected", [
    ({"storage_os_disk": [{"name": "os", "vhd_uri": "https://st/os.vhd"}]}, False),
    ({"storage_os_disk": [{"name": "os", "managed_disk_type": "Premium_LRS"}],
      "storage_data_disk": [{"name": "d0", "managed_disk_type": "Premium_LRS"},
                            {"name": "d1", "vhd_uri": "https://st/d1.vhd"}]}, False),
    ({"storage_os_disk": [{"name": "os", "vhd_uri": ""}]}, True),
    ({"storage_os_disk": [{"name": "os"}]}, True),
    ({"storage_os_disk": [{"name": "os"}], "storage_data_disk": Unknown("dynamic")}, None),
    ({"storage_os_disk": [{"name": "os", "vhd_uri": Unknown("var")}]}, None),
])
def test_legacy_machine_unmanaged_disks(written: dict[str, Any], expected: bool | None) -> None:
    machine = adapt_one("azurerm_virtual_machine.vm", written,
                        locations={"storage_data_disk.1.vhd_uri": 12})
    value = machine.attributes["managed_disks_only"]
    if expected is None:
        assert isinstance(value, Unknown)
    else:
        assert value is expected
        assert (("managed_disks_only",) in machine.defaulted) is expected
    if "storage_data_disk" in written and expected is False:
        assert machine.location("managed_disks_only") == lines(12)
