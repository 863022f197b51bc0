"""Azure Database for PostgreSQL: single servers and flexible servers."""

from __future__ import annotations

from govern.kinds.azure.single_servers import single_server_settings
from govern.kinds.azure.sql import firewall_rules
from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.postgresql.server", "Azure Database for PostgreSQL single server",
          string("name", "The server's name."),
          resource_group(),
          *single_server_settings(),
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
          firewall_rules("`azurerm_postgresql_flexible_server_firewall_rule` (`server_id`)",
                         "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules")),
)
