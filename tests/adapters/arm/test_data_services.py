"""Blob containers, the storage firewall's bypass, database firewall rules, SQL auditing,
PostgreSQL server parameters and Key Vault keys and RBAC in ARM: child resources folded
into their parents (nested or named `<parent>/...`), and Azure's defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import template

STORAGE = "Microsoft.Storage/storageAccounts"


def _adapted(tmp_path: Path, *resources: dict[str, Any]) -> dict[str, Resource]:
    result, _ = adapt_template(tmp_path, template(*resources))
    return {r.address: r for r in result.resources}


def _account(name: str, **properties: Any) -> dict[str, Any]:
    return {"type": STORAGE, "apiVersion": "2023-01-01", "name": name,
            "location": "westeurope", "properties": properties}


def test_containers_nested_and_top_level(tmp_path: Path) -> None:
    found = _adapted(tmp_path, {
        **_account("st"), "resources": [{
            "type": "blobServices", "apiVersion": "2023-01-01", "name": "default",
            "resources": [{"type": "containers", "apiVersion": "2023-01-01", "name": "a",
                           "properties": {"publicAccess": "Container"}}]}]},
        {"type": f"{STORAGE}/blobServices/containers", "apiVersion": "2023-01-01",
         "name": "st/default/b", "properties": {"publicAccess": "None"}},
        {"type": f"{STORAGE}/blobServices/containers", "apiVersion": "2023-01-01",
         "name": "st/default/c"})
    [account] = found.values()
    assert account.attributes["containers"] == [
        {"name": "a", "public_access": "container"}, {"name": "b", "public_access": "private"},
        {"name": "c", "public_access": "private"}]
    assert ("containers", 2, "public_access") in account.defaulted
    assert len(account.native) == 5  # the account, its blob service, three containers


def test_container_of_an_account_outside_the_template(tmp_path: Path) -> None:
    found = _adapted(tmp_path, {
        "type": f"{STORAGE}/blobServices/containers", "apiVersion": "2023-01-01",
        "name": "shared/default/c", "properties": {"publicAccess": "blob"}})
    [stand_in] = found.values()
    assert stand_in.external and stand_in.address == f"{STORAGE}/shared"
    assert stand_in.attributes["containers"] == [{"name": "c", "public_access": "blob"}]


@pytest.mark.parametrize(("acls", "bypass"), [
    ({"defaultAction": "Deny"}, ["AzureServices"]),
    ({"defaultAction": "Deny", "bypass": "logging, Metrics"}, ["Logging", "Metrics"]),
    ({"defaultAction": "Deny", "bypass": "None"}, ["None"]),
])
def test_firewall_bypass(tmp_path: Path, acls: dict[str, Any], bypass: list[str]) -> None:
    [account] = _adapted(tmp_path, _account("st", networkAcls=acls)).values()
    assert account.attributes["network_rules"]["bypass"] == bypass


def test_customer_managed_key_source(tmp_path: Path) -> None:
    found = _adapted(tmp_path, _account("sta"),
                     _account("stb", encryption={"keySource": "microsoft.keyvault"}),
                     _account("stc", encryption={"keySource": "Microsoft.Storage"}))
    assert [r.attributes["customer_managed_key_enabled"] for r in found.values()] == [
        False, True, False]


def test_firewall_rules_nested_top_level_and_outside(tmp_path: Path) -> None:
    rule = {"startIpAddress": "0.0.0.0", "endIpAddress": "255.255.255.255"}
    found = _adapted(tmp_path, {
        "type": "Microsoft.Sql/servers", "apiVersion": "2023-05-01-preview", "name": "sql",
        "location": "westeurope", "properties": {},
        "resources": [{"type": "firewallRules", "apiVersion": "2023-05-01-preview",
                       "name": "all", "properties": rule}]},
        {"type": "Microsoft.DBforMySQL/flexibleServers/firewallRules",
         "apiVersion": "2023-06-30", "name": "shared/all", "properties": rule})
    sql = found["Microsoft.Sql/servers/sql"]
    assert sql.attributes["firewall_rules"] == [
        {"name": "all", "start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"}]
    stand_in = found["Microsoft.DBforMySQL/flexibleServers/shared"]
    assert stand_in.external and stand_in.kind == "azure.mysql.flexible_server"


def test_sql_auditing_settings(tmp_path: Path) -> None:
    def server(name: str) -> dict[str, Any]:
        return {"type": "Microsoft.Sql/servers", "apiVersion": "2023-05-01-preview",
                "name": name, "location": "westeurope", "properties": {}}

    found = _adapted(
        tmp_path, server("off"), server("on"), server("short"),
        {"type": "Microsoft.Sql/servers/auditingSettings", "apiVersion": "2023-05-01-preview",
         "name": "on/default", "properties": {"state": "enabled"}},
        {"type": "Microsoft.Sql/servers/extendedAuditingSettings",
         "apiVersion": "2023-05-01-preview", "name": "short/default",
         "properties": {"state": "Enabled", "retentionDays": 30}})
    assert [r.attributes["auditing"] for r in found.values()] == [
        {"enabled": False}, {"enabled": True, "retention_days": 0},
        {"enabled": True, "retention_days": 30}]


def test_postgresql_configurations(tmp_path: Path) -> None:
    found = _adapted(tmp_path, {
        "type": "Microsoft.DBforPostgreSQL/servers", "apiVersion": "2017-12-01", "name": "pg",
        "location": "westeurope", "properties": {},
        "resources": [{"type": "configurations", "apiVersion": "2017-12-01",
                       "name": "connection_throttling", "properties": {"value": "OFF"}}]},
        {"type": "Microsoft.DBforPostgreSQL/servers/configurations", "apiVersion": "2017-12-01",
         "name": "pg/log_connections", "properties": {"value": "on"}})
    [server] = found.values()
    assert {k: server.attributes[k] for k in (
        "log_checkpoints_enabled", "log_connections_enabled",
        "connection_throttling_enabled")} == {
        "log_checkpoints_enabled": True, "log_connections_enabled": True,
        "connection_throttling_enabled": False}
    assert server.defaulted >= {("log_checkpoints_enabled",)}
    assert ("connection_throttling_enabled",) not in server.defaulted


@pytest.mark.parametrize(("api_version", "expected"), [
    ("2023-07-01", False), ("2026-02-01", None)])
def test_key_vault_rbac_default_by_api_version(tmp_path: Path, api_version: str,
                                               expected: bool | None) -> None:
    [vault] = _adapted(tmp_path, {
        "type": "Microsoft.KeyVault/vaults", "apiVersion": api_version, "name": "kv",
        "location": "westeurope", "properties": {}}).values()
    value = vault.attributes["rbac_authorization_enabled"]
    assert isinstance(value, Unknown) if expected is None else value is expected


def test_key_vault_keys_and_secrets(tmp_path: Path) -> None:
    found = _adapted(tmp_path, {
        "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv",
        "location": "westeurope", "properties": {"enableRbacAuthorization": True},
        "resources": [
            {"type": "keys", "apiVersion": "2023-07-01", "name": "k",
             "properties": {"kty": "EC-HSM", "attributes": {"exp": 1830297599}}},
            {"type": "secrets", "apiVersion": "2023-07-01", "name": "s",
             "properties": {"value": "x"}}]})
    key = found["Microsoft.KeyVault/vaults/keys/kv/k"]
    assert (key.kind, key.attributes["key_type"], key.attributes["expiration_date"]) == (
        "azure.keyvault.key", "EC-HSM", 1830297599)
    secret = found["Microsoft.KeyVault/vaults/secrets/kv/s"]
    assert secret.kind == "azure.keyvault.secret"
    assert "expiration_date" not in secret.attributes
