"""`azurerm_network_watcher_flow_log` -> `azure.network.watcher_flow_log`."""

from __future__ import annotations

from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines


def test_values_and_locations() -> None:
    log = adapt_one("azurerm_network_watcher_flow_log.f", {
        "name": "fl", "resource_group_name": "NetworkWatcherRG",
        "network_security_group_id": "/nsg/app", "enabled": True,
        "retention_policy": [{"enabled": True, "days": 30}]},
        locations={"retention_policy.0.days": 12})
    assert log.kind == "azure.network.watcher_flow_log"
    assert log.attributes == {"name": "fl", "resource_group_name": "NetworkWatcherRG",
                              "target_resource_id": "/nsg/app", "enabled": True,
                              "retention_enabled": True, "retention_days": 30, "tags": {}}
    assert log.location("retention_days") == lines(12)
    assert log.defaulted == set()


def test_v4_target_and_defaults() -> None:
    log = adapt_one("azurerm_network_watcher_flow_log.f", {
        "target_resource_id": "/vnet/app", "enabled": "false"})
    assert (log.attributes["target_resource_id"], log.attributes["enabled"]) == (
        "/vnet/app", False)
    assert (log.attributes["retention_enabled"], log.attributes["retention_days"]) == (False, 0)
    assert log.defaulted == {("retention_enabled",), ("retention_days",)}
