"""Redis, PostgreSQL and MySQL single servers, AI services, AI Search, Data Factory and
Service Bus (`azure_redis`, `azure_dbservers`, `azure_cognitive`, `azure_search`,
`azure_datafactory`, `azure_servicebus`): defaults, names across provider versions."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines

DEFAULTS = [
    ("azurerm_redis_cache", "azure.redis.cache",
     {"non_ssl_port_enabled": False, "public_network_access_enabled": True,
      "min_tls_version": "1.2"}),
    ("azurerm_postgresql_server", "azure.postgresql.server",
     {"public_network_access_enabled": True, "min_tls_version": "TLS1_2",
      "log_checkpoints_enabled": True, "log_connections_enabled": True,
      "connection_throttling_enabled": True, "geo_redundant_backup_enabled": False,
      "infrastructure_encryption_enabled": False}),
    ("azurerm_mysql_server", "azure.mysql.server",
     {"public_network_access_enabled": True, "min_tls_version": "TLS1_2",
      "geo_redundant_backup_enabled": False, "infrastructure_encryption_enabled": False}),
    ("azurerm_mariadb_server", "azure.mariadb.server",
     {"public_network_access_enabled": True, "min_tls_version": "TLS1_2",
      "geo_redundant_backup_enabled": False}),
    ("azurerm_cognitive_account", "azure.cognitive.account",
     {"public_network_access_enabled": True, "local_auth_enabled": True}),
    ("azurerm_search_service", "azure.search.service",
     {"public_network_access_enabled": True, "local_auth_enabled": True}),
    ("azurerm_data_factory", "azure.datafactory.factory",
     {"public_network_access_enabled": True}),
    ("azurerm_servicebus_namespace", "azure.servicebus.namespace",
     {"local_auth_enabled": True, "public_network_access_enabled": True,
      "min_tls_version": "1.2", "customer_managed_key_enabled": False,
      "infrastructure_encryption_enabled": False}),
    ("azurerm_eventhub_namespace", "azure.eventhub.namespace", {"min_tls_version": "1.2"}),
]


@pytest.mark.parametrize("native_type, kind, defaults", DEFAULTS,
                         ids=[d[0] for d in DEFAULTS])
def test_defaults(native_type: str, kind: str, defaults: dict[str, Any]) -> None:
    resource = adapt_one(f"{native_type}.x", {"name": "x", "resource_group_name": "rg"})
    assert resource.kind == kind
    assert resource.attributes == {"name": "x", "resource_group_name": "rg", **defaults,
                                   "tags": {}}
    assert resource.defaulted == {(k,) for k in defaults}


def test_redis_v3_and_v4_names() -> None:
    v4 = adapt_one("azurerm_redis_cache.r", {"non_ssl_port_enabled": True},
                   locations={"non_ssl_port_enabled": 8})
    assert v4.attributes["non_ssl_port_enabled"] is True
    assert v4.location("non_ssl_port_enabled") == lines(8)
    v3 = adapt_one("azurerm_redis_cache.r", {"enable_non_ssl_port": True})
    assert v3.attributes["non_ssl_port_enabled"] is True


@pytest.mark.parametrize("native_type", ["azurerm_postgresql_server", "azurerm_mysql_server"])
@pytest.mark.parametrize("attributes, expected", [
    ({"ssl_enforcement_enabled": False}, False),
    ({"ssl_enforcement": "Disabled"}, False),
    ({"ssl_enforcement": "enabled"}, True),
])
def test_ssl_enforcement_current_and_v2(native_type: str, attributes: dict[str, Any],
                                        expected: bool) -> None:
    server = adapt_one(f"{native_type}.s", attributes)
    assert server.attributes["ssl_enforcement_enabled"] is expected


def test_ssl_enforcement_unreadable_word_is_unknown() -> None:
    server = adapt_one("azurerm_postgresql_server.s", {"ssl_enforcement": "Sometimes"})
    assert isinstance(server.attributes["ssl_enforcement_enabled"], Unknown)


def test_written_names() -> None:
    search = adapt_one("azurerm_search_service.s", {"local_authentication_enabled": False})
    assert search.attributes["local_auth_enabled"] is False
    factory = adapt_one("azurerm_data_factory.f", {"public_network_enabled": False})
    assert factory.attributes["public_network_access_enabled"] is False


def test_virtual_machine_password_authentication() -> None:
    linux = adapt_one("azurerm_linux_virtual_machine.vm", {"name": "vm"})
    assert linux.kind == "azure.compute.virtual_machine"
    assert linux.attributes["password_authentication_enabled"] is False
    assert linux.defaulted == {("password_authentication_enabled",), ("data_disks",),
                               ("encryption_at_host_enabled",), ("managed_disks_only",)}
    allowed = adapt_one("azurerm_linux_virtual_machine.vm",
                        {"disable_password_authentication": False})
    assert allowed.attributes["password_authentication_enabled"] is True
    legacy = adapt_one("azurerm_virtual_machine.vm", {
        "os_profile_linux_config": [{"disable_password_authentication": False}]})
    assert legacy.attributes["password_authentication_enabled"] is True
    windows = adapt_one("azurerm_windows_virtual_machine.vm", {"name": "vm"})
    assert windows.attributes == {"name": "vm", "encryption_at_host_enabled": False,
                                  "automatic_updates_enabled": True,
                                  "data_disks": [], "managed_disks_only": True, "tags": {}}
