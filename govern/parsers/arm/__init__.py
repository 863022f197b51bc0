"""Azure Resource Manager (ARM) JSON templates -> native resources with evaluated values.

`parse_arm(files, parameter_files)` reads templates (files already classified as ARM
deployment templates), evaluates the template language (parameters, variables,
user-defined functions, expressions, `copy`, `condition`, child resources, inline nested
deployments) and returns one NativeResource per deployed resource instance:

- `format` "arm"; `native_type` the full type (`Microsoft.Network/networkSecurityGroups/
  securityRules` for a child); `address` `<type>/<evaluated name>`
  (`Microsoft.Storage/storageAccounts/stdiag01`), the name as written
  (`[parameters('name')]`) where it is not known statically, `[i]` appended for copy
  instances whose names are written or not distinct (see `resources.py`); `root` the
  template file;
- `attributes` the evaluated resource object (`name` is the full evaluated name, `type`
  the full type; `copy`, `condition` and child `resources` are left out, and a nested
  deployment's inline `template`); `locations` the line range of every path;
- `references` the addresses of resources of the same file named in `dependsOn`, by
  `resourceId(...)`/`reference(...)`/`list*(...)`, and a child's parent;
- `provider` the deployment context: `scope_level` (`resource_group`, `subscription`,
  `management_group`, `tenant`), `scope` (its id, usually partly unknown),
  `subscription_id`, `resource_group_name`, `parent` (address of the lexical parent of
  a child resource), `symbolic_name` (languageVersion 2.0) and `api_profile` (the
  template's `apiProfile`, which gives the API version of resources that have none).

Each template is evaluated within its own budget (`govern.parsers.budget`): a template
that goes over it is an error (`budget-exceeded`) naming the resource, and its resources
are not checked.

Parameter values: see `parameters.py` (explicit files for every template, else the
sibling `<stem>.parameters.json`). Values that cannot be known statically are Unknown;
see `evaluator.py` for the notices.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govern.errors import SourceError
from govern.parsers.arm.parameters import merged, read_parameter_file, sibling_parameter_file
from govern.parsers.arm.template import parse_template, source_notice
from govern.parsers.budget import unit_budget
from govern.parsers.native import ParseResult

__all__ = ["parse_arm"]


def parse_arm(files: Sequence[str], parameter_files: Sequence[str] = ()) -> ParseResult:
    """Native resources of ARM templates. Problems with inputs become notices: a file
    that is not valid JSON or an expression that does not parse is an `error`."""
    result = ParseResult()
    explicit: list[dict[str, Any]] = []
    for path in parameter_files:
        try:
            explicit.append(read_parameter_file(path, result.notices))
        except SourceError as exc:
            result.notices.append(source_notice(exc))
        result.files.append(path)
    shared = merged(explicit)
    sibling_values: dict[str, dict[str, Any]] = {}
    for path in files:
        supplied = shared
        if not parameter_files:
            sibling = sibling_parameter_file(path)
            if sibling is not None:
                if sibling not in sibling_values:
                    try:
                        sibling_values[sibling] = read_parameter_file(sibling, result.notices)
                    except SourceError as exc:
                        result.notices.append(source_notice(exc))
                        sibling_values[sibling] = {}
                    result.files.append(sibling)
                supplied = sibling_values[sibling]
        with unit_budget():
            natives, notices = parse_template(path, supplied)
        result.resources.extend(natives)
        result.notices.extend(notices)
        result.files.append(path)
    return result
