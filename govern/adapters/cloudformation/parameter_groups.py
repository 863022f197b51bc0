"""Database parameter groups: `AWS::DocDB::DBClusterParameterGroup` (`Parameters`, a JSON
object name -> value) and `AWS::Redshift::ClusterParameterGroup` (`Parameters`, a list of
`ParameterName`/`ParameterValue`), as the `parameters` map of the Terraform adapter (a
parameter not written keeps the engine's default)."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import mapped
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _as_string(value: Any) -> Any:
    """A parameter's value as the API holds it: a string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return value


def _object_parameters(value: Any) -> Any:
    if not isinstance(value, dict):
        return Unknown("Parameters is not an object of parameter names")
    return {str(name): _as_string(item) for name, item in value.items() if item is not None}


def _listed_parameters(value: Any) -> Any:
    if not isinstance(value, list):
        return Unknown("Parameters is not a list of ParameterName/ParameterValue")
    parameters: dict[str, Any] = {}
    for entry in value:
        if isinstance(entry, Unknown):
            return entry.derived()
        name = entry.get("ParameterName") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            return name.derived() if isinstance(name, Unknown) else Unknown(
                "a parameter without a ParameterName")
        if entry.get("ParameterValue") is not None:
            parameters[name] = _as_string(entry["ParameterValue"])
    return parameters


def _finish(reader: Any) -> Any:
    def finish(resource: Resource, native: NativeResource) -> None:
        raw = value_at(native, "Parameters")
        if raw is MISSING:
            return
        resource.set(("parameters",), mapped(raw, reader))
        carry_locations(resource, native, ("Parameters",), ("parameters",))
    return finish


MAPPINGS = {
    "AWS::DocDB::DBClusterParameterGroup": KindMapping(
        "aws.docdb.cluster_parameter_group",
        (field("name", "Name"), field("family", "Family")),
        _finish(_object_parameters)),
    "AWS::Redshift::ClusterParameterGroup": KindMapping(
        "aws.redshift.parameter_group",
        (field("name", "ParameterGroupName"), field("family", "ParameterGroupFamily")),
        _finish(_listed_parameters)),
}
