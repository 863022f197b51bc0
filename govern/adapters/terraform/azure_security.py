"""Microsoft Defender for Cloud in azurerm.

- `azurerm_security_center_subscription_pricing`: `plan` <- `resource_type` (azurerm v3
  and v4 default `VirtualMachines`, Defender for Servers), in Azure's spelling; `tier` <-
  `tier` (required; `Free` or `Standard`), in Azure's spelling;
- `azurerm_security_center_contact`: `alert_notifications_enabled` <-
  `alert_notifications`, `alerts_to_admins_enabled` <- `alerts_to_admins` (both
  required, no default).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field, to_bool
from govern.adapters.terraform.mapping import KindMapping
from govern.kinds.azure.security import DEFENDER_PLANS

_TIERS = ("Free", "Standard")


def spelled(known: tuple[str, ...]) -> Any:
    """A conversion to the spelling in `known` of a name written in any case."""
    by_lower = {name.lower(): name for name in known}

    def function(value: Any) -> Any:
        if isinstance(value, str):
            return by_lower.get(value.lower(), value)
        return value
    return function


plan_name = spelled(DEFENDER_PLANS)
"""A Defender plan name in Azure's spelling (any case in); other values as they are."""
tier_name = spelled(_TIERS)
"""A pricing tier (`free`, `STANDARD`) in Azure's spelling; other values as they are."""

MAPPINGS = {
    "azurerm_security_center_subscription_pricing": KindMapping("azure.security.pricing", (
        field("plan", "resource_type", function=plan_name, default="VirtualMachines"),
        field("tier", function=tier_name),
    )),
    "azurerm_security_center_contact": KindMapping("azure.security.contact", (
        field("name"),
        field("alert_notifications_enabled", "alert_notifications", function=to_bool),
        field("alerts_to_admins_enabled", "alerts_to_admins", function=to_bool),
    )),
}
