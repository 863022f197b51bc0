"""`azurerm_private_endpoint` -> `private_endpoints` of the storage account, key vault or
database server it connects to."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native

PROVIDERS = "/subscriptions/s/resourceGroups/rg/providers"


def endpoint(name: str, target: Any, **kwargs: Any) -> Any:
    return native(f"azurerm_private_endpoint.{name}", {"name": name, "private_service_connection": [
        {"name": "c", "private_connection_resource_id": target, "subresource_names": ["blob"]}]},
        **kwargs)


def adapt(*natives: Any) -> dict[str, Resource]:
    return {r.address: r for r in adapt_terraform(list(natives)).resources}


def test_a_reference_a_literal_id_and_other_targets() -> None:
    resources = adapt(
        native("azurerm_storage_account.by_ref", {"name": "stref"}),
        native("azurerm_storage_account.by_id", {"name": "stid"}),
        native("azurerm_storage_account.none", {"name": "stnone"}),
        native("azurerm_key_vault_managed_hardware_security_module.hsm", {"name": "hsm"}),
        native("azurerm_mssql_server.sql", {"name": "sql"}),
        endpoint("ref", Unknown("known after apply", "azurerm_storage_account.by_ref"),
                 line=40, locations={"private_service_connection": (42, 46)}),
        endpoint("id", f"{PROVIDERS}/Microsoft.Storage/storageAccounts/stid"),
        endpoint("hsm", f"{PROVIDERS}/Microsoft.KeyVault/managedHSMs/hsm"),
        endpoint("sql", Unknown("known after apply", "azurerm_mssql_server.sql")),
        endpoint("data", Unknown("known after apply", "data.azurerm_storage_account.x")),
        endpoint("other", f"{PROVIDERS}/Microsoft.Storage/storageAccounts/elsewhere"))
    by_ref = resources["azurerm_storage_account.by_ref"]
    assert by_ref.attributes["private_endpoints"] == [{"name": "ref",
                                                       "subresources": ["blob"]}]
    assert by_ref.location("private_endpoints.0") == lines(42, 46)
    assert "azurerm_private_endpoint.ref" in by_ref.native
    assert resources["azurerm_storage_account.by_id"].attributes["private_endpoints"] == [
        {"name": "id", "subresources": ["blob"]}]
    assert resources["azurerm_key_vault_managed_hardware_security_module.hsm"].attributes[
        "private_endpoints"] == [{"name": "hsm", "subresources": ["blob"]}]
    assert "private_endpoints" not in resources["azurerm_storage_account.none"].attributes
    assert "azurerm_private_endpoint.sql" not in resources  # not a kind of its own


def test_a_target_not_known_statically_may_be_any_of_them() -> None:
    resources = adapt(
        native("azurerm_storage_account.a", {"name": "sta"}),
        native("azurerm_key_vault.v", {"name": "kv"}),
        native("azurerm_mssql_server.sql", {"name": "sql"}),
        native("azurerm_redis_cache.r", {"name": "redis"}),
        endpoint("somewhere", Unknown("var.target has no value")))
    for address in ("azurerm_storage_account.a", "azurerm_key_vault.v",
                    "azurerm_mssql_server.sql"):
        [element] = resources[address].attributes["private_endpoints"]
        assert isinstance(element, Unknown)
    assert "private_endpoints" not in resources["azurerm_redis_cache.r"].attributes


def test_database_servers_by_reference_and_by_literal_id() -> None:
    resources = adapt(
        native("azurerm_mssql_server.sql", {"name": "sql"}),
        native("azurerm_mysql_flexible_server.my", {"name": "myflex"}),
        native("azurerm_postgresql_server.pg", {"name": "pg"}),
        native("azurerm_postgresql_flexible_server.pg", {"name": "pg"}),
        native("azurerm_mariadb_server.maria", {"name": "maria"}),
        endpoint("sql", Unknown("known after apply", "azurerm_mssql_server.sql")),
        endpoint("my", f"{PROVIDERS}/Microsoft.DBforMySQL/flexibleServers/myflex"),
        endpoint("pg", f"{PROVIDERS}/Microsoft.DBforPostgreSQL/servers/pg"),
        endpoint("maria", f"{PROVIDERS}/Microsoft.DBforMariaDB/servers/maria"))
    for address, name in (("azurerm_mssql_server.sql", "sql"),
                          ("azurerm_mysql_flexible_server.my", "my"),
                          ("azurerm_postgresql_server.pg", "pg"),
                          ("azurerm_mariadb_server.maria", "maria")):
        assert resources[address].attributes["private_endpoints"] == [
            {"name": name, "subresources": ["blob"]}]
    # a single server's id does not designate the flexible server of the same name
    assert "private_endpoints" not in resources[
        "azurerm_postgresql_flexible_server.pg"].attributes
