"""Key Vault, SQL server, container registry, Cosmos DB and managed disk: values, Azure's
defaults, locations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govern.model.resource import Resource
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownSegment
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import template

GROUP = UnknownSegment("the name of the resource group the template is deployed to")


def resource(type_: str, properties: dict[str, Any] | None = None,
             **extra: Any) -> dict[str, Any]:
    body = {"type": type_, "apiVersion": "2023-01-01", "name": "x",
            "location": "westeurope", **extra}
    if properties is not None:
        body["properties"] = properties
    return body


def adapt(tmp_path: Path, body: dict[str, Any]) -> Resource:
    result, _ = adapt_template(tmp_path, template(body))
    [adapted] = result.resources
    return adapted


def test_key_vault_defaults(tmp_path: Path) -> None:
    vault = adapt(tmp_path, resource("Microsoft.KeyVault/vaults", {"tenantId": "t"}))
    assert vault.kind == "azure.keyvault.vault"
    assert vault.attributes == {"name": "x", "resource_group_name": GROUP,
                                "purge_protection_enabled": False,
                                "public_network_access_enabled": True,
                                "rbac_authorization_enabled": False, "tags": {}}
    assert vault.defaulted == {("purge_protection_enabled",),
                               ("public_network_access_enabled",),
                               ("rbac_authorization_enabled",)}


def test_key_vault_written_values(tmp_path: Path) -> None:
    vault = adapt(tmp_path, resource("Microsoft.KeyVault/vaults", {
        "enablePurgeProtection": True, "softDeleteRetentionInDays": 30,
        "publicNetworkAccess": "disabled", "enableRbacAuthorization": True,
        "networkAcls": {"defaultAction": "Deny", "bypass": "None",
                        "ipRules": [{"value": "203.0.113.0/24"}],
                        "virtualNetworkRules": [{"id": "/subnets/a"}]}}))
    assert vault.attributes["network_acls"] == {
        "default_action": "Deny", "bypass": "None", "ip_rules": ["203.0.113.0/24"],
        "virtual_network_subnet_ids": ["/subnets/a"]}
    assert (vault.attributes["purge_protection_enabled"],
            vault.attributes["public_network_access_enabled"],
            vault.attributes["soft_delete_retention_days"]) == (True, False, 30)
    assert vault.defaulted == set()
    assert isinstance(vault.location("network_acls.default_action"), SourceRange)
    assert vault.location("network_acls.default_action") != vault.range


def test_sql_server_defaults_differ_from_azurerm(tmp_path: Path) -> None:
    server = adapt(tmp_path, resource("Microsoft.Sql/servers", {}))
    assert server.kind == "azure.sql.server"
    assert (server.attributes["public_network_access_enabled"],
            server.attributes["min_tls_version"]) == (True, "None")
    assert server.defaulted == {("public_network_access_enabled",), ("min_tls_version",),
                                ("auditing", "enabled"), ("tde_customer_managed_key_enabled",),
                                ("entra_admin_configured",)}
    assert server.attributes["auditing"] == {"enabled": False}


def test_sql_server_written_values(tmp_path: Path) -> None:
    server = adapt(tmp_path, resource("Microsoft.Sql/servers", {
        "publicNetworkAccess": "SecuredByPerimeter", "minimalTlsVersion": 1.2}))
    assert server.attributes["min_tls_version"] == "1.2"
    assert isinstance(server.attributes["public_network_access_enabled"], Unknown)


def test_container_registry(tmp_path: Path) -> None:
    default = adapt(tmp_path, resource("Microsoft.ContainerRegistry/registries", {},
                                       sku={"name": "Premium"}))
    assert default.attributes == {"name": "x", "resource_group_name": GROUP,
                                  "sku": "Premium", "admin_enabled": False,
                                  "anonymous_pull_enabled": False,
                                  "public_network_access_enabled": True, "tags": {}}
    written = adapt(tmp_path, resource("Microsoft.ContainerRegistry/registries", {
        "adminUserEnabled": True, "publicNetworkAccess": "Disabled",
        "anonymousPullEnabled": True, "networkRuleSet": {"defaultAction": "Deny"}}))
    assert (written.attributes["admin_enabled"],
            written.attributes["anonymous_pull_enabled"],
            written.attributes["public_network_access_enabled"],
            written.attributes["network_rule_set"]) == (True, True, False,
                                                        {"default_action": "Deny"})


def test_cosmosdb_account(tmp_path: Path) -> None:
    default = adapt(tmp_path, resource("Microsoft.DocumentDB/databaseAccounts",
                                       {"databaseAccountOfferType": "Standard"}))
    assert default.attributes == {"name": "x", "resource_group_name": GROUP,
                                  "public_network_access_enabled": True,
                                  "is_virtual_network_filter_enabled": False,
                                  "access_key_metadata_writes_enabled": True,
                                  "kind": "GlobalDocumentDB", "local_auth_enabled": True,
                                  "tags": {}}
    written = adapt(tmp_path, resource("Microsoft.DocumentDB/databaseAccounts", {
        "ipRules": [{"ipAddressOrRange": "203.0.113.0/24"}],
        "isVirtualNetworkFilterEnabled": True,
        "virtualNetworkRules": [{"id": "/subnets/a", "ignoreMissingVNetServiceEndpoint": False}],
        "disableKeyBasedMetadataWriteAccess": True, "disableLocalAuth": True,
        "keyVaultKeyUri": "https://kv.vault.azure.net/keys/k"}, kind="MongoDB"))
    assert {k: written.attributes[k] for k in (
        "ip_range_filter", "is_virtual_network_filter_enabled", "virtual_network_rules",
        "access_key_metadata_writes_enabled", "kind", "local_auth_enabled",
        "customer_managed_key_id")} == {
        "ip_range_filter": ["203.0.113.0/24"], "is_virtual_network_filter_enabled": True,
        "virtual_network_rules": ["/subnets/a"], "access_key_metadata_writes_enabled": False,
        "kind": "MongoDB", "local_auth_enabled": False,
        "customer_managed_key_id": "https://kv.vault.azure.net/keys/k"}


def test_managed_disk(tmp_path: Path) -> None:
    default = adapt(tmp_path, resource("Microsoft.Compute/disks", {"diskSizeGB": 8}))
    assert default.attributes == {"name": "x", "resource_group_name": GROUP, "tags": {}}
    written = adapt(tmp_path, resource("Microsoft.Compute/disks", {
        "encryption": {"diskEncryptionSetId": "/des/a"},
        "securityProfile": {"secureVMDiskEncryptionSetId": "/des/b"}}))
    assert (written.attributes["disk_encryption_set_id"],
            written.attributes["secure_vm_disk_encryption_set_id"]) == ("/des/a", "/des/b")


def test_allowed_values_stay_alternatives(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        resource("Microsoft.DocumentDB/databaseAccounts", {
            "disableKeyBasedMetadataWriteAccess": "[parameters('lock')]"}),
        parameters={"lock": {"type": "bool", "allowedValues": [True, False]}}))
    value = result.resources[0].attributes["access_key_metadata_writes_enabled"]
    assert isinstance(value, Unknown)
    assert value.alternatives == (False, True)


def test_managed_cluster(tmp_path: Path) -> None:
    default = adapt(tmp_path, resource("Microsoft.ContainerService/managedClusters",
                                       {"dnsPrefix": "aks"}))
    assert default.kind == "azure.containerservice.managed_cluster"
    assert default.attributes == {"name": "x", "resource_group_name": GROUP,
                                  "private_cluster_enabled": False,
                                  "local_accounts_enabled": True, "rbac_enabled": True,
                                  "monitoring_enabled": False, "network_policy": "none",
                                  "azure_policy_enabled": False,
                                  "http_application_routing_enabled": False,
                                  "automatic_upgrade_channel": "none", "tags": {}}
    written = adapt(tmp_path, resource("Microsoft.ContainerService/managedClusters", {
        "apiServerAccessProfile": {"enablePrivateCluster": True,
                                   "authorizedIPRanges": ["203.0.113.0/24"]}}))
    assert (written.attributes["private_cluster_enabled"],
            written.attributes["api_server_authorized_ip_ranges"]) == (
        True, ["203.0.113.0/24"])
    preview = adapt(tmp_path, resource("Microsoft.ContainerService/managedClusters", {
        "apiServerAuthorizedIPRanges": ["198.51.100.0/24"]}, apiVersion="2019-06-01"))
    assert preview.attributes["api_server_authorized_ip_ranges"] == ["198.51.100.0/24"]
