"""Database parameter groups: `AWS::DocDB::DBClusterParameterGroup`,
`AWS::RDS::DBParameterGroup` and `AWS::RDS::DBClusterParameterGroup` (`Parameters`, a JSON
object name -> value) and `AWS::Redshift::ClusterParameterGroup` (`Parameters`, a list of
`ParameterName`/`ParameterValue`), as the `parameters` map of the Terraform adapter (names
with dots and spaces as `_`; a parameter not written keeps the engine's default)."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import mapped
from govern.adapters.db_parameters import parameter_key, parameter_value
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _object_parameters(value: Any) -> Any:
    if not isinstance(value, dict):
        return Unknown("Parameters is not an object of parameter names")
    return {parameter_key(str(name)): parameter_value(item) for name, item in value.items()
            if item is not None}


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
            parameters[parameter_key(name)] = parameter_value(entry["ParameterValue"])
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
    **{native: KindMapping(kind, (field("name", name), field("family", "Family")),
                           _finish(_object_parameters))
       for native, kind, name in (
           ("AWS::RDS::DBParameterGroup", "aws.rds.db_parameter_group",
            "DBParameterGroupName"),
           ("AWS::RDS::DBClusterParameterGroup", "aws.rds.cluster_parameter_group",
            "DBClusterParameterGroupName"))},
}
