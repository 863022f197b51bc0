"""`Microsoft.Network/networkInterfaces` -> `azure.network.network_interface`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import template

NIC = "Microsoft.Network/networkInterfaces"


def interface(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": NIC, "apiVersion": "2023-04-01", "name": "nic",
            "location": "westeurope", "properties": properties}


def test_ip_configurations(tmp_path: Path) -> None:
    result, path = adapt_template(tmp_path, template(interface({"ipConfigurations": [
        {"name": "a", "properties": {"privateIPAllocationMethod": "Dynamic"}},
        {"name": "b", "properties": {"publicIPAddress": {"id": "/pip/x"}}}]})))
    [nic] = result.resources
    assert nic.kind == "azure.network.network_interface"
    assert nic.attributes["ip_configurations"] == [
        {"name": "a"}, {"name": "b", "public_ip_address_id": "/pip/x"}]
    assert nic.location("ip_configurations.1.public_ip_address_id").file == path  # type: ignore[union-attr]


def test_configurations_not_known_statically(tmp_path: Path) -> None:
    document = template(interface({"ipConfigurations": "[parameters('configs')]"}))
    document["parameters"] = {"configs": {"type": "array"}}
    result, _ = adapt_template(tmp_path, document)
    [nic] = result.resources
    assert isinstance(nic.attributes["ip_configurations"], Unknown)
    (tmp_path / "odd").mkdir()
    result, _ = adapt_template(tmp_path / "odd", template(interface(
        {"ipConfigurations": {"name": "a"}})))
    [odd] = result.resources
    assert isinstance(odd.attributes["ip_configurations"], Unknown)
    (tmp_path / "none").mkdir()
    result, _ = adapt_template(tmp_path / "none", template(interface({})))
    [none] = result.resources
    assert "ip_configurations" not in none.attributes
