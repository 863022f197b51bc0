"""Azure Database for MariaDB: servers."""

from __future__ import annotations

from govern.kinds.azure.private_link import private_endpoints
from govern.kinds.azure.single_servers import single_server_settings
from govern.kinds.azure.sql import firewall_rules
from govern.kinds.declare import azure, resource_group, string

KINDS = (
    azure("azure.mariadb.server", "Azure Database for MariaDB server",
          string("name", "The server's name."),
          resource_group(),
          *single_server_settings(),
          private_endpoints("`Microsoft.DBforMariaDB/servers/<name>`"),
          firewall_rules("`azurerm_mariadb_firewall_rule` (`server_name` in the same "
                         "resource group)",
                         "Microsoft.DBforMariaDB/servers/firewallRules")),
)
