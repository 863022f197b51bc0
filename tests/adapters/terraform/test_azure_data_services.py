"""Storage containers, customer-managed keys and firewall bypass; database firewall rules,
SQL auditing and PostgreSQL server parameters; Key Vault keys, secrets and RBAC: what the
azurerm resources folded into their parents set, and the defaults."""

from __future__ import annotations

from typing import Any

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines, native

ACCOUNT = "azurerm_storage_account"
CONTAINER = "azurerm_storage_container"


def _adapted(*natives: Any) -> dict[str, Resource]:
    return {r.address: r for r in adapt_terraform(list(natives)).resources}


def test_containers_by_id_and_by_name_default_private() -> None:
    found = _adapted(
        native(f"{ACCOUNT}.a", {"name": "sta", "resource_group_name": "rg"}),
        native(f"{CONTAINER}.public", {"name": "pub", "container_access_type": "Blob",
                                       "storage_account_id": Unknown("after apply",
                                                                     f"{ACCOUNT}.a")},
               line=10, locations={"container_access_type": 12}),
        native(f"{CONTAINER}.private", {"name": "priv", "storage_account_name": "sta"},
               line=20))
    account = found[f"{ACCOUNT}.a"]
    assert account.attributes["containers"] == [
        {"name": "pub", "public_access": "blob"},
        {"name": "priv", "public_access": "private"}]
    assert account.location("containers.0.public_access") == lines(12)
    assert account.location("containers.1").start_line == 20
    assert ("containers", 1, "public_access") in account.defaulted
    assert account.native == [f"{ACCOUNT}.a", f"{CONTAINER}.public", f"{CONTAINER}.private"]


def test_container_of_an_account_declared_elsewhere() -> None:
    result = adapt_terraform([native(f"{CONTAINER}.c", {
        "name": "c", "storage_account_name": "stshared", "container_access_type": "container"})])
    [stand_in] = result.resources
    assert stand_in.external and stand_in.attributes["name"] == "stshared"
    assert stand_in.attributes["containers"] == [{"name": "c", "public_access": "container"}]
    assert [n.code for n in result.notices] == ["external-parent"]


def test_customer_managed_key_inline_separate_dynamic() -> None:
    assert adapt_one(f"{ACCOUNT}.a", {}).attributes["customer_managed_key_enabled"] is False
    inline = adapt_one(f"{ACCOUNT}.a", {"customer_managed_key": [{"key_vault_key_id": "k"}]})
    assert inline.attributes["customer_managed_key_enabled"] is True
    dynamic = adapt_one(f"{ACCOUNT}.a", {"customer_managed_key": Unknown("a dynamic block")})
    assert isinstance(dynamic.attributes["customer_managed_key_enabled"], Unknown)
    found = _adapted(
        native(f"{ACCOUNT}.a", {"name": "sta"}),
        native("azurerm_storage_account_customer_managed_key.k", {
            "storage_account_id": Unknown("after apply", f"{ACCOUNT}.a"),
            "key_vault_id": "kv", "key_name": "k"}, line=7))
    account = found[f"{ACCOUNT}.a"]
    assert account.attributes["customer_managed_key_enabled"] is True
    assert ("customer_managed_key_enabled",) not in account.defaulted
    assert account.location("customer_managed_key_enabled").start_line == 7


@pytest.mark.parametrize(("block", "bypass"), [
    ({"default_action": "Deny"}, ["AzureServices"]),
    ({"default_action": "Deny", "bypass": ["logging", "None"]}, ["Logging", "None"]),
])
def test_firewall_bypass(block: dict[str, Any], bypass: list[str]) -> None:
    account = adapt_one(f"{ACCOUNT}.a", {"network_rules": [block]})
    assert account.attributes["network_rules"]["bypass"] == bypass
    assert "network_rules" not in adapt_one(f"{ACCOUNT}.a", {}).attributes


def test_separate_network_rules_bypass_default() -> None:
    found = _adapted(
        native(f"{ACCOUNT}.a", {"name": "sta", "network_rules": [
            {"default_action": "Deny", "bypass": ["None"]}]}),
        native("azurerm_storage_account_network_rules.r", {
            "storage_account_id": Unknown("after apply", f"{ACCOUNT}.a"),
            "default_action": "Deny"}))
    assert found[f"{ACCOUNT}.a"].attributes["network_rules"] == {
        "default_action": "Deny", "bypass": ["AzureServices"]}


def test_firewall_rules_by_id_and_by_name_in_the_resource_group() -> None:
    found = _adapted(
        native("azurerm_mssql_server.s", {"name": "sql", "resource_group_name": "rg"}),
        native("azurerm_mssql_firewall_rule.all", {
            "name": "all", "server_id": Unknown("after apply", "azurerm_mssql_server.s"),
            "start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"},
            line=5, locations={"end_ip_address": 8}),
        native("azurerm_mysql_server.m", {"name": "db", "resource_group_name": "rg"}),
        native("azurerm_mysql_server.other", {"name": "db", "resource_group_name": "other"}),
        native("azurerm_mysql_firewall_rule.azure", {
            "name": "azure", "server_name": "db", "resource_group_name": "rg",
            "start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"}))
    server = found["azurerm_mssql_server.s"]
    assert server.attributes["firewall_rules"] == [
        {"name": "all", "start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}]
    assert server.location("firewall_rules.0.end_ip_address") == lines(8)
    assert found["azurerm_mysql_server.m"].attributes["firewall_rules"][0]["name"] == "azure"
    assert "firewall_rules" not in found["azurerm_mysql_server.other"].attributes


def test_firewall_rule_of_a_server_declared_elsewhere() -> None:
    result = adapt_terraform([native("azurerm_mariadb_firewall_rule.r", {
        "name": "r", "server_name": "mdb", "resource_group_name": "rg-shared",
        "start_ip_address": "10.0.0.1", "end_ip_address": "10.0.0.9"})])
    [stand_in] = result.resources
    assert (stand_in.external, stand_in.kind, stand_in.address) == (
        True, "azure.mariadb.server", "rg-shared/mdb")
    assert stand_in.attributes["resource_group_name"] == "rg-shared"


def test_sql_auditing_policy_and_inline_block() -> None:
    assert adapt_one("azurerm_mssql_server.s", {}).attributes["auditing"] == {"enabled": False}
    inline = adapt_one("azurerm_mssql_server.s", {
        "extended_auditing_policy": [{"retention_in_days": 30}]})
    assert inline.attributes["auditing"] == {"enabled": True, "retention_days": 30}
    found = _adapted(
        native("azurerm_mssql_server.s", {"name": "sql"}),
        native("azurerm_mssql_server_extended_auditing_policy.p", {
            "server_id": Unknown("after apply", "azurerm_mssql_server.s")}),
        native("azurerm_mssql_server.off", {"name": "off"}),
        native("azurerm_mssql_server_extended_auditing_policy.off", {
            "server_id": Unknown("after apply", "azurerm_mssql_server.off"),
            "enabled": False, "retention_in_days": 120}))
    assert found["azurerm_mssql_server.s"].attributes["auditing"] == {
        "enabled": True, "retention_days": 0}
    assert found["azurerm_mssql_server.off"].attributes["auditing"] == {
        "enabled": False, "retention_days": 120}


def test_postgresql_configurations() -> None:
    found = _adapted(
        native("azurerm_postgresql_server.p", {"name": "pg", "resource_group_name": "rg"}),
        native("azurerm_postgresql_configuration.c", {
            "name": "log_checkpoints", "server_name": "pg", "resource_group_name": "rg",
            "value": "OFF"}),
        native("azurerm_postgresql_configuration.other", {
            "name": "log_disconnections", "server_name": "pg", "resource_group_name": "rg",
            "value": "off"}),
        native("azurerm_postgresql_configuration.any", {
            "name": Unknown("var.name"), "server_name": "pg", "resource_group_name": "rg",
            "value": "off"}))
    server = found["azurerm_postgresql_server.p"]
    assert server.attributes["log_checkpoints_enabled"] is False
    assert isinstance(server.attributes["log_connections_enabled"], Unknown)
    assert isinstance(server.attributes["connection_throttling_enabled"], Unknown)
    assert "azurerm_postgresql_configuration.other" not in server.native


@pytest.mark.parametrize(("written", "expected"), [
    ({"ssl_enforcement_enabled": True}, "TLS1_2"),
    ({"ssl_enforcement": "Enabled"}, "TLSEnforcementDisabled"),
    ({"ssl_minimal_tls_version_enforced": "TLS1_1"}, "TLS1_1"),
])
def test_single_server_tls_defaults(written: dict[str, Any], expected: str) -> None:
    for native_type in ("azurerm_mysql_server", "azurerm_postgresql_server",
                        "azurerm_mariadb_server"):
        assert adapt_one(f"{native_type}.s", written).attributes["min_tls_version"] == expected


def test_key_vault_keys_secrets_and_rbac() -> None:
    key = adapt_one("azurerm_key_vault_key.k", {"name": "k", "key_type": "RSA-HSM",
                                                "expiration_date": "2027-01-01T00:00:00Z"})
    assert (key.kind, key.attributes) == ("azure.keyvault.key", {
        "name": "k", "key_type": "RSA-HSM", "expiration_date": "2027-01-01T00:00:00Z",
        "automatic_rotation_enabled": False})
    secret = adapt_one("azurerm_key_vault_secret.s", {"name": "s", "value": "x"})
    assert (secret.kind, secret.attributes) == ("azure.keyvault.secret", {"name": "s"})
    assert adapt_one("azurerm_key_vault.v", {}).attributes[
        "rbac_authorization_enabled"] is False
    assert adapt_one("azurerm_key_vault.v", {"rbac_authorization_enabled": True}).attributes[
        "rbac_authorization_enabled"] is True
    assert adapt_one("azurerm_key_vault_managed_hardware_security_module.h", {}).attributes[
        "rbac_authorization_enabled"] is True
