"""Azure network security rules in canonical form, whatever format wrote them: azurerm's
single- and list-valued attributes (ARM's properties are renamed to these first) folded
into lists, protocols and directions capitalised as Azure does."""

from __future__ import annotations

from typing import Any

from govern.adapters.network import azure_capitalised, azure_port_range, azure_protocol
from govern.adapters.reading import MISSING, value_in
from govern.model.unknown import Unknown

SCALARS = {"name": None, "priority": None, "direction": azure_capitalised,
           "access": azure_capitalised, "protocol": azure_protocol, "description": None}
# canonical list -> (single-valued native attribute, list-valued native attribute)
LISTS = {
    "source_address_prefixes": ("source_address_prefix", "source_address_prefixes"),
    "source_port_ranges": ("source_port_range", "source_port_ranges"),
    "destination_address_prefixes": ("destination_address_prefix",
                                     "destination_address_prefixes"),
    "destination_port_ranges": ("destination_port_range", "destination_port_ranges"),
}
ORDER = ("name", "priority", "direction", "access", "protocol", *LISTS, "description")


def canonical_rule(node: Any) -> Any:
    if isinstance(node, Unknown):
        return node
    rule: dict[str, Any] = {}
    for name, function in SCALARS.items():
        value = value_in(node, name)
        if value is not MISSING:
            rule[name] = function(value) if function and not isinstance(value, Unknown) else value
    for name, (single, plural) in LISTS.items():
        rule[name] = _merged(value_in(node, single), value_in(node, plural), name)
    return {key: rule[key] for key in ORDER if key in rule}


def _merged(single: Any, plural: Any, name: str) -> Any:
    if isinstance(plural, Unknown):
        return plural
    # A plan writes "" for the form not used (`destination_port_range` beside
    # `destination_port_ranges`): the provider reads an empty string as not set.
    values: list[Any] = [] if single is MISSING or single == "" else [single]
    if isinstance(plural, list):
        values.extend(plural)
    if name.endswith("port_ranges"):
        values = [azure_port_range(v) for v in values]
    return values
