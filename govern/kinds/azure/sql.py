"""Azure SQL: logical servers and managed instances."""

from __future__ import annotations

from govern.kinds.azure.private_link import private_endpoints
from govern.kinds.declare import (
    Attribute,
    azure,
    boolean,
    integer,
    obj,
    objects,
    resource_group,
    string,
)


def firewall_rules(terraform: str, arm: str) -> Attribute:
    """The IPv4 firewall rules of an Azure database server (`terraform`: the azurerm
    resource types, `arm`: the ARM child type)."""
    return objects(
        "firewall_rules", f"The server's IP firewall rules: each {terraform} folded into "
        f"the server it names, each ARM `{arm}` (nested in the server, or named "
        "`<server>/<rule>`). Absent when the code declares none (Azure then admits no "
        "address through the public endpoint). A rule whose server is not in the scanned "
        "code is judged on a stand-in for the server that has only its rules.",
        string("name", "The rule's name."),
        string("start_ip_address", "The first IPv4 address admitted (Terraform "
               "`start_ip_address`, ARM `properties.startIpAddress`). A rule from "
               "`0.0.0.0` to `0.0.0.0` is Azure's \"allow Azure services and resources\" "
               "rule: it admits connections from any Azure service, of any customer."),
        string("end_ip_address", "The last IPv4 address admitted (Terraform "
               "`end_ip_address`, ARM `properties.endIpAddress`)."))



KINDS = (
    azure("azure.sql.server", "Azure SQL logical server",
          string("name", "The server's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the server is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                  "`Disabled` false, any case; `SecuredByPerimeter` is Unknown); true when "
                  "not written.", default=True),
          string("min_tls_version", "The lowest TLS version clients may use, `\"None\"` for "
                 "no minimum. Terraform `minimum_tls_version` (a number is read as its "
                 "text, `1.2` as `\"1.2\"`; azurerm v3's `\"Disabled\"` is `\"None\"`), "
                 "`\"1.2\"` when not written (azurerm v3/v4 write it themselves); ARM "
                 "`properties.minimalTlsVersion`, `\"None\"` when not written (a server "
                 "created without it accepts every TLS version the platform still offers).",
                 values=("1.0", "1.1", "1.2", "1.3", "None")),
          boolean("tde_customer_managed_key_enabled", "Whether the server's transparent "
                  "data encryption (TDE) protector, the key that protects every database's "
                  "encryption key, is a customer-managed key in Key Vault or a Managed HSM "
                  "rather than a service-managed key. Terraform "
                  "`transparent_data_encryption_key_vault_key_id` of the server, or an "
                  "`azurerm_mssql_server_transparent_data_encryption` folded into the "
                  "server its `server_id` names, which replaces it (`key_vault_key_id` or "
                  "`managed_hsm_key_id` set: true; neither: false). ARM the server's "
                  "`properties.keyId`, or a `Microsoft.Sql/servers/encryptionProtector` "
                  "(nested, or named `<server>/current`) which replaces it "
                  "(`properties.serverKeyType` `AzureKeyVault` true, `ServiceManaged` "
                  "false, any case). False when not written (a service-managed key)."),
          boolean("entra_admin_configured", "Whether the server has a Microsoft Entra ID "
                  "(Azure AD) administrator, which enables Entra authentication for its "
                  "databases: Terraform the server's `azuread_administrator` block, or an "
                  "`azurerm_sql_active_directory_administrator` folded into the server its "
                  "`server_name` names in its resource group; ARM the server's "
                  "`properties.administrators` naming a `login` or `sid`, or a "
                  "`Microsoft.Sql/servers/administrators` child resource (nested, or named "
                  "`<server>/ActiveDirectory`). False when none is written: the server then "
                  "has no Entra administrator and only SQL authentication works."),
          private_endpoints("`Microsoft.Sql/servers/<name>`"),
          firewall_rules("`azurerm_mssql_firewall_rule` (`server_id`) or "
                         "`azurerm_sql_firewall_rule` (`server_name` in the same resource "
                         "group)", "Microsoft.Sql/servers/firewallRules"),
          obj("auditing", "The server's auditing policy (it applies to every database of "
              "the server): Terraform an `azurerm_mssql_server_extended_auditing_policy` "
              "folded into the server its `server_id` names, or azurerm v2's inline "
              "`extended_auditing_policy` block; ARM a `Microsoft.Sql/servers/"
              "auditingSettings` or `extendedAuditingSettings` child resource (nested in "
              "the server, or named `<server>/default`).",
              boolean("enabled", "Whether auditing is on: Terraform the policy's `enabled` "
                      "(true when not written; an inline block is on), ARM "
                      "`properties.state` (`Enabled`/`Disabled`, any case). False when the "
                      "code declares no policy (Azure's default: server auditing off)."),
              integer("retention_days", "How many days audit logs are kept in the storage "
                      "account destination, `0` for no limit: Terraform "
                      "`retention_in_days`, ARM `properties.retentionDays`; `0` when not "
                      "written. Absent when the code declares no policy."))),
    azure("azure.sql.database", "Azure SQL database on a logical server (Terraform "
          "`azurerm_mssql_database`, ARM `Microsoft.Sql/servers/databases`)",
          string("name", "The database's name (ARM: `<server>/<database>`)."),
          string("resource_group_name", "ARM: the resource group the deployment goes to, "
                 "Unknown unless a nested deployment names it; absent in Terraform (the "
                 "server's group is in `server_id`)."),
          string("server_id", "The server the database belongs to: Terraform `server_id`; "
                 "absent in ARM (the server is in the name)."),
          boolean("tde_enabled", "Whether transparent data encryption encrypts the "
                  "database, its backups and logs at rest: Terraform "
                  "`transparent_data_encryption_enabled` (azurerm v3, v4), true when not "
                  "written (the provider's default; only data warehouse SKUs can turn it "
                  "off); ARM the database's `transparentDataEncryption` child resource "
                  "(nested in the database, or named `<server>/<database>/current`) "
                  "`properties.state` (`Enabled`/`Disabled`, any case; `status` in "
                  "apiVersion 2014-04-01), true when there is none (Azure enables TDE on "
                  "every new database).", default=True)),
    azure("azure.sql.managed_instance", "Azure SQL managed instance",
          string("name", "The managed instance's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the instance's public data "
                  "endpoint (port 3342, reachable from the internet as far as the "
                  "instance's network security group allows) is enabled: Terraform "
                  "`public_data_endpoint_enabled`, ARM "
                  "`properties.publicDataEndpointEnabled`; false when not written (the "
                  "public endpoint is off unless enabled, in azurerm v3/v4 and every "
                  "apiVersion). The endpoint inside the instance's virtual network, always "
                  "on, is not meant.", default=False),
          string("min_tls_version", "The lowest TLS version clients may use, `\"None\"` "
                 "for no minimum. Terraform `minimum_tls_version` (a number is read as its "
                 "text, `1.2` as `\"1.2\"`), `\"1.2\"` when not written (azurerm v3/v4 "
                 "write it themselves); ARM `properties.minimalTlsVersion`, Unknown when "
                 "not written (Azure does not document what an instance created through "
                 "the API without it enforces).",
                 values=("1.0", "1.1", "1.2", "None"))),
)
