"""`Microsoft.Sql/managedInstances` -> `azure.sql.managed_instance`: values, Azure's
defaults, and parity with azurerm."""

from __future__ import annotations

from pathlib import Path

from govern.model.unknown import Unknown
from tests.adapters.arm.test_parity import arm, in_resource_group, terraform
from tests.adapters.arm.test_services import GROUP, adapt, resource

TYPE = "Microsoft.Sql/managedInstances"


def test_defaults(tmp_path: Path) -> None:
    instance = adapt(tmp_path, resource(TYPE, {"vCores": 4}))
    assert instance.kind == "azure.sql.managed_instance"
    assert instance.attributes["public_network_access_enabled"] is False
    tls = instance.attributes["min_tls_version"]
    assert isinstance(tls, Unknown) and "minimalTlsVersion" in tls.reason
    assert instance.defaulted == {("public_network_access_enabled",), ("min_tls_version",)}
    assert (instance.attributes["name"], instance.attributes["resource_group_name"]) == (
        "x", GROUP)


def test_written_values(tmp_path: Path) -> None:
    instance = adapt(tmp_path, resource(TYPE, {"publicDataEndpointEnabled": "True",
                                               "minimalTlsVersion": 1.2}))
    assert instance.attributes["public_network_access_enabled"] is True
    assert instance.attributes["min_tls_version"] == "1.2"
    assert instance.defaulted == set()


def test_parity_with_azurerm(tmp_path: Path) -> None:
    [tf] = terraform(tmp_path / "tf", """
resource "azurerm_mssql_managed_instance" "mi" {
  name                         = "sqlmi-app"
  resource_group_name          = "rg-data"
  location                     = "westeurope"
  license_type                 = "BasePrice"
  sku_name                     = "GP_Gen5"
  storage_size_in_gb           = 32
  subnet_id                    = "/subnets/mi"
  vcores                       = 4
  public_data_endpoint_enabled = true
  minimum_tls_version          = "1.0"
}
""")
    [from_arm] = arm(tmp_path / "arm", in_resource_group({
        "type": TYPE, "apiVersion": "2023-05-01-preview", "name": "sqlmi-app",
        "location": "westeurope", "sku": {"name": "GP_Gen5"},
        "properties": {"subnetId": "/subnets/mi", "vCores": 4, "storageSizeInGB": 32,
                       "publicDataEndpointEnabled": True, "minimalTlsVersion": "1.0"}}))
    assert (from_arm.kind, from_arm.attributes) == (tf.kind, tf.attributes)
