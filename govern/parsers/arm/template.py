"""One template file: read it, find its parameter values, run its deployment."""

from __future__ import annotations

from typing import Any

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.arm.deployments import Frame, schema_level, top_target
from govern.parsers.arm.evaluator import Evaluator
from govern.parsers.arm.reading import read_json
from govern.parsers.arm.registry import Registry
from govern.parsers.arm.resources import process
from govern.parsers.arm.template_scope import TemplateScope, member_node
from govern.parsers.native import NativeResource


def parse_template(path: str, supplied: dict[str, Any]) -> tuple[list[NativeResource],
                                                                 list[Notice]]:
    """The native resources of one template file and the notices about it."""
    try:
        root = read_json(path)
    except SourceError as exc:
        return [], [source_notice(exc)]
    if root.kind != "object":
        return [], [Notice("error", "an ARM template must be a JSON object", path, root.line,
                           code="parse-error")]
    schema = member_node(root, "$schema")
    target = top_target(schema_level(schema.value if schema is not None else None))
    evaluator = Evaluator(path, Registry())
    scope = TemplateScope(evaluator, root, target, supplied)
    profile = member_node(root, "apiProfile")
    frame = Frame(evaluator, path, root, scope, target, target,
                  api_profile=profile.value if profile is not None and profile.kind == "string"
                  else None)
    natives: list[NativeResource] = []
    try:
        process(frame, natives)
    except RecursionError:
        evaluator.error("the template is nested too deeply to be read", "parse-error", None)
        return [], evaluator.notices
    return natives, evaluator.notices


def source_notice(exc: SourceError) -> Notice:
    return Notice("error", exc.message, exc.file, exc.line, exc.hint, code="parse-error")
