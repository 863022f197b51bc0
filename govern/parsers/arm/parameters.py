"""Parameter files: `{"parameters": {"name": {"value": ...}}}` (the deploymentParameters
schema).

Which files apply to a template: the files given explicitly (`--arm-parameters FILE`,
every one of them to every template of the scan, later files winning), else the
conventional sibling `<template-stem>.parameters.json` (`azuredeploy.json` ->
`azuredeploy.parameters.json`) when it exists. Values are literal (ARM does not evaluate
expressions in parameter files); a Key Vault `reference` is Unknown.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.model.unknown import Unknown
from govern.parsers.arm.reading import read_json
from govern.parsers.arm.template_scope import member_node


def sibling_parameter_file(template: str) -> str | None:
    """`dir/azuredeploy.json` -> `dir/azuredeploy.parameters.json` when it exists."""
    stem, _ = os.path.splitext(template)
    candidate = f"{stem}.parameters.json"
    return candidate if os.path.isfile(candidate) else None


def read_parameter_file(path: str, notices: list[Notice] | None = None) -> dict[str, Any]:
    """The values a parameter file supplies, by parameter name. Raises SourceError when the
    file is not valid JSON or not a parameter file; warnings about how it was read (not
    UTF-8) go to `notices`."""
    root = read_json(path, notices)
    if root.kind != "object":
        raise SourceError("a parameters file must be a JSON object", path, root.line,
                          'write {"parameters": {"name": {"value": ...}}}')
    parameters = member_node(root, "parameters")
    if parameters is None or parameters.kind != "object":
        raise SourceError("not an ARM parameters file (no \"parameters\" object)", path,
                          root.line, 'write {"parameters": {"name": {"value": ...}}}')
    values: dict[str, Any] = {}
    for name, _, entry in parameters.members:
        value = member_node(entry, "value")
        if value is not None:
            values[name] = value.value
        elif member_node(entry, "reference") is not None:
            values[name] = Unknown(f"parameter '{name}' comes from a Key Vault secret")
    return values


def merged(values: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Values of several parameter files, later files winning (names case-insensitive)."""
    result: dict[str, Any] = {}
    lowered: dict[str, str] = {}
    for found in values:
        for name, value in found.items():
            previous = lowered.get(name.lower())
            if previous is not None:
                del result[previous]
            result[name] = value
            lowered[name.lower()] = name
    return result
