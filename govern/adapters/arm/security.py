"""Microsoft Defender for Cloud in ARM.

- `Microsoft.Security/pricings`, one per Defender plan of the subscription the deployment
  goes to: `plan` <- the resource's `name` (the plan, e.g. `VirtualMachines`), `tier` <-
  `properties.pricingTier` (required; `Free` or `Standard`), both in Azure's spelling;
- `Microsoft.Security/securityContacts`, in the shape of its API version:
  2017-08-01-preview has `alertNotifications` and `alertsToAdmins` (`On`/`Off`);
  2020-01-01-preview has `alertNotifications.state` and `notificationsByRole.state` and
  `.roles`; later versions replace `alertNotifications` by `notificationsSources` (a
  source with `sourceType` `Alert`) and add `isEnabled` (false: nothing is sent). What
  the template does not write is Unknown (Azure documents no default).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.booleans import arm_boolean
from govern.adapters.arm.building import carry, copy, new_resource
from govern.adapters.arm.reading import MISSING, find
from govern.adapters.terraform.azure_security import plan_name, spelled, tier_name
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

PRICING_TYPE = "microsoft.security/pricings"
CONTACT_TYPE = "microsoft.security/securitycontacts"
ROLES = ("AccountAdmin", "Contributor", "Owner", "ServiceAdmin")
NOT_WRITTEN = "not written: Azure documents no default"

_role_name = spelled(ROLES)


def build_pricing(native: NativeResource) -> Resource:
    resource = new_resource(native, "azure.security.pricing")
    copy(resource, native, ("name",), ("plan",), plan_name)
    copy(resource, native, ("properties", "pricingTier"), ("tier",), tier_name)
    return resource


def on_off(value: Any) -> Any:
    """`On`/`Off` (any case) -> true/false; anything else is Unknown."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, str) and value.strip().lower() in ("on", "off"):
        return value.strip().lower() == "on"
    return Unknown(f"{value!r} is neither On nor Off")


def _state(value: Any) -> Any:
    """`On`/`Off`, or an object whose `state` is (2020-01-01-preview and later)."""
    if isinstance(value, dict):
        state, _ = find(value, ("state",))
        return Unknown(NOT_WRITTEN) if state is MISSING else on_off(state)
    return on_off(value)


def _alert_source(sources: Any) -> Any:
    """Whether `notificationsSources` has an `Alert` source."""
    if not isinstance(sources, list):
        return sources if isinstance(sources, Unknown) else Unknown("expected an array")
    found: Any = False
    for source in sources:
        kind, _ = find(source, ("sourceType",)) if isinstance(source, dict) else (source, ())
        if isinstance(kind, str) and kind.lower() == "alert":
            return True
        if isinstance(kind, Unknown) or kind is MISSING:
            found = Unknown("a notification source's type is not known")
    return found


def _set(resource: Resource, native: NativeResource, canonical: str, value: Any,
         written: tuple[Any, ...]) -> None:
    resource.set((canonical,), value)
    if written:
        carry(resource, native, written, (canonical,))


def _contact_settings(resource: Resource, native: NativeResource) -> None:
    properties = ("properties",)
    enabled, enabled_at = find(native.attributes, (*properties, "isEnabled"))
    enabled = arm_boolean(enabled)
    disabled = enabled is False

    alerts, alerts_at = find(native.attributes, (*properties, "alertNotifications"))
    sources, sources_at = find(native.attributes, (*properties, "notificationsSources"))
    if disabled:
        _set(resource, native, "alert_notifications_enabled", False, enabled_at)
    elif alerts is not MISSING:
        _set(resource, native, "alert_notifications_enabled", _state(alerts), alerts_at)
    elif sources is not MISSING:
        has_alert = _alert_source(sources)
        if has_alert is True and enabled is not True:
            has_alert = Unknown("`isEnabled` is not written" if enabled is MISSING
                                else f"`isEnabled` is {enabled!r}")
        _set(resource, native, "alert_notifications_enabled", has_alert, sources_at)
    else:
        resource.set(("alert_notifications_enabled",), Unknown(NOT_WRITTEN))

    admins, admins_at = find(native.attributes, (*properties, "alertsToAdmins"))
    by_role, by_role_at = find(native.attributes, (*properties, "notificationsByRole"))
    if disabled:
        _set(resource, native, "alerts_to_admins_enabled", False, enabled_at)
    elif admins is not MISSING:
        _set(resource, native, "alerts_to_admins_enabled", on_off(admins), admins_at)
    elif by_role is not MISSING:
        _set(resource, native, "alerts_to_admins_enabled", _state(by_role), by_role_at)
    else:
        resource.set(("alerts_to_admins_enabled",), Unknown(NOT_WRITTEN))
    roles, roles_at = find(native.attributes, (*properties, "notificationsByRole", "roles"))
    if roles is not MISSING:
        value = ([_role_name(role) for role in roles] if isinstance(roles, list)
                 else roles if isinstance(roles, Unknown) else Unknown("expected an array"))
        _set(resource, native, "notified_roles", value, roles_at)


def build_contact(native: NativeResource) -> Resource:
    resource = new_resource(native, "azure.security.contact")
    copy(resource, native, ("name",), ("name",))
    _contact_settings(resource, native)
    return resource


BUILDERS = {PRICING_TYPE: build_pricing, CONTACT_TYPE: build_contact}
