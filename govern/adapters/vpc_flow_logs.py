"""A flow log folded into its VPC, the same way from Terraform and CloudFormation."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, where
from govern.adapters.external import extended_list
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def add_flow_log(vpc: Resource, native: NativeResource, traffic_name: str) -> None:
    """Append `{traffic_type}` (as written under `traffic_name`) to the VPC's
    `flow_logs`, with where each was written."""
    logs = extended_list(vpc, "flow_logs", "flow logs")
    entry: dict[str, Any] = {}
    traffic = value_at(native, traffic_name)
    if traffic is not MISSING:
        entry["traffic_type"] = traffic
    logs.append(entry)
    index = len(logs) - 1
    found = where(native, (), True)
    if found is not None:
        vpc.locations[("flow_logs", index)] = found
    if traffic is not MISSING:
        carry_locations(vpc, native, (traffic_name,), ("flow_logs", index, "traffic_type"),
                        True)
