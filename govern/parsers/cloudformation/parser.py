"""`parse_cloudformation`: templates (YAML or JSON) and parameter files -> native resources.

A template is read as JSON when its first non-blank character is `{`, else as YAML.
A file that cannot be read or parsed is an error notice (code `parse-error`, with its
line); the other templates are still read. A file that is not UTF-8 is read as
Windows-1252 with a warning naming the first byte that was not (`decode-fallback`).
Duplicate keys are warnings (`duplicate-key`): CloudFormation keeps the last value, and so
does govern.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.budget import unit_budget
from govern.parsers.cloudformation.json_loader import load_json
from govern.parsers.cloudformation.nodes import Node
from govern.parsers.cloudformation.parameters import read_parameter_files
from govern.parsers.cloudformation.reading import read_text
from govern.parsers.cloudformation.template import read_template
from govern.parsers.cloudformation.yaml_loader import load_yaml
from govern.parsers.native import ParseResult


def parse_cloudformation(files: Sequence[str], parameter_files: Sequence[str] = ()
                         ) -> ParseResult:
    """Native resources of every template in `files` (in file order, then source order).
    `parameter_files` give parameter values to every template (see `parameters`). Each
    template is evaluated within its own budget (`govern.parsers.budget`)."""
    result = ParseResult()
    given, notices = read_parameter_files(parameter_files)
    result.notices.extend(notices)
    for path in files:
        with unit_budget():
            _parse_one(path, given, result)
    return result


def _parse_one(path: str, given: dict[str, Any], result: ParseResult) -> None:
    try:
        root, duplicates = load_template(path, result.notices)
    except SourceError as exc:
        result.notices.append(Notice("error", exc.message, exc.file, exc.line, exc.hint,
                                     code="parse-error"))
        return
    result.files.append(path)
    for key, line, first in duplicates:
        where = f" (first defined on line {first})" if first else ""
        result.notices.append(Notice(
            "warning", f"duplicate key '{key}'{where}; the last value is used", path,
            line, "CloudFormation keeps the last value; cfn-lint rejects the template",
            code="duplicate-key"))
    natives, notices = read_template(path, root, given)
    result.resources.extend(natives)
    result.notices.extend(notices)


def load_template(path: str, notices: list[Notice] | None = None
                  ) -> tuple[Node, list[tuple[str, int, int]]]:
    """The positioned tree of a template file; raise SourceError when it cannot be read
    or parsed. Warnings about how it was read (not UTF-8, a lone surrogate) go to
    `notices` when given."""
    text = read_text(path, notices)
    if text.lstrip().startswith("{"):
        return load_json(text, path, notices)
    return load_yaml(text, path)
