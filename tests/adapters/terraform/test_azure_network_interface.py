"""`azurerm_network_interface` -> `azure.network.network_interface`."""

from __future__ import annotations

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines


def test_ip_configurations_and_locations() -> None:
    nic = adapt_one("azurerm_network_interface.n", {
        "name": "nic", "resource_group_name": "rg",
        "ip_configuration": [{"name": "a", "private_ip_address_allocation": "Dynamic"},
                             {"name": "b", "public_ip_address_id": "/pip/x"}]},
        locations={"ip_configuration": (5, 20), "ip_configuration.1.public_ip_address_id": 18})
    assert nic.kind == "azure.network.network_interface"
    assert nic.attributes == {"name": "nic", "resource_group_name": "rg",
                              "ip_forwarding_enabled": False,
                              "ip_configurations": [{"name": "a"},
                                                    {"name": "b",
                                                     "public_ip_address_id": "/pip/x"}],
                              "tags": {}}
    assert nic.location("ip_configurations.1.public_ip_address_id") == lines(18)
    assert nic.location("ip_configurations") == lines(5, 20)


def test_configurations_not_known_statically() -> None:
    dynamic = adapt_one("azurerm_network_interface.n",
                        {"ip_configuration": Unknown("dynamic block")})
    assert isinstance(dynamic.attributes["ip_configurations"], Unknown)
    odd = adapt_one("azurerm_network_interface.n", {"ip_configuration": ["x"]})
    assert isinstance(odd.attributes["ip_configurations"][0], Unknown)
    none = adapt_one("azurerm_network_interface.n", {"name": "nic"})
    assert none.attributes["ip_configurations"] == []
