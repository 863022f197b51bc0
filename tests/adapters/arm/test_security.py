"""Microsoft Defender for Cloud in ARM (`security`): plan pricings, and security contacts
in the shapes of their API versions; parity with azurerm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.arm.test_parity import arm, terraform
from tests.adapters.arm.test_services import adapt


def _contact(tmp_path: Path, api: str, properties: dict[str, Any]) -> Resource:
    return adapt(tmp_path, {"type": "Microsoft.Security/securityContacts", "apiVersion": api,
                            "name": "default", "properties": properties})


def test_pricing(tmp_path: Path) -> None:
    pricing = adapt(tmp_path, {"type": "Microsoft.Security/pricings",
                               "apiVersion": "2024-01-01", "name": "keyvaults",
                               "properties": {"pricingTier": "free"}})
    assert pricing.kind == "azure.security.pricing"
    assert pricing.attributes == {"plan": "KeyVaults", "tier": "Free"}
    assert pricing.defaulted == set()


def test_pricing_parity_with_azurerm(tmp_path: Path) -> None:
    [tf] = terraform(tmp_path / "tf", """
resource "azurerm_security_center_subscription_pricing" "p" {
  tier          = "Standard"
  resource_type = "StorageAccounts"
}
""")
    [from_arm] = arm(tmp_path / "arm", {
        "$schema": "https://schema.management.azure.com/schemas/2018-05-01/"
                   "subscriptionDeploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [{"type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01",
                       "name": "StorageAccounts",
                       "properties": {"pricingTier": "Standard"}}]})
    assert (from_arm.kind, from_arm.attributes) == (tf.kind, tf.attributes)


def test_contact_2017(tmp_path: Path) -> None:
    contact = _contact(tmp_path, "2017-08-01-preview", {
        "email": "soc@example.com", "alertNotifications": "On", "alertsToAdmins": "off"})
    assert contact.kind == "azure.security.contact"
    assert contact.attributes == {"name": "default", "alert_notifications_enabled": True,
                                  "alerts_to_admins_enabled": False}


def test_contact_2020(tmp_path: Path) -> None:
    contact = _contact(tmp_path, "2020-01-01-preview", {
        "emails": "soc@example.com",
        "alertNotifications": {"state": "Off", "minimalSeverity": "High"},
        "notificationsByRole": {"state": "On", "roles": ["owner", "Contributor"]}})
    assert contact.attributes == {"name": "default", "alert_notifications_enabled": False,
                                  "alerts_to_admins_enabled": True,
                                  "notified_roles": ["Owner", "Contributor"]}


@pytest.mark.parametrize("properties, expected", [
    ({"isEnabled": True, "notificationsSources": [{"sourceType": "Alert",
                                                   "minimalSeverity": "High"}]}, True),
    ({"isEnabled": True, "notificationsSources": [{"sourceType": "AttackPath",
                                                   "minimalRiskLevel": "Critical"}]}, False),
    ({"isEnabled": False, "notificationsSources": [{"sourceType": "Alert"}]}, False),
])
def test_contact_notification_sources(tmp_path: Path, properties: dict[str, Any],
                                      expected: bool) -> None:
    contact = _contact(tmp_path, "2023-12-01-preview", properties)
    assert contact.attributes["alert_notifications_enabled"] is expected


def test_contact_disabled_sends_nothing(tmp_path: Path) -> None:
    contact = _contact(tmp_path, "2023-12-01-preview", {
        "isEnabled": False, "notificationsByRole": {"state": "On", "roles": ["Owner"]}})
    assert contact.attributes["alerts_to_admins_enabled"] is False


def test_contact_settings_not_written_are_unknown(tmp_path: Path) -> None:
    contact = _contact(tmp_path, "2023-12-01-preview", {"emails": "soc@example.com"})
    for name in ("alert_notifications_enabled", "alerts_to_admins_enabled"):
        value = contact.attributes[name]
        assert isinstance(value, Unknown)
        assert "no default" in value.reason


def test_contact_alert_source_without_is_enabled_is_unknown(tmp_path: Path) -> None:
    contact = _contact(tmp_path, "2023-12-01-preview", {
        "notificationsSources": [{"sourceType": "Alert"}]})
    assert isinstance(contact.attributes["alert_notifications_enabled"], Unknown)


def test_contact_parity_with_azurerm(tmp_path: Path) -> None:
    [tf] = terraform(tmp_path / "tf", """
resource "azurerm_security_center_contact" "c" {
  name                = "default1"
  email               = "soc@example.com"
  alert_notifications = true
  alerts_to_admins    = true
}
""")
    [from_arm] = arm(tmp_path / "arm", {
        "$schema": "https://schema.management.azure.com/schemas/2018-05-01/"
                   "subscriptionDeploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "resources": [{"type": "Microsoft.Security/securityContacts",
                       "apiVersion": "2017-08-01-preview", "name": "default1",
                       "properties": {"email": "soc@example.com", "alertNotifications": "On",
                                      "alertsToAdmins": "On"}}]})
    assert (from_arm.kind, from_arm.attributes) == (tf.kind, tf.attributes)
