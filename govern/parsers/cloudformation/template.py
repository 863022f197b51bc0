"""One template -> native resources: sections, resources, resource conditions.

Each resource becomes a `NativeResource` whose address is its logical id, whose root is
the template path (one template is one deployment), whose attributes are its evaluated
`Properties` (CloudFormation's own property names) with the source range of every
property path, and whose references are the logical ids it names through `Ref`,
`Fn::GetAtt`, `Fn::Sub` and `DependsOn`. Its range runs from the logical id's line to
the end of its definition.

A resource whose `Condition` is false is not emitted; one whose condition is not known is
emitted, with a note. Problems are notices with the file and line; a broken resource does
not stop the others. A resource whose evaluation goes over the scan unit's budget is an
error (`budget-exceeded`) naming it, and stops the template's evaluation there (the budget
is spent).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.model.finding import Notice
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.budget import BudgetExceeded
from govern.parsers.cloudformation.intrinsics import NO_VALUE, Evaluator, Locations
from govern.parsers.cloudformation.nodes import MAP, SCALAR, SEQ, Node, scalar_text
from govern.parsers.cloudformation.parameters import (
    chosen_at_deploy,
    parameter_values,
    pseudo_parameters,
)
from govern.parsers.deploy_choices import merge_readings, only_chosen_note
from govern.parsers.native import NativeResource

FORMAT = "cloudformation"
_TOO_DEEP = "nest fewer intrinsic functions inside one another"
SAM_TRANSFORM_PREFIX = "AWS::Serverless"


def is_sam(root: Node) -> bool:
    """Whether the template uses the SAM transform."""
    transform = root.get("Transform")
    if transform is None:
        return False
    names = transform.items if transform.kind == SEQ else [transform]
    return any(n.kind == SCALAR and scalar_text(n.value).startswith(SAM_TRANSFORM_PREFIX)
               for n in names)


def read_template(path: str, root: Node, given: dict[str, Any]
                  ) -> tuple[list[NativeResource], list[Notice]]:
    """The native resources of a parsed template, and the problems found on the way."""
    notices: list[Notice] = []

    def error(message: str, line: int, code: str = "invalid-template",
              hint: str | None = None) -> None:
        notices.append(Notice("error", message, path, line, hint, code=code))

    if root.kind != MAP:
        error("the template is not a mapping of sections (Resources, Parameters, ...)",
              root.line)
        return [], notices
    resources_node = root.get("Resources")
    if resources_node is None:
        error("the template has no Resources section", root.line)
        return [], notices
    if resources_node.kind != MAP:
        error("Resources must be a mapping of logical ids to resources",
              resources_node.line)
        return [], notices
    for section in ("Parameters", "Mappings", "Conditions"):
        node = root.get(section)
        if node is not None and node.kind != MAP:
            error(f"{section} must be a mapping", node.line)

    logical_ids = [name for name, _, _ in resources_node.pairs]
    values = parameter_values(root.get("Parameters"), given)

    def evaluator(parameters: dict[str, Any]) -> Evaluator:
        return Evaluator(path, parameters, pseudo_parameters(given), set(logical_ids),
                         root.get("Mappings"), root.get("Conditions"), is_sam(root))

    first = evaluator(values)
    natives = _read_resources(first, path, resources_node, error, notices)
    notices.extend(first.notices)
    chosen = chosen_at_deploy(root.get("Parameters"), given)
    if chosen and not any(n.code == "budget-exceeded" for n in notices):
        natives = _with_choices(natives, evaluator({**values, **chosen}), path,
                                resources_node, logical_ids, sorted(chosen), notices)
    return natives, notices


def _read_resources(evaluator: Evaluator, path: str, resources_node: Node,
                    error: ErrorSink, notices: list[Notice]) -> list[NativeResource]:
    natives: list[NativeResource] = []
    for logical_id, line, node in resources_node.pairs:
        try:
            native = _resource(evaluator, path, logical_id, line, node, error, notices)
        except BudgetExceeded as exc:
            error(f"resource {logical_id}: {exc.render()}; this resource and the ones after "
                  f"it in the template are not checked", line, "budget-exceeded", exc.hint)
            break
        except RecursionError:
            error(f"resource {logical_id}: its values are nested too deeply to evaluate; it "
                  f"is not checked", line, "budget-exceeded", _TOO_DEEP)
            continue
        if native is not None:
            natives.append(native)
    return natives


def _with_choices(natives: list[NativeResource], evaluator: Evaluator, path: str,
                  resources_node: Node, logical_ids: list[str], names: list[str],
                  notices: list[Notice]) -> list[NativeResource]:
    """The template read again with the parameters left to the deployer open (their
    allowed values), merged into the reading with the defaults (parsers/deploy_choices.py).
    The second reading's own notices repeat the first's and are dropped; if it cannot be
    completed (over budget), the first reading stands."""
    dropped: list[Notice] = []

    def error(message: str, line: int, code: str = "invalid-template",
              hint: str | None = None) -> None:
        dropped.append(Notice("error", message, path, line, hint, code=code))

    chosen = _read_resources(evaluator, path, resources_node, error, dropped)
    if any(n.code == "budget-exceeded" for n in dropped):
        return natives
    which = ", ".join(names)
    reason = (f"parameter{'s' if len(names) > 1 else ''} {which} "
              f"{'are' if len(names) > 1 else 'is'} chosen at deploy time")
    merged, only_chosen = merge_readings(natives, chosen, lambda n: n.address, reason)
    notices.extend(only_chosen_note(native, which) for native in only_chosen)
    order = {name: index for index, name in enumerate(logical_ids)}
    return sorted([*merged, *only_chosen], key=lambda native: order[native.address])


ErrorSink = Callable[..., None]


def _resource(evaluator: Evaluator, path: str, logical_id: str, line: int, node: Node,
              error: ErrorSink, notices: list[Notice]) -> NativeResource | None:
    if logical_id.startswith("Fn::ForEach::"):
        notices.append(Notice("note", f"{logical_id}: Fn::ForEach is not expanded; the "
                              f"resources it generates are not checked", path, line,
                              code="not-expanded"))
        return None
    if node.kind != MAP:
        error(f"resource {logical_id} must be a mapping with a Type", node.line)
        return None
    type_node = node.get("Type")
    if type_node is None:
        error(f"resource {logical_id} has no Type", line, hint="add Type: AWS::Service::Resource")
        return None
    if type_node.kind != SCALAR or not isinstance(type_node.value, str):
        error(f"the Type of resource {logical_id} must be a string", type_node.line)
        return None
    condition = node.get("Condition")
    if condition is not None:
        if condition.kind != SCALAR or not isinstance(condition.value, str):
            error(f"the Condition of resource {logical_id} must be a condition name",
                  condition.line)
        else:
            state, why = evaluator.conditions.state(condition.value, condition.line)
            if state is False:
                return None
            if state is None:
                notices.append(Notice(
                    "note", f"{logical_id}: checked although it may not be created "
                    f"({why})", path, condition.line, code="condition-unknown"))
    evaluator.references = []
    attributes: dict[str, Any] = {}
    locations: Locations = {}
    properties = node.get("Properties")
    if properties is not None:
        value = evaluator.value(properties, (), locations)
        if isinstance(value, dict):
            attributes = value
        elif isinstance(value, Unknown):
            # Properties chosen by an unknown condition: nothing is known about them
            locations.clear()
        elif value is not NO_VALUE and not (properties.kind == SCALAR and value is None):
            error(f"the Properties of resource {logical_id} must be a mapping",
                  properties.line)
    _depends_on(evaluator, node.get("DependsOn"))
    return NativeResource(
        format="cloudformation", native_type=type_node.value, address=logical_id,
        range=SourceRange(path, line, max(line, node.end)), attributes=attributes,
        locations=locations, references=list(evaluator.references), root=path)


def _depends_on(evaluator: Evaluator, node: Node | None) -> None:
    if node is None:
        return
    for item in node.items if node.kind == SEQ else [node]:
        if item.kind != SCALAR or not isinstance(item.value, str):
            continue
        if item.value in evaluator.resources:
            evaluator.resolve(item.value, item.line)
        elif not evaluator.is_sam:
            evaluator.report("warning", f"DependsOn names {item.value}, which is not a "
                             f"resource of the template", item.line, "unresolved-reference")
