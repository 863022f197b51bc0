"""Redis, PostgreSQL and MySQL single servers, AI services, AI Search, Data Factory and
Service Bus in ARM (`redis`, `dbservers`, `cognitive`, `search`, `datafactory`,
`servicebus`), and the AKS and storage properties read for identity and encryption
rules: values, Azure's defaults, and parity with azurerm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.adapters.arm import redis, servicebus
from govern.model.unknown import Unknown
from tests.adapters.arm.test_parity import arm, in_resource_group, terraform
from tests.adapters.arm.test_services import GROUP, adapt, resource

DEFAULTS = [
    ("Microsoft.Cache/redis", "azure.redis.cache",
     {"non_ssl_port_enabled": False, "public_network_access_enabled": True,
      "min_tls_version": redis.UNSET_TLS}),
    ("Microsoft.DBforPostgreSQL/servers", "azure.postgresql.server",
     {"ssl_enforcement_enabled": True, "public_network_access_enabled": True,
      "min_tls_version": "TLSEnforcementDisabled", "log_checkpoints_enabled": True,
      "log_connections_enabled": True, "connection_throttling_enabled": True,
      "geo_redundant_backup_enabled": False, "infrastructure_encryption_enabled": False}),
    ("Microsoft.DBforMySQL/servers", "azure.mysql.server",
     {"ssl_enforcement_enabled": True, "public_network_access_enabled": True,
      "min_tls_version": "TLSEnforcementDisabled", "geo_redundant_backup_enabled": False,
      "infrastructure_encryption_enabled": False}),
    ("Microsoft.DBforMariaDB/servers", "azure.mariadb.server",
     {"ssl_enforcement_enabled": True, "public_network_access_enabled": True,
      "min_tls_version": "TLSEnforcementDisabled", "geo_redundant_backup_enabled": False}),
    ("Microsoft.CognitiveServices/accounts", "azure.cognitive.account",
     {"public_network_access_enabled": True, "local_auth_enabled": True}),
    ("Microsoft.Search/searchServices", "azure.search.service",
     {"public_network_access_enabled": True, "local_auth_enabled": True}),
    ("Microsoft.DataFactory/factories", "azure.datafactory.factory",
     {"public_network_access_enabled": True}),
    ("Microsoft.ServiceBus/namespaces", "azure.servicebus.namespace",
     {"local_auth_enabled": True, "public_network_access_enabled": True,
      "min_tls_version": servicebus.UNSET_TLS, "customer_managed_key_enabled": False,
      "infrastructure_encryption_enabled": False}),
    ("Microsoft.EventHub/namespaces", "azure.eventhub.namespace",
     {"min_tls_version": servicebus.UNSET_TLS}),
]


@pytest.mark.parametrize("type_, kind, defaults", DEFAULTS, ids=[d[0] for d in DEFAULTS])
def test_defaults(tmp_path: Path, type_: str, kind: str, defaults: dict[str, Any]) -> None:
    adapted = adapt(tmp_path, resource(type_, {}))
    assert adapted.kind == kind
    assert adapted.attributes == {"name": "x", "resource_group_name": GROUP, **defaults,
                                  "tags": {}}
    assert adapted.defaulted == {(k,) for k in defaults}


def test_written_values(tmp_path: Path) -> None:
    redis = adapt(tmp_path, resource("Microsoft.Cache/redis", {
        "enableNonSslPort": True, "publicNetworkAccess": "Disabled"}))
    assert (redis.attributes["non_ssl_port_enabled"],
            redis.attributes["public_network_access_enabled"]) == (True, False)
    server = adapt(tmp_path, resource("Microsoft.DBforMySQL/servers", {
        "sslEnforcement": "Disabled"}))
    assert server.attributes["ssl_enforcement_enabled"] is False
    search = adapt(tmp_path, resource("Microsoft.Search/searchServices", {
        "publicNetworkAccess": "disabled", "disableLocalAuth": True}))
    assert (search.attributes["public_network_access_enabled"],
            search.attributes["local_auth_enabled"]) == (False, False)
    perimeter = adapt(tmp_path, resource("Microsoft.ServiceBus/namespaces", {
        "publicNetworkAccess": "SecuredByPerimeter"}))
    assert isinstance(perimeter.attributes["public_network_access_enabled"], Unknown)


@pytest.mark.parametrize("api_version, expected", [("2017-08-31", False),
                                                   ("2018-03-31", True),
                                                   ("2024-02-01", True)])
def test_managed_cluster_rbac_default_depends_on_the_api_version(
        tmp_path: Path, api_version: str, expected: bool) -> None:
    cluster = adapt(tmp_path, resource("Microsoft.ContainerService/managedClusters",
                                       {"dnsPrefix": "aks"}, apiVersion=api_version))
    assert cluster.attributes["rbac_enabled"] is expected
    assert ("rbac_enabled",) in cluster.defaulted


def test_managed_cluster_local_accounts_and_rbac_written(tmp_path: Path) -> None:
    cluster = adapt(tmp_path, resource("Microsoft.ContainerService/managedClusters", {
        "disableLocalAccounts": True, "enableRBAC": False}))
    assert (cluster.attributes["local_accounts_enabled"],
            cluster.attributes["rbac_enabled"]) == (False, False)
    assert cluster.defaulted == {("private_cluster_enabled",), ("monitoring_enabled",),
                                 ("network_policy",), ("azure_policy_enabled",),
                                 ("http_application_routing_enabled",),
                                 ("automatic_upgrade_channel",)}


@pytest.mark.parametrize("addons, expected", [
    ({"omsagent": {"enabled": True}}, True),
    ({"omsAgent": {"enabled": "true"}}, True),
    ({"OMSAGENT": {"enabled": False}}, False),
    ({"azurepolicy": {"enabled": True}}, False),
])
def test_managed_cluster_monitoring(tmp_path: Path, addons: dict[str, Any],
                                    expected: bool) -> None:
    cluster = adapt(tmp_path, resource("Microsoft.ContainerService/managedClusters",
                                       {"addonProfiles": addons}))
    assert cluster.attributes["monitoring_enabled"] is expected


def test_managed_cluster_disk_encryption_set(tmp_path: Path) -> None:
    cluster = adapt(tmp_path, resource("Microsoft.ContainerService/managedClusters",
                                       {"diskEncryptionSetID": "/des/x"}))
    assert cluster.attributes["disk_encryption_set_id"] == "/des/x"


def test_storage_shared_key_and_infrastructure_encryption_written(tmp_path: Path) -> None:
    account = adapt(tmp_path, resource("Microsoft.Storage/storageAccounts", {
        "allowSharedKeyAccess": False,
        "encryption": {"keySource": "Microsoft.Storage",
                       "requireInfrastructureEncryption": True}}))
    assert (account.attributes["shared_key_access_enabled"],
            account.attributes["infrastructure_encryption_enabled"]) == (False, True)


def test_parity_with_azurerm(tmp_path: Path) -> None:
    tf = terraform(tmp_path / "tf", """
resource "azurerm_redis_cache" "r" {
  name                          = "redis-app"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  capacity                      = 1
  family                        = "C"
  sku_name                      = "Standard"
  non_ssl_port_enabled          = true
  public_network_access_enabled = false
}
resource "azurerm_postgresql_server" "p" {
  name                          = "psql-app"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  sku_name                      = "GP_Gen5_2"
  version                       = "11"
  ssl_enforcement_enabled       = false
  public_network_access_enabled = false
}
resource "azurerm_cognitive_account" "c" {
  name                          = "cog-app"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  kind                          = "TextAnalytics"
  sku_name                      = "S"
  local_auth_enabled            = false
  public_network_access_enabled = false
}
resource "azurerm_servicebus_namespace" "sb" {
  name                = "sb-app"
  resource_group_name = "rg-data"
  location            = "westeurope"
  sku                 = "Standard"
  local_auth_enabled  = false
}
""")
    from_arm = arm(tmp_path / "arm", in_resource_group(
        {"type": "Microsoft.Cache/redis", "apiVersion": "2023-08-01", "name": "redis-app",
         "location": "westeurope",
         "properties": {"sku": {"name": "Standard", "family": "C", "capacity": 1},
                        "enableNonSslPort": True, "publicNetworkAccess": "Disabled",
                        "minimumTlsVersion": "1.2"}},
        {"type": "Microsoft.DBforPostgreSQL/servers", "apiVersion": "2017-12-01",
         "name": "psql-app", "location": "westeurope",
         "properties": {"createMode": "Default", "sslEnforcement": "Disabled",
                        "publicNetworkAccess": "Disabled", "minimalTlsVersion": "TLS1_2"}},
        {"type": "Microsoft.CognitiveServices/accounts", "apiVersion": "2023-05-01",
         "name": "cog-app", "location": "westeurope", "kind": "TextAnalytics",
         "sku": {"name": "S"},
         "properties": {"disableLocalAuth": True, "publicNetworkAccess": "Disabled"}},
        {"type": "Microsoft.ServiceBus/namespaces", "apiVersion": "2022-10-01-preview",
         "name": "sb-app", "location": "westeurope", "sku": {"name": "Standard"},
         "properties": {"disableLocalAuth": True, "minimumTlsVersion": 1.2}}))
    assert [(r.kind, r.attributes) for r in from_arm] == [(r.kind, r.attributes) for r in tf]


@pytest.mark.parametrize("os_profile, expected", [
    ({"linuxConfiguration": {"disablePasswordAuthentication": True}}, False),
    ({"linuxConfiguration": {"disablePasswordAuthentication": False}}, True),
    ({"linuxConfiguration": {"provisionVMAgent": True}}, True),
    ({"windowsConfiguration": {}}, None),
])
def test_virtual_machine_password_authentication(
        tmp_path: Path, os_profile: dict[str, Any], expected: bool | None) -> None:
    vm = adapt(tmp_path, resource("Microsoft.Compute/virtualMachines",
                                  {"osProfile": {"adminUsername": "u", **os_profile}}))
    assert vm.kind == "azure.compute.virtual_machine"
    assert vm.attributes.get("password_authentication_enabled") is expected
