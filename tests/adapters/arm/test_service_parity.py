"""Key Vault, SQL server, App Service, container registry, Cosmos DB and managed disk
written in azurerm Terraform and in ARM give the same canonical attributes."""

from __future__ import annotations

from pathlib import Path

from tests.adapters.arm.test_parity import arm, in_resource_group, terraform


def test_key_vault(tmp_path: Path) -> None:
    [tf] = terraform(tmp_path / "tf", """
resource "azurerm_key_vault" "kv" {
  name                          = "kv-app"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  tenant_id                     = "00000000-0000-0000-0000-000000000000"
  sku_name                      = "standard"
  purge_protection_enabled      = true
  public_network_access_enabled = false
  network_acls {
    default_action             = "Deny"
    bypass                     = "AzureServices"
    ip_rules                   = ["203.0.113.0/24"]
    virtual_network_subnet_ids = ["/subnets/a"]
  }
}
""")
    [from_arm] = arm(tmp_path / "arm", in_resource_group({
        "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv-app",
        "location": "westeurope",
        "properties": {"tenantId": "00000000-0000-0000-0000-000000000000",
                       "sku": {"family": "A", "name": "standard"},
                       "enablePurgeProtection": True, "publicNetworkAccess": "Disabled",
                       "networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices",
                                       "ipRules": [{"value": "203.0.113.0/24"}],
                                       "virtualNetworkRules": [{"id": "/subnets/a"}]}}}))
    assert (from_arm.kind, from_arm.attributes) == (tf.kind, tf.attributes)


def test_sql_server_and_registry_and_disk(tmp_path: Path) -> None:
    tf = terraform(tmp_path / "tf", """
resource "azurerm_mssql_server" "s" {
  name                          = "sql-app"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}
resource "azurerm_container_registry" "cr" {
  name                          = "crapp"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  sku                           = "Premium"
  admin_enabled                 = true
  public_network_access_enabled = true
  network_rule_set {
    default_action = "Deny"
  }
}
resource "azurerm_managed_disk" "d" {
  name                   = "disk-app"
  resource_group_name    = "rg-data"
  location               = "westeurope"
  storage_account_type   = "Premium_LRS"
  create_option          = "Empty"
  disk_encryption_set_id = "/des/a"
}
""")
    from_arm = arm(tmp_path / "arm", in_resource_group(
        {"type": "Microsoft.Sql/servers", "apiVersion": "2023-05-01-preview",
         "name": "sql-app", "location": "westeurope",
         "properties": {"minimalTlsVersion": "1.2", "publicNetworkAccess": "Disabled"}},
        {"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01",
         "name": "crapp", "location": "westeurope", "sku": {"name": "Premium"},
         "properties": {"adminUserEnabled": True, "publicNetworkAccess": "Enabled",
                        "networkRuleSet": {"defaultAction": "Deny"}}},
        {"type": "Microsoft.Compute/disks", "apiVersion": "2023-04-02", "name": "disk-app",
         "location": "westeurope", "sku": {"name": "Premium_LRS"},
         "properties": {"creationData": {"createOption": "Empty"},
                        "encryption": {"diskEncryptionSetId": "/des/a"}}}))
    assert [(r.kind, r.attributes) for r in from_arm] == [(r.kind, r.attributes) for r in tf]


def test_web_app_and_cosmosdb(tmp_path: Path) -> None:
    tf = terraform(tmp_path / "tf", """
resource "azurerm_linux_web_app" "app" {
  name                = "app-web"
  resource_group_name = "rg-data"
  location            = "westeurope"
  service_plan_id     = "/plans/p"
  https_only          = true
  site_config {
    minimum_tls_version = "1.2"
    ftps_state          = "FtpsOnly"
  }
}
resource "azurerm_cosmosdb_account" "c" {
  name                               = "cosmos-app"
  resource_group_name                = "rg-data"
  location                           = "westeurope"
  offer_type                         = "Standard"
  public_network_access_enabled      = true
  is_virtual_network_filter_enabled  = true
  ip_range_filter                    = ["203.0.113.0/24"]
  access_key_metadata_writes_enabled = false
  virtual_network_rule {
    id = "/subnets/a"
  }
}
""")
    from_arm = arm(tmp_path / "arm", in_resource_group(
        {"type": "Microsoft.Web/sites", "apiVersion": "2022-09-01", "name": "app-web",
         "location": "westeurope",
         "properties": {"serverFarmId": "/plans/p", "httpsOnly": True,
                        "siteConfig": {"minTlsVersion": "1.2", "ftpsState": "FtpsOnly"}}},
        {"type": "Microsoft.DocumentDB/databaseAccounts", "apiVersion": "2023-04-15",
         "name": "cosmos-app", "location": "westeurope",
         "properties": {"databaseAccountOfferType": "Standard",
                        "publicNetworkAccess": "Enabled",
                        "isVirtualNetworkFilterEnabled": True,
                        "ipRules": [{"ipAddressOrRange": "203.0.113.0/24"}],
                        "virtualNetworkRules": [{"id": "/subnets/a"}],
                        "disableKeyBasedMetadataWriteAccess": True}}))
    assert [(r.kind, r.attributes) for r in from_arm] == [(r.kind, r.attributes) for r in tf]
