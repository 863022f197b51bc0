"""Azure Virtual Network: network security groups, network interfaces and Network
Watcher flow logs."""

from __future__ import annotations

from govern.kinds.declare import (
    azure,
    boolean,
    integer,
    objects,
    resource_group,
    string,
    strings,
)

KINDS = (
    azure("azure.network.security_group", "Azure network security group with its rules",
          string("name", "The group's name."),
          resource_group(),
          objects("security_rules", "The group's rules, in source order: Terraform inline "
                  "`security_rule` blocks, then the `azurerm_network_security_rule` "
                  "resources whose `network_security_group_name` names the group (a "
                  "reference to it, or its literal name in the same resource group); ARM "
                  "`properties.securityRules`, then the "
                  "`Microsoft.Network/networkSecurityGroups/securityRules` resources nested "
                  "in the group or named `<group>/<rule>`. Absent when the group has no "
                  "rules written anywhere; a group declared outside the scanned code starts "
                  "with one Unknown element for the rules declared elsewhere.",
                  string("name", "The rule's name (ARM: the part of a rule resource's name "
                         "after the last `/`)."),
                  integer("priority", "The rule's priority, 100 to 4096: the rule with the "
                          "lowest number that matches decides."),
                  string("direction", "The direction of the traffic the rule matches, "
                         "capitalised as Azure writes it whatever the case written.",
                         values=("Inbound", "Outbound")),
                  string("access", "Whether matching traffic is let through, capitalised as "
                         "Azure writes it.",
                         values=("Allow", "Deny")),
                  string("protocol", "The protocol matched, capitalised as Azure writes it "
                         "(`tcp` is `Tcp`); `*` (also written `Asterisk`) is every protocol.",
                         values=("Tcp", "Udp", "Icmp", "Esp", "Ah", "*")),
                  strings("source_address_prefixes", "The source addresses: CIDRs, "
                          "addresses, service tags (`Internet`, `VirtualNetwork`, ...) or "
                          "`*`; `source_address_prefix` and `source_address_prefixes` (ARM "
                          "`sourceAddressPrefix`, `sourceAddressPrefixes`) together. Always "
                          "present, `[]` when neither is written."),
                  strings("source_port_ranges", "The source ports as strings (`\"22\"`, "
                          "`\"1000-2000\"`, `\"*\"`; a number written becomes its text); "
                          "`source_port_range` and `source_port_ranges` (ARM "
                          "`sourcePortRange`, `sourcePortRanges`) together. Always present, "
                          "`[]` when neither is written."),
                  strings("destination_address_prefixes", "The destination addresses, as "
                          "for the source: `destination_address_prefix` and "
                          "`destination_address_prefixes` (ARM `destinationAddressPrefix`, "
                          "`destinationAddressPrefixes`) together. Always present, `[]` when "
                          "neither is written."),
                  strings("destination_port_ranges", "The destination ports as strings "
                          "(`\"22\"`, `\"1000-2000\"`, `\"*\"`; a number written becomes its "
                          "text): `destination_port_range` and `destination_port_ranges` "
                          "(ARM `destinationPortRange`, `destinationPortRanges`) together. "
                          "Always present, `[]` when neither is written."),
                  string("description", "The rule's description."))),
    azure("azure.network.network_interface", "Azure network interface (of a virtual "
          "machine, or not yet attached)",
          string("name", "The interface's name."),
          resource_group(),
          boolean("ip_forwarding_enabled", "Whether the interface accepts and forwards "
                  "traffic addressed to other destinations (as a router or network virtual "
                  "appliance does): Terraform `ip_forwarding_enabled` (azurerm v4) or "
                  "`enable_ip_forwarding` (v2, v3), ARM `properties.enableIPForwarding`; "
                  "false when not written (the provider's and Azure's default).",
                  default=False),
          objects("ip_configurations", "The interface's IP configurations, one per "
                  "Terraform `ip_configuration` block (at least one is required) or element "
                  "of ARM `properties.ipConfigurations`; Unknown when they are not known "
                  "statically (a `dynamic` block over a collection known after apply, a "
                  "`copy` loop).",
                  string("name", "The configuration's name."),
                  string("public_ip_address_id", "The public IP address associated with "
                         "the configuration: Terraform `public_ip_address_id`, ARM "
                         "`properties.publicIPAddress.id`; absent when not written (the "
                         "configuration then has only a private address)."))),
    azure("azure.network.watcher_flow_log", "Azure Network Watcher flow log (of a network "
          "security group or a virtual network)",
          string("name", "The flow log's name (ARM: `<watcher>/<flow log>` for a top-level "
                 "resource, as written)."),
          resource_group(),
          string("target_resource_id", "The network security group or virtual network whose "
                 "traffic is logged: Terraform `network_security_group_id` (azurerm v2, v3) or "
                 "`target_resource_id` (v4), ARM `properties.targetResourceId`."),
          boolean("enabled", "Whether the flow log records traffic: Terraform `enabled` "
                  "(required), ARM `properties.enabled`; Unknown when ARM does not write it "
                  "(the API documents no default)."),
          boolean("retention_enabled", "Whether the retention policy deletes records older "
                  "than `retention_days`: Terraform `retention_policy.enabled` (required in "
                  "the required block), ARM `properties.retentionPolicy.enabled`, false when "
                  "not written (Azure's default: records are kept until deleted).",
                  default=False),
          integer("retention_days", "How many days records are kept when the retention "
                  "policy is on, `0` meaning for ever: Terraform `retention_policy.days`, ARM "
                  "`properties.retentionPolicy.days`, `0` when not written (Azure's "
                  "default).", default=0)),
)
