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
from govern.parsers.budget import BudgetExceeded
from govern.parsers.native import NativeResource


def parse_template(path: str, supplied: dict[str, Any]) -> tuple[list[NativeResource],
                                                                 list[Notice]]:
    """The native resources of one template file and the notices about it. The template
    is evaluated within its own budget: going over it is an error naming the resource."""
    read: list[Notice] = []
    try:
        root = read_json(path, read)
    except SourceError as exc:
        return [], [*read, source_notice(exc)]
    if root.kind != "object":
        return [], [*read, Notice("error", "an ARM template must be a JSON object", path,
                                  root.line, code="parse-error")]
    schema = member_node(root, "$schema")
    target = top_target(schema_level(schema.value if schema is not None else None))
    evaluator = Evaluator(path, Registry())
    evaluator.notices.extend(read)
    natives: list[NativeResource] = []
    try:
        scope = TemplateScope(evaluator, root, target, supplied)
        profile = member_node(root, "apiProfile")
        frame = Frame(evaluator, path, root, scope, target, target,
                      api_profile=profile.value if profile is not None and (
                          profile.kind == "string") else None)
        process(frame, natives)
    except BudgetExceeded as exc:
        message = exc.render()
        if evaluator.resource and not message.startswith(evaluator.resource):
            message = f"{evaluator.resource}: {message}"
        evaluator.error(f"{message}; the template's resources are not checked",
                        "budget-exceeded", evaluator.resource_line or root.line, exc.hint)
        return [], evaluator.notices
    except RecursionError:
        evaluator.error("the template is nested too deeply to be read", "parse-error",
                        evaluator.resource_line or root.line)
        return [], evaluator.notices
    return natives, evaluator.notices


def source_notice(exc: SourceError) -> Notice:
    return Notice("error", exc.message, exc.file, exc.line, exc.hint, code="parse-error")
