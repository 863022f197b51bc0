"""Azure RBAC: `Microsoft.Authorization/roleAssignments` (also the older
`<resource type>/providers/roleAssignments` form, scoped to that resource) and
`Microsoft.Authorization/roleDefinitions`.

Role assignments: `scope` (the `scope` property, else `properties.scope`, else where the
deployment goes, see `scope.py`) and `scope_level`; `role_definition_id`
(`properties.roleDefinitionId`; an id that is partly unknown, usually
`/subscriptions/<?>/providers/Microsoft.Authorization/roleDefinitions/<guid>`, is written
in its tenant form `/providers/Microsoft.Authorization/roleDefinitions/<guid>`, see
`tenant_form`); `role_definition_name` when the id ends with the GUID of a well-known
built-in role (Owner, Contributor, Reader, User Access
Administrator); `principal_id`; `principal_type`.

Role definitions: `name` (`properties.roleName`), `scope` and `scope_level` as above,
`permissions` (`actions`, `notActions`, `dataActions`, `notDataActions` -> the four
canonical lists, always present), `assignable_scopes` as written.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, copy, new_resource
from govern.adapters.arm.reading import MISSING, find, value_in
from govern.adapters.arm.scope import arm_scope_level
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownString, alternatives_of
from govern.parsers.native import NativeResource

ASSIGNMENT = "azure.authorization.role_assignment"
DEFINITION = "azure.authorization.role_definition"

BUILT_IN_ROLES = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "acdd72a7-3c0f-4bb3-8c78-24e3c94b5c6c": "Reader",
    "18d7d88d-d35e-4fb5-a5c3-7773c2a72d9d": "User Access Administrator",
}

_PERMISSIONS = (("actions", "actions"), ("notActions", "not_actions"),
                ("dataActions", "data_actions"), ("notDataActions", "not_data_actions"))


def is_legacy_assignment(native_type: str) -> bool:
    """`Microsoft.Storage/storageAccounts/providers/roleAssignments` and the like."""
    return native_type.lower().endswith("/providers/roleassignments")


def build_assignment(native: NativeResource) -> Resource:
    resource = new_resource(native, ASSIGNMENT)
    if is_legacy_assignment(native.native_type):
        _set_legacy_scope(resource, native)
    else:
        set_scope(resource, native)
    if copy(resource, native, ("properties", "roleDefinitionId"), ("role_definition_id",)):
        role_id = _each_alternative(resource.attributes["role_definition_id"], tenant_form)
        resource.attributes["role_definition_id"] = role_id
        name = built_in_role_name(role_id)
        if name is not MISSING:
            resource.set(("role_definition_name",), name)
            where = resource.locations.get(("role_definition_id",))
            if where is not None:
                resource.locations[("role_definition_name",)] = where
    copy(resource, native, ("properties", "principalId"), ("principal_id",))
    copy(resource, native, ("properties", "principalType"), ("principal_type",))
    return resource


def build_definition(native: NativeResource) -> Resource:
    resource = new_resource(native, DEFINITION)
    copy(resource, native, ("properties", "roleName"), ("name",))
    set_scope(resource, native)
    permissions, written = find(native.attributes, ("properties", "permissions"))
    if permissions is not MISSING:
        value: Any = (permissions if isinstance(permissions, Unknown)
                      else [_permission(p) for p in permissions]
                      if isinstance(permissions, list)
                      else Unknown("permissions is not an array"))
        resource.set(("permissions",), value)
        carry(resource, native, written, ("permissions",), deep=False)
        _carry_permissions(resource, native, written, permissions)
    copy(resource, native, ("properties", "assignableScopes"), ("assignable_scopes",))
    return resource


def set_scope(resource: Resource, native: NativeResource) -> None:
    """`scope` and `scope_level`: the written scope, else the deployment's."""
    for path in (("scope",), ("properties", "scope")):
        if copy(resource, native, path, ("scope",)):
            resource.set(("scope_level",), arm_scope_level(resource.attributes["scope"]))
            where = resource.locations.get(("scope",))
            if where is not None:
                resource.locations[("scope_level",)] = where
            return
    context = native.provider or {}
    if "scope" in context:
        resource.set(("scope",), context["scope"])
    level = context.get("scope_level")
    resource.set(("scope_level",), level if isinstance(level, str) else Unknown(
        "the deployment scope is not known"))


def _set_legacy_scope(resource: Resource, native: NativeResource) -> None:
    """`<type>/providers/roleAssignments` named `<resource>/Microsoft.Authorization/<guid>`
    is scoped to that resource."""
    resource.set(("scope_level",), "resource")
    name = native.attributes.get("name")
    if isinstance(name, str) and "/providers/" not in name.lower():
        parts = name.split("/")
        if len(parts) >= 3:
            resource_type = native.native_type[:-len("/providers/roleAssignments")]
            resource.set(("scope",), f"{resource_type}/{'/'.join(parts[:-2])}")


def _each_alternative(value: Any, function: Any) -> Any:
    options = alternatives_of(value)
    if options is None:
        return function(value)
    assert isinstance(value, Unknown)
    return value.derived(tuple(function(option) for option in options))


def tenant_form(role_definition_id: Any) -> Any:
    """A role definition id that is partly unknown but ends with a known GUID, written
    `/providers/Microsoft.Authorization/roleDefinitions/<guid>`: a role definition is
    identified by its GUID, whatever subscription the id is written under (built-in roles
    have the same GUID everywhere). Other values are kept as they are."""
    if isinstance(role_definition_id, UnknownString):
        suffix = role_definition_id.known_suffix()
        marker = "/providers/microsoft.authorization/roledefinitions/"
        at = suffix.lower().rfind(marker)
        guid = suffix[at + len(marker):].strip("/") if at >= 0 else ""
        if guid and "/" not in guid:
            return f"/providers/Microsoft.Authorization/roleDefinitions/{guid}"
    return role_definition_id


def built_in_role_name(role_definition_id: Any) -> Any:
    """The name of the built-in role whose GUID ends the id (MISSING for other roles)."""
    options = alternatives_of(role_definition_id)
    if options is not None:
        assert isinstance(role_definition_id, Unknown)
        names = tuple(built_in_role_name(option) for option in options)
        if all(name is MISSING for name in names):
            return MISSING
        return Unknown(role_definition_id.reason, None,
                       tuple(None if name is MISSING else name for name in names))
    if isinstance(role_definition_id, UnknownString):
        text = role_definition_id.known_suffix()
        if "/" not in text:
            return MISSING
    elif isinstance(role_definition_id, str):
        text = role_definition_id
    else:
        return MISSING
    guid = text.rstrip("/").rsplit("/", 1)[-1].lower()
    return BUILT_IN_ROLES.get(guid, MISSING)


def _permission(block: Any) -> Any:
    if isinstance(block, Unknown):
        return block
    if not isinstance(block, dict):
        return Unknown("a permissions entry is not an object")
    permission: dict[str, Any] = {}
    for arm_name, canonical in _PERMISSIONS:
        value = value_in(block, arm_name)
        permission[canonical] = ([] if value is MISSING
                                 else value if isinstance(value, (list, Unknown)) else [value])
    return permission


def _carry_permissions(resource: Resource, native: NativeResource, written: tuple[Any, ...],
                       permissions: Any) -> None:
    if not isinstance(permissions, list):
        return
    for index, block in enumerate(permissions):
        if not isinstance(block, dict):
            continue
        carry(resource, native, (*written, index), ("permissions", index), deep=False)
        for arm_name, canonical in _PERMISSIONS:
            _, at = find(block, (arm_name,))
            carry(resource, native, (*written, index, *at), ("permissions", index, canonical))
