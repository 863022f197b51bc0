"""EMR: `aws_emr_security_configuration` (its `configuration` JSON read by
govern.adapters.emr_security)."""

from __future__ import annotations

from govern.adapters.building import field, set_at
from govern.adapters.emr_security import encryption_settings
from govern.adapters.reading import MISSING, located, value_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish(resource: Resource, native: NativeResource) -> None:
    configuration = value_at(native, "configuration")
    if configuration is MISSING:  # required by the provider
        return
    where = located(native, "configuration")
    for name, value in encryption_settings(configuration).items():
        set_at(resource, name, value, where)


MAPPINGS = {
    "aws_emr_security_configuration": KindMapping("aws.emr.security_configuration", (
        field("name"),
    ), _finish),
}
