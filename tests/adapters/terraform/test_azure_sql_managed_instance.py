"""`azurerm_mssql_managed_instance` -> `azure.sql.managed_instance`, from configuration and
from plan values."""

from __future__ import annotations

from govern.adapters.terraform import adapt_terraform
from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.test_plan_values import planned

ADDRESS = "azurerm_mssql_managed_instance.mi"


def test_defaults() -> None:
    instance = adapt_one(ADDRESS, {"name": "sqlmi", "resource_group_name": "rg"})
    assert instance.kind == "azure.sql.managed_instance"
    assert instance.attributes == {"name": "sqlmi", "resource_group_name": "rg",
                                   "public_network_access_enabled": False,
                                   "min_tls_version": "1.2", "tags": {}}
    assert instance.defaulted == {("public_network_access_enabled",), ("min_tls_version",)}


def test_written_values() -> None:
    later = Unknown("from a variable")
    instance = adapt_one(ADDRESS, {"public_data_endpoint_enabled": True,
                                   "minimum_tls_version": 1.1, "tags": {"owner": "data"}})
    assert instance.attributes == {"public_network_access_enabled": True,
                                   "min_tls_version": "1.1", "tags": {"owner": "data"}}
    assert instance.defaulted == set()
    unknown = adapt_one(ADDRESS, {"public_data_endpoint_enabled": later,
                                  "minimum_tls_version": later})
    assert unknown.attributes["public_network_access_enabled"] is later
    assert unknown.attributes["min_tls_version"] is later


def test_plan_values() -> None:
    [instance] = adapt_terraform([planned(ADDRESS, {
        "name": "sqlmi", "resource_group_name": "rg", "public_data_endpoint_enabled": True,
        "minimum_tls_version": "1.2", "tags": {"owner": "data"},
        "tags_all": {"owner": "data"}})]).resources
    assert (instance.kind, instance.source_format) == ("azure.sql.managed_instance", "tfplan")
    assert instance.attributes["public_network_access_enabled"] is True
    assert instance.attributes["min_tls_version"] == "1.2"
    assert instance.defaulted == set()
