"""Azure IoT Hub: hubs."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.iothub.hub", "Azure IoT Hub",
          string("name", "The hub's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the hub's endpoints are "
                  "reachable from public networks (ARM `properties.publicNetworkAccess`: "
                  "`Enabled` true, `Disabled` false, any case); true when not written "
                  "(azurerm sends nothing and Azure enables public access). IP filter "
                  "rules and `network_rule_set` are not read.", default=True)),
)
