"""Cloud Audit Logs configuration: `google_{project,folder,organization}_iam_audit_config`
as `gcp.iam.audit_config`: `scope_level`, `scope` (the `project`, `folder` or `org_id` as
written; absent for a project config that uses the provider's project), `service`, and
`log_configs`, one `{log_type, exempted_members}` per `audit_log_config` block (its keys
when written; Unknown as a whole for a `dynamic` block over a value not known
statically)."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.mapping import Finish, KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "gcp.iam.audit_config"
_SCOPES = {"project": "project", "folder": "folder", "organization": "org_id"}
_BLOCK = "audit_log_config"


def _finish(level: str) -> Finish:
    def finish(resource: Resource, native: NativeResource) -> None:
        resource.set(("scope_level",), level)
        if value_at(native, _BLOCK) is MISSING:
            return
        blocks = blocks_in(native.attributes, _BLOCK)
        at = where(native, _BLOCK, False)
        if isinstance(blocks, Unknown):
            set_at(resource, "log_configs", blocks, at)
            return
        configs: list[Any] = []
        set_at(resource, "log_configs", configs, at)
        for index, block in enumerate(blocks):
            if isinstance(block, Unknown):
                configs.append(block)
                continue
            configs.append({key: value for key in ("log_type", "exempted_members")
                            if (value := value_in(block, key)) is not MISSING})
            carry_locations(resource, native, f"{_BLOCK}.{index}", ("log_configs", index))

    return finish


MAPPINGS = {
    f"google_{level}_iam_audit_config": KindMapping(KIND, (
        field("scope", native_name),
        field("service"),
    ), _finish(level))
    for level, native_name in _SCOPES.items()
}
