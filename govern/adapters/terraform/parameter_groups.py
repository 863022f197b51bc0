"""Database parameter groups: `aws_docdb_cluster_parameter_group` and
`aws_redshift_parameter_group`. Their `parameter` blocks become the `parameters` map
(name -> value as a string); a parameter that is not written keeps the engine's default,
so it is not in the map."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field, set_at, where
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def finish_parameter_group(resource: Resource, native: NativeResource) -> None:
    blocks = blocks_in(native.attributes, "parameter")
    if isinstance(blocks, Unknown):
        set_at(resource, "parameters", blocks, where(native, "parameter", folded=False))
        return
    parameters: dict[str, Any] = {}
    for index, block in enumerate(blocks):
        name = value_in(block, "name") if isinstance(block, dict) else block
        if not isinstance(name, str):
            set_at(resource, "parameters", name if isinstance(name, Unknown)
                   else Unknown("a parameter block without a name"),
                   where(native, ("parameter", index), folded=False))
            return
        value = value_in(block, "value")
        if value is MISSING:
            continue
        parameters[name] = parameter_value(value)
        found = where(native, ("parameter", index), folded=False)
        if found is not None:
            resource.locations[("parameters", name)] = found
    resource.set(("parameters",), parameters)


def parameter_value(value: Any) -> Any:
    """A parameter's value as the API holds it, a string (`true` for a boolean written
    unquoted)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return value


MAPPINGS = {
    "aws_docdb_cluster_parameter_group": KindMapping("aws.docdb.cluster_parameter_group", (
        field("name"),
        field("family"),
    ), finish_parameter_group),
    "aws_redshift_parameter_group": KindMapping("aws.redshift.parameter_group", (
        field("name"),
        field("family"),
    ), finish_parameter_group),
}
