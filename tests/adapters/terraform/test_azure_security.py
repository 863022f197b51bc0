"""Microsoft Defender for Cloud in Terraform (`azure_security`): plan pricings (the
provider's default plan, Azure's spelling) and security contacts."""

from __future__ import annotations

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines


def test_pricing_without_resource_type_is_for_servers() -> None:
    pricing = adapt_one("azurerm_security_center_subscription_pricing.p", {"tier": "Free"})
    assert pricing.kind == "azure.security.pricing"
    assert pricing.attributes == {"plan": "VirtualMachines", "tier": "Free"}
    assert pricing.defaulted == {("plan",)}


def test_pricing_names_in_azure_spelling() -> None:
    pricing = adapt_one("azurerm_security_center_subscription_pricing.p",
                        {"tier": "standard", "resource_type": "keyvaults"},
                        locations={"tier": 2, "resource_type": 3})
    assert pricing.attributes == {"plan": "KeyVaults", "tier": "Standard"}
    assert pricing.defaulted == set()
    assert pricing.location("tier") == lines(2)


def test_pricing_unknown_names_stay_as_written() -> None:
    pricing = adapt_one("azurerm_security_center_subscription_pricing.p",
                        {"tier": "Free", "resource_type": "FuturePlan"})
    assert pricing.attributes["plan"] == "FuturePlan"


def test_pricing_tier_from_a_variable_without_value_is_unknown() -> None:
    pricing = adapt_one("azurerm_security_center_subscription_pricing.p",
                        {"tier": Unknown("var.tier")})
    assert pricing.attributes["tier"] == Unknown("var.tier")


def test_contact() -> None:
    contact = adapt_one("azurerm_security_center_contact.c", {
        "name": "default1", "email": "soc@example.com", "alert_notifications": True,
        "alerts_to_admins": "false"})
    assert contact.kind == "azure.security.contact"
    assert contact.attributes == {"name": "default1", "alert_notifications_enabled": True,
                                  "alerts_to_admins_enabled": False}
    assert contact.defaulted == set()


def test_contact_required_settings_left_out_are_not_invented() -> None:
    contact = adapt_one("azurerm_security_center_contact.c", {"email": "soc@example.com"})
    assert contact.attributes == {}
