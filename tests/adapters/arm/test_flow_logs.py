"""`Microsoft.Network/networkWatchers/flowLogs` -> `azure.network.watcher_flow_log`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import template

WATCHER = "Microsoft.Network/networkWatchers"


def flow_log(**properties: Any) -> dict[str, Any]:
    return {"type": f"{WATCHER}/flowLogs", "apiVersion": "2023-04-01",
            "name": "NetworkWatcher_westeurope/fl", "location": "westeurope",
            "properties": {"targetResourceId": "/nsg/app", **properties}}


def test_written(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(flow_log(
        enabled=True, retentionPolicy={"enabled": "true", "days": 30})))
    [log] = result.resources
    assert log.kind == "azure.network.watcher_flow_log"
    assert {k: log.attributes[k] for k in ("name", "target_resource_id", "enabled",
                                            "retention_enabled", "retention_days")} == {
        "name": "NetworkWatcher_westeurope/fl", "target_resource_id": "/nsg/app",
        "enabled": True, "retention_enabled": True, "retention_days": 30}
    assert log.defaulted == set()


def test_defaults(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(flow_log()))
    [log] = result.resources
    assert isinstance(log.attributes["enabled"], Unknown)
    assert (log.attributes["retention_enabled"], log.attributes["retention_days"]) == (False, 0)
    assert log.defaulted == {("enabled",), ("retention_enabled",), ("retention_days",)}


def test_nested_in_its_watcher(tmp_path: Path) -> None:
    watcher = {"type": WATCHER, "apiVersion": "2023-04-01", "name": "NetworkWatcher_westeurope",
               "location": "westeurope", "properties": {},
               "resources": [{**flow_log(enabled=False), "type": "flowLogs", "name": "fl"}]}
    result, _ = adapt_template(tmp_path, template(watcher))
    [log] = [r for r in result.resources if r.kind == "azure.network.watcher_flow_log"]
    assert log.attributes["enabled"] is False
