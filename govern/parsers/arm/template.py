"""One template file: read it, find its parameter values, run its deployment."""

from __future__ import annotations

from typing import Any

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.model.resource import Path
from govern.parsers.arm.deployments import Frame, schema_level, top_target
from govern.parsers.arm.evaluator import Evaluator
from govern.parsers.arm.reading import read_json
from govern.parsers.arm.registry import Registry
from govern.parsers.arm.resources import process
from govern.parsers.arm.template_scope import TemplateScope, member_node
from govern.parsers.budget import BudgetExceeded
from govern.parsers.deploy_choices import merge_readings, only_chosen_note
from govern.parsers.json_positions import JNode
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
    evaluator = Evaluator(path, Registry())
    evaluator.notices.extend(read)
    natives, scope = _deploy(evaluator, path, root, supplied, choices_open=False)
    if natives is None:
        return [], evaluator.notices
    choosable = scope.choosable() if scope is not None else []
    if choosable and scope is not None:
        natives = _with_choices(natives, path, root, supplied, choosable, evaluator.notices,
                                _reusable(evaluator, natives), evaluator.same_in_part,
                                (scope, not evaluator.expansion_read_choice))
    return natives, evaluator.notices


def _deploy(evaluator: Evaluator, path: str, root: JNode, supplied: dict[str, Any],
            choices_open: bool, first: tuple[TemplateScope, bool] | None = None
            ) -> tuple[list[NativeResource] | None, TemplateScope | None]:
    """The template's resources (None when it cannot be read to the end: the error is
    among the evaluator's notices) and its scope. `first`: in the second reading, the
    first reading's scope and whether the resources registered are the same in both
    (TemplateScope.take_over)."""
    schema = member_node(root, "$schema")
    target = top_target(schema_level(schema.value if schema is not None else None))
    natives: list[NativeResource] = []
    scope: TemplateScope | None = None
    try:
        scope = TemplateScope(evaluator, root, target, supplied, choices_open)
        if first is not None:
            scope.take_over(*first)
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
        return None, scope
    except RecursionError:
        evaluator.error("the template is nested too deeply to be read", "parse-error",
                        evaluator.resource_line or root.line)
        return None, scope
    return natives, scope


def _reusable(evaluator: Evaluator, natives: list[NativeResource]
              ) -> dict[tuple[str, str, int], NativeResource]:
    """The top-level resources of the first reading that the second would read the same,
    by address, type and line: those whose evaluation read no parameter left to the
    deployer (not even through a variable or another parameter) and, where which
    resources exist or their names read one, looked up no other resource. Nested
    deployments are always read again (their templates' parameters are not followed)."""
    return {(native.address, native.native_type, native.range.start_line): native
            for native in evaluator.same_both_ways}


def _with_choices(natives: list[NativeResource], path: str, root: JNode,
                  supplied: dict[str, Any], choosable: list[str],
                  notices: list[Notice],
                  reusable: dict[tuple[str, str, int], NativeResource],
                  in_part: dict[tuple[str, str, int], tuple[NativeResource, frozenset[Path]]],
                  first: tuple[TemplateScope, bool]) -> list[NativeResource]:
    """The template deployed again with the parameters left to the deployer open, merged
    into the deployment with the defaults (parsers/deploy_choices.py). Resources are
    matched by type, line and order (their names may come from those parameters). The
    second deployment's notices repeat the first's and are dropped; if it cannot be
    completed, the first stands. Resources in `reusable` are not evaluated again: what
    they read is the same in both readings, so the second reading's value would be the
    first's; of those `in_part`, only the members that read a parameter left open are
    (readings.py)."""
    second = Evaluator(path, Registry())
    second.reuse = reusable
    second.reuse_in_part = in_part
    chosen, _ = _deploy(second, path, root, supplied, choices_open=True, first=first)
    if chosen is None:
        return natives
    which = ", ".join(choosable)
    reason = (f"parameter{'s' if len(choosable) > 1 else ''} {which} "
              f"{'are' if len(choosable) > 1 else 'is'} chosen at deploy time")
    merged, only_chosen = merge_readings(
        natives, chosen, lambda n: (n.native_type, n.range.file, n.range.start_line), reason)
    notices.extend(only_chosen_note(native, which) for native in only_chosen)
    return [*merged, *only_chosen]


def source_notice(exc: SourceError) -> Notice:
    return Notice("error", exc.message, exc.file, exc.line, exc.hint, code="parse-error")
