"""Azure virtual machines: `azurerm_linux_virtual_machine`, `azurerm_windows_virtual_machine`
(azurerm v2, v3, v4) and the legacy `azurerm_virtual_machine` -> `azure.compute.virtual_machine`.

`password_authentication_enabled` (Linux only): the negation of
`disable_password_authentication` (`azurerm_linux_virtual_machine`, default true: password
authentication disabled), or of `os_profile_linux_config.disable_password_authentication`
(`azurerm_virtual_machine`, required in that block). Absent for Windows machines and for a
legacy machine without `os_profile_linux_config`.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.azure_kubernetes import negated
from govern.adapters.terraform.mapping import KindMapping

KIND = "azure.compute.virtual_machine"

MAPPINGS = {
    "azurerm_linux_virtual_machine": KindMapping(KIND, (
        field("name"),
        field("resource_group_name"),
        field("password_authentication_enabled", "disable_password_authentication",
              function=negated, default=False),
    )),
    "azurerm_windows_virtual_machine": KindMapping(KIND, (
        field("name"),
        field("resource_group_name"),
    )),
    "azurerm_virtual_machine": KindMapping(KIND, (
        field("name"),
        field("resource_group_name"),
        field("password_authentication_enabled",
              "os_profile_linux_config.0.disable_password_authentication", function=negated),
    )),
}
