from __future__ import annotations

from govern.adapters.terraform import adapt_terraform
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native

RULE = {"name": "ssh", "priority": 100, "direction": "Inbound", "access": "Allow",
        "protocol": "Tcp", "source_port_range": "*", "destination_port_range": "22",
        "source_address_prefix": "*", "destination_address_prefix": "*"}
CANONICAL = {"name": "ssh", "priority": 100, "direction": "Inbound", "access": "Allow",
             "protocol": "Tcp", "source_address_prefixes": ["*"], "source_port_ranges": ["*"],
             "destination_address_prefixes": ["*"], "destination_port_ranges": ["22"]}


def nsg(**attributes: object) -> object:
    return native("azurerm_network_security_group.nsg", {
        "name": "web-nsg", "resource_group_name": "rg", **attributes}, line=1, end=20,
        locations={"security_rule.0": (4, 14), "security_rule.0.source_address_prefix": 12})


def test_inline_rules_fold_single_values_into_lists() -> None:
    resource = adapt_terraform([nsg(security_rule=[
        {**RULE, "destination_port_range": None, "destination_port_ranges": ["22", 3389],
         "protocol": "tcp", "direction": "inbound"}])]).resources[0]
    assert resource.kind == "azure.network.security_group"
    assert resource.attributes["security_rules"] == [
        {**CANONICAL, "destination_port_ranges": ["22", "3389"]}]
    assert resource.location("security_rules.0.source_address_prefixes") == lines(12)
    assert resource.location("security_rules.0.access") == lines(4, 14)


def test_a_plans_empty_single_values_are_not_set() -> None:
    resource = adapt_terraform([nsg(security_rule=[
        {**RULE, "destination_port_range": "", "destination_port_ranges": ["22", "443"],
         "source_address_prefix": "", "source_address_prefixes": ["10.0.0.0/8"]}])]).resources[0]
    assert resource.attributes["security_rules"] == [
        {**CANONICAL, "destination_port_ranges": ["22", "443"],
         "source_address_prefixes": ["10.0.0.0/8"]}]


def test_separate_rules_fold_by_reference_or_by_name_in_the_resource_group() -> None:
    by_ref = native("azurerm_network_security_rule.ssh", {
        **RULE, "network_security_group_name": Unknown(
            "known after apply", ref="azurerm_network_security_group.nsg"),
        "resource_group_name": "rg"}, line=30, end=40)
    by_name = native("azurerm_network_security_rule.rdp", {
        **RULE, "name": "rdp", "destination_port_range": "3389",
        "network_security_group_name": "web-nsg", "resource_group_name": "rg"}, line=50)
    other_group = native("azurerm_network_security_rule.other", {
        **RULE, "network_security_group_name": "web-nsg", "resource_group_name": "rg2"},
        line=60)
    result = adapt_terraform([nsg(), by_ref, by_name, other_group])
    resource = result.resources[0]
    assert resource.attributes["security_rules"] == [
        CANONICAL, {**CANONICAL, "name": "rdp", "destination_port_ranges": ["3389"]}]
    assert resource.location("security_rules.0") == lines(30, 40)
    assert [n.message for n in result.notices] == [
        "azurerm_network_security_rule.other: network security group rg2/web-nsg is not "
        "declared in the scanned code; judged on a stand-in that holds what this resource "
        "sets (the rest is unknown)"]
    outside = result.resources[1]
    assert (outside.external, outside.address, outside.native) == (
        True, "rg2/web-nsg", ["azurerm_network_security_rule.other"])
    assert outside.attributes["name"] == "web-nsg"
    assert outside.attributes["resource_group_name"] == "rg2"


def test_unknown_rule_values_stay_unknown() -> None:
    prefixes = Unknown("from a variable without a value")
    resource = adapt_terraform([nsg(security_rule=[
        {**RULE, "source_address_prefix": None, "source_address_prefixes": prefixes}])]
    ).resources[0]
    assert resource.attributes["security_rules"] == [
        {**CANONICAL, "source_address_prefixes": prefixes}]
