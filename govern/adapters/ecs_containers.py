"""The containers of an ECS task definition (`containers`: `{name, privileged,
readonly_root_filesystem}`), for every format: Terraform's `container_definitions` JSON
(text, or a `jsonencode` with parts known only after apply), CloudFormation's
`ContainerDefinitions` and a live DescribeTaskDefinition's `containerDefinitions`.
`privileged` and `readonly_root_filesystem` are false (defaulted) when not written; a
definition list not known is Unknown, a container not known an Unknown element."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from govern.adapters.building import carry_locations, set_at, to_bool, where
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import PartialJson, Unknown
from govern.parsers.native import NativeResource

FLAGS = ("privileged", "readonly_root_filesystem")


class Keys(NamedTuple):
    """The native keys of a container definition."""

    name: str
    privileged: str
    readonly_root_filesystem: str


JSON_KEYS = Keys("name", "privileged", "readonlyRootFilesystem")  # Terraform and live
CLOUDFORMATION_KEYS = Keys("Name", "Privileged", "ReadonlyRootFilesystem")


def decoded(value: Any) -> Any:
    """Terraform's `container_definitions`: the JSON's structure, or an Unknown."""
    if isinstance(value, PartialJson):
        return value.structure
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return Unknown("the container definitions are not JSON")
    return value


def containers(entries: Any, keys: Keys) -> list[Any] | Unknown:
    """The canonical containers of a list of definitions."""
    found, _ = _containers(entries, keys)
    return found


def _containers(entries: Any, keys: Keys) -> tuple[list[Any] | Unknown,
                                                   list[tuple[int, str]]]:
    """The containers and the (index, flag) pairs taken by default."""
    if isinstance(entries, Unknown):
        return entries, []
    if not isinstance(entries, list):
        return Unknown("the container definitions are not a list"), []
    found: list[Any] = []
    defaulted: list[tuple[int, str]] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, Unknown):
            found.append(entry)
            continue
        if not isinstance(entry, dict):
            found.append(Unknown("a container definition is not an object"))
            continue
        container: dict[str, Any] = {}
        name = value_in(entry, keys.name)
        if name is not MISSING:
            container["name"] = name
        for flag in FLAGS:
            value = value_in(entry, getattr(keys, flag))
            if value is MISSING:
                defaulted.append((index, flag))
            container[flag] = _flag(value)
        found.append(container)
    return found, defaulted


def _flag(value: Any) -> Any:
    """False when not written; Unknown when not known or not a boolean."""
    if value is MISSING:
        return False
    value = to_bool(value)
    if isinstance(value, (bool, Unknown)):
        return value
    return Unknown("expected true or false")


def set_containers(resource: Resource, native: NativeResource, path: str, keys: Keys,
                   json_text: bool) -> None:
    """`containers` from the native definitions at `path` (JSON text when `json_text`),
    with the defaults marked; nothing when the definitions are not written."""
    value = value_at(native, path)
    if value is MISSING:
        return
    found, defaulted = _containers(decoded(value) if json_text else value, keys)
    set_at(resource, "containers", found, where(native, path, False))
    if not json_text and isinstance(found, list):
        for index in range(len(found)):
            carry_locations(resource, native, (path, index), ("containers", index))
    for index, flag in defaulted:
        resource.defaulted.add(("containers", index, flag))
