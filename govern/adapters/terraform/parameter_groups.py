"""Database parameter groups: `aws_docdb_cluster_parameter_group`,
`aws_redshift_parameter_group`, `aws_db_parameter_group` and
`aws_rds_cluster_parameter_group`. Their `parameter` blocks become the `parameters` map
(name, dots and spaces as `_` -> value as a string); a parameter that is not written keeps
the engine's default, so it is not in the map."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field, set_at, where
from govern.adapters.db_parameters import parameter_key, parameter_value
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
        key = parameter_key(name)
        parameters[key] = parameter_value(value)
        found = where(native, ("parameter", index), folded=False)
        if found is not None:
            resource.locations[("parameters", key)] = found
    resource.set(("parameters",), parameters)


MAPPINGS = {
    native: KindMapping(kind, (field("name"), field("family")), finish_parameter_group)
    for native, kind in (
        ("aws_docdb_cluster_parameter_group", "aws.docdb.cluster_parameter_group"),
        ("aws_redshift_parameter_group", "aws.redshift.parameter_group"),
        ("aws_db_parameter_group", "aws.rds.db_parameter_group"),
        ("aws_rds_cluster_parameter_group", "aws.rds.cluster_parameter_group"),
    )
}
