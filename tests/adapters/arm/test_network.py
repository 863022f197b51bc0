"""Network security groups: inline rules, child rule resources folded into their group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import template

NSG = "Microsoft.Network/networkSecurityGroups"
RULE = {"priority": 100, "direction": "inbound", "access": "allow", "protocol": "tcp",
        "sourcePortRange": "*", "destinationPortRanges": ["22", 3389],
        "sourceAddressPrefix": "*", "destinationAddressPrefix": "*"}
CANONICAL = {"name": "ssh", "priority": 100, "direction": "Inbound", "access": "Allow",
             "protocol": "Tcp", "source_address_prefixes": ["*"], "source_port_ranges": ["*"],
             "destination_address_prefixes": ["*"], "destination_port_ranges": ["22", "3389"]}


def group(name: str = "nsg", **properties: Any) -> dict[str, Any]:
    return {"type": NSG, "apiVersion": "2023-04-01", "name": name, "location": "westeurope",
            "properties": properties}


def test_inline_rules(tmp_path: Path) -> None:
    result, path = adapt_template(tmp_path, template(group(securityRules=[
        {"name": "ssh", "properties": RULE},
        {"name": "web", "properties": {**RULE, "destinationPortRanges": None,
                                       "destinationPortRange": "443",
                                       "sourceAddressPrefixes": ["10.0.0.0/8"],
                                       "description": "https"}}])))
    [resource] = result.resources
    assert resource.kind == "azure.network.security_group"
    assert resource.attributes["security_rules"] == [
        CANONICAL,
        {**CANONICAL, "name": "web", "destination_port_ranges": ["443"],
         "source_address_prefixes": ["*", "10.0.0.0/8"], "description": "https"}]
    assert resource.attributes["tags"] == {}
    assert resource.location("security_rules.0") == SourceRange(path, 12, 27)
    assert resource.location("security_rules.0.source_address_prefixes") == SourceRange(
        path, 24, 24)
    assert resource.location("security_rules.1.destination_port_ranges") == SourceRange(
        path, 39, 39)


def test_no_rules_written_means_absent(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(group()))
    assert "security_rules" not in result.resources[0].attributes


def test_child_rules_nested_or_named_group_slash_rule_are_folded(tmp_path: Path) -> None:
    result, path = adapt_template(tmp_path, template(
        group("[parameters('name')]") | {"resources": [
            {"type": "securityRules", "apiVersion": "2023-04-01", "name": "ssh",
             "properties": RULE}]},
        {"type": f"{NSG}/securityRules", "apiVersion": "2023-04-01",
         "name": "[concat(parameters('name'), '/rdp')]", "properties": RULE},
        {"type": f"{NSG}/securityRules", "apiVersion": "2023-04-01", "name": "other/rdp",
         "properties": RULE},
        parameters={"name": {"type": "string"}}))
    resource, other = result.resources
    assert resource.attributes["security_rules"] == [CANONICAL, {**CANONICAL, "name": "rdp"}]
    assert other.external and other.address == f"{NSG}/other"
    assert other.native == [f"{NSG}/securityRules/other/rdp"]
    assert resource.native == [f"{NSG}/[parameters('name')]",
                               f"{NSG}/securityRules/[parameters('name')]/ssh",
                               f"{NSG}/securityRules/[concat(parameters('name'), '/rdp')]"]
    assert resource.location("security_rules.1") == SourceRange(path, 37, 54)
    assert resource.location("security_rules.1.priority") == SourceRange(path, 42, 42)
    assert [(n.level, n.code, n.line, n.message) for n in result.notices] == [
        ("note", "external-parent", 55,
         f"{NSG}/securityRules/other/rdp: network security group {NSG}/other is not declared "
         "in the scanned code; judged on a stand-in that holds what this resource sets (the "
         "rest is unknown)")]


def test_unknown_rule_lists_and_values_stay_unknown(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        group("a", securityRules="[parameters('rules')]"),
        group("b", securityRules=[{"name": "ssh", "properties": {
            **RULE, "sourceAddressPrefix": "[parameters('source')]"}}]),
        parameters={"rules": {"type": "array"}, "source": {"type": "string"}}))
    first, second = result.resources
    assert first.attributes["security_rules"] == [
        Unknown("parameter 'rules' has no value (no defaultValue and no value supplied)")]
    assert second.attributes["security_rules"][0]["source_address_prefixes"] == [
        Unknown("parameter 'source' has no value (no defaultValue and no value supplied)")]
