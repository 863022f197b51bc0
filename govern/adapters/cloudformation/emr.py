"""EMR: `AWS::EMR::SecurityConfiguration` (its `SecurityConfiguration`, an object or a
JSON string, read by govern.adapters.emr_security)."""

from __future__ import annotations

from govern.adapters.building import field, set_at
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.emr_security import encryption_settings
from govern.adapters.reading import MISSING, located, value_at
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish(resource: Resource, native: NativeResource) -> None:
    configuration = value_at(native, "SecurityConfiguration")
    if configuration is MISSING:  # required by CloudFormation
        return
    where = located(native, "SecurityConfiguration")
    for name, value in encryption_settings(configuration).items():
        set_at(resource, name, value, where)


MAPPINGS = {
    "AWS::EMR::SecurityConfiguration": KindMapping("aws.emr.security_configuration", (
        field("name", "Name"),
    ), _finish),
}
