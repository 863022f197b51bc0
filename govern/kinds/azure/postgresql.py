"""Azure Database for PostgreSQL: single servers and flexible servers."""

from __future__ import annotations

from govern.kinds.azure.private_link import private_endpoints
from govern.kinds.azure.single_servers import single_server_settings
from govern.kinds.azure.sql import firewall_rules
from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.postgresql.server", "Azure Database for PostgreSQL single server",
          string("name", "The server's name."),
          resource_group(),
          *single_server_settings(),
          boolean("infrastructure_encryption_enabled", "Whether the server's data is "
                  "encrypted a second time, at the infrastructure layer with a "
                  "platform-managed key, below the service's own encryption: Terraform "
                  "`infrastructure_encryption_enabled`, ARM "
                  "`properties.infrastructureEncryption` (`Enabled`/`Disabled`, any case; "
                  "another value is Unknown). False when not written: the provider and Azure "
                  "create the server without it (it can be chosen at creation only).",
                  default=False),
          private_endpoints("`Microsoft.DBforPostgreSQL/servers/<name>`"),
          boolean("log_checkpoints_enabled", "Whether checkpoints are logged: the server "
                  "parameter `log_checkpoints` (`ON`/`OFF`, any case; another value is "
                  "Unknown), set by "
                  "an `azurerm_postgresql_configuration` named so (folded into the server "
                  "its `server_name` names in its resource group) or an ARM "
                  "`Microsoft.DBforPostgreSQL/servers/configurations` named so (nested, or "
                  "`<server>/log_checkpoints`). True when no such configuration is written: "
                  "Azure's default is `ON`. Unknown when a configuration of the server has "
                  "a name not known statically.", default=True),
          boolean("log_connections_enabled", "Whether connection attempts are logged: the "
                  "server parameter `log_connections` (`ON`/`OFF`, any case; another value "
                  "is Unknown), set by "
                  "an `azurerm_postgresql_configuration` named so (folded into the server "
                  "its `server_name` names in its resource group) or an ARM "
                  "`Microsoft.DBforPostgreSQL/servers/configurations` named so (nested, or "
                  "`<server>/log_connections`). True when no such configuration is written: "
                  "Azure's default is `ON`. Unknown when a configuration of the server has "
                  "a name not known statically.", default=True),
          boolean("connection_throttling_enabled", "Whether connection attempts are "
                  "throttled after repeated login failures: the server parameter "
                  "`connection_throttling` (`ON`/`OFF`, any case; another value is "
                  "Unknown), set by "
                  "an `azurerm_postgresql_configuration` named so (folded into the server "
                  "its `server_name` names in its resource group) or an ARM "
                  "`Microsoft.DBforPostgreSQL/servers/configurations` named so (nested, or "
                  "`<server>/connection_throttling`). True when no such configuration is written: "
                  "Azure's default is `ON`. Unknown when a configuration of the server has "
                  "a name not known statically.", default=True),
          firewall_rules("`azurerm_postgresql_firewall_rule` (`server_name` in the same "
                         "resource group)",
                         "Microsoft.DBforPostgreSQL/servers/firewallRules")),
    azure("azure.postgresql.flexible_server", "Azure Database for PostgreSQL flexible server",
          string("name", "The server's name."),
          resource_group(),
          boolean("ssl_enforcement_enabled", "Whether connections must use TLS: the server "
                  "parameter `require_secure_transport` (`ON`/`OFF`, any case; another value "
                  "is Unknown), set by an `azurerm_postgresql_flexible_server_configuration` "
                  "named `require_secure_transport` (folded into the server its "
                  "`server_id` names) or an ARM "
                  "`Microsoft.DBforPostgreSQL/flexibleServers/configurations` named so "
                  "(nested in the server, or `<server>/require_secure_transport`). True when "
                  "no such configuration is written: Azure's default is `ON`. Unknown when a "
                  "configuration of the server has a name not known statically. A "
                  "configuration whose server is not in the scanned code is judged on a "
                  "stand-in for the server that has only this setting."),
          boolean("public_network_access_enabled", "Whether the server is reachable from "
                  "public networks (public access mode, through its firewall rules): "
                  "`public_network_access_enabled` (azurerm v4; in v3 only an attribute the "
                  "provider reads back); ARM "
                  "`properties.network.publicNetworkAccess`: `Enabled` true, `Disabled` "
                  "false, any case, another value Unknown. When not written, Azure decides "
                  "it from the networking mode chosen at creation: false for a server "
                  "integrated in a virtual network (`delegated_subnet_id`, ARM "
                  "`properties.network.delegatedSubnetResourceId`), true otherwise; "
                  "Unknown when that subnet is an input that may be null."),
          boolean("geo_redundant_backup_enabled", "Whether the server's backups are "
                  "kept in geo-redundant storage (copied to the paired region): Terraform "
                  "`geo_redundant_backup_enabled`, ARM `properties.backup.geoRedundantBackup` "
                  "(`Enabled`/`Disabled`, any case; another value is Unknown). False when not "
                  "written: the provider and Azure create the server with locally redundant "
                  "backups (chosen at creation only).", default=False),
          string("create_mode", "How the server is created: Terraform `create_mode`, ARM "
                 "`properties.createMode` (read in any case: `replica` is `Replica`). "
                 "`Default` when not written (a new, empty server). A `Replica` is a read "
                 "replica of another server: Azure keeps no backups of its own for it.",
                 default="Default"),
          boolean("virtual_network_integrated", "Whether the server was created in a "
                  "subnet delegated to it (private access, virtual network integration): "
                  "Terraform `delegated_subnet_id`, ARM "
                  "`properties.network.delegatedSubnetResourceId` set and not empty. Such a "
                  "server has no public endpoint and takes no private endpoints. False "
                  "when not written; Unknown when the subnet is an input that may be null."),
          private_endpoints("`Microsoft.DBforPostgreSQL/flexibleServers/<name>`"),
          firewall_rules("`azurerm_postgresql_flexible_server_firewall_rule` (`server_id`)",
                         "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules")),
)
