"""Resources of a deployment: expansion (`copy`, `condition`, child resources) and the
native resources they become.

Per deployment, in two passes (so that `resourceId(...)` and `dependsOn` can name any
resource of the file, declared before or after):
1. expand every resource declaration into instances: one per `copy` index (one instance
   when the count is not known statically, with a note); none when its `condition` is
   false (a condition that is not known statically keeps it, with a note); nested
   `resources` become children (type `<parent type>/<child type>`, name
   `<parent name>/<child name>`). Conditions do not cascade to children (as in ARM).
   `existing` resources (languageVersion 2.0) are only registered;
2. evaluate each instance into a NativeResource; an inline nested deployment then runs
   its template as a deployment of its own (`deployments.py`).

Addresses are `<type>/<evaluated name>` (`Microsoft.Storage/storageAccounts/stdiag01`);
the name as written (`[parameters('name')]`) only where the name is not known statically.
A child's address is `<full type>/<parent name>/<child name>`, each name evaluated or as
written (`Microsoft.Network/networkSecurityGroups/securityRules/nsg1/ssh`). A copy
instance gets `[i]` after its name when the name is written, or when instances of the
loop evaluate to the same name. Resources of nested templates are prefixed with the
deployment's address and `/`. In languageVersion 2.0 templates (`resources` is an object
of symbolic names) the address is the same, and symbolic names resolve `dependsOn` and
`reference()`. A second declaration with the same address in a file gets `#2` appended
(`#3`, ...): two declarations whose names evaluate the same stay distinct.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from govern.model.resource import Path
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.arm.copy_loops import resource_copies
from govern.parsers.arm.deployments import (
    MAX_NESTING,
    Frame,
    evaluation_scope,
    nested_target,
    scope_id,
    supplied_parameters,
)
from govern.parsers.arm.evaluator import Env, Locations
from govern.parsers.arm.readings import USUAL_KEYS, ValueReuse, ValueTracker
from govern.parsers.arm.template_scope import TemplateScope, member_node
from govern.parsers.arm.values import UnknownString, join_parts
from govern.parsers.json_positions import JNode
from govern.parsers.native import NativeResource

DEPLOYMENTS = "microsoft.resources/deployments"
_NOT_ATTRIBUTES = frozenset({"resources", "copy", "condition", "existing"})
@dataclass
class Instance:
    node: JNode
    frame: Frame
    env: Env
    resource_type: str  # full type: `Microsoft.Network/networkSecurityGroups/securityRules`
    name: Any  # evaluated full name: `nsg/rule`
    address: str
    name_path: str  # address names (evaluated or as written, `[i]`) from the top ancestor
    parent: Instance | None
    symbol: str | None
    emit: bool


def process(frame: Frame, out: list[NativeResource]) -> None:
    """Append the native resources of a deployment (and its nested ones) to `out`."""
    ev = frame.evaluator
    declared = member_node(frame.template, "resources")
    if declared is None:
        return
    if declared.kind == "array":
        entries: list[tuple[str | None, JNode]] = [(None, n) for n in declared.elements]
    elif declared.kind == "object":
        entries = [(symbol, n) for symbol, _, n in declared.members]
    else:
        ev.error("\"resources\" must be an array (or, in languageVersion 2.0, an object)",
                 "parse-error", declared.line)
        return
    top = frame.depth == 0
    ev.read_choice = False
    instances: list[Instance] = []
    for symbol, node in entries:
        instances.extend(_expand(node, frame, None, symbol))
    # which resources exist, their names and copies may depend on a parameter left open:
    # then a resource that looks up another, or one of a copy loop, is not read the same
    # both ways (template.py)
    expansion_read_choice = ev.read_choice
    if top:
        ev.expansion_read_choice = expansion_read_choice
    reuse = ev.reuse if top else None
    in_part = ev.reuse_in_part if top else None
    # the first reading notes what each resource reads (when some parameter is left open)
    tracking = top and reuse is None and frame.scope.has_choices() and (
        not frame.scope.choices_open)
    for instance in instances:
        if not instance.emit:
            continue
        same = _same_both_ways(instance)
        kept = reuse.get(same) if reuse is not None else None
        if kept is not None:
            out.append(kept)  # the first reading's: it reads nothing left open
            continue
        partly = in_part.get(same) if in_part is not None else None
        values: ValueTracker | ValueReuse | None = (
            ValueTracker() if tracking else ValueReuse(*partly) if partly else None)
        ev.read_choice = False
        ev.registry.consulted = False
        native, (read_elsewhere, looked_up_elsewhere) = _native(instance, values)
        if isinstance(values, ValueTracker) and not read_elsewhere and not (
                expansion_read_choice and (looked_up_elsewhere or instance.env.copies)) and (
                not _inline_deployment(instance)):
            # what differs between the readings: the values that read a parameter left
            # open and, when which resources exist reads one, those that looked one up
            differ = values.read | values.looked_up if expansion_read_choice else values.read
            if not differ:
                ev.same_both_ways.append(native)
            else:
                ev.same_in_part[same] = (native, frozenset(differ))
        out.append(native)
        if instance.resource_type.lower() == DEPLOYMENTS:
            _nested(instance, native, out)


def _inline_deployment(instance: Instance) -> bool:
    """A nested deployment with its template inline: always read again, with its
    template (whose resources are not followed value by value). One that links its
    template (not scanned) is a resource like the others."""
    if instance.resource_type.lower() != DEPLOYMENTS:
        return False
    return member_node(member_node(instance.node, "properties"), "template") is not None


def _same_both_ways(instance: Instance) -> tuple[str, str, int]:
    """What identifies a resource in both readings of a template (template.py)."""
    return instance.address, instance.resource_type, instance.node.line


def _expand(node: JNode, frame: Frame, parent: Instance | None, symbol: str | None
            ) -> list[Instance]:
    ev = frame.evaluator
    if node.kind != "object":
        ev.warn("a resource must be a JSON object; skipped", "invalid-resource", node.line)
        return []
    type_node = member_node(node, "type")
    if type_node is None or type_node.kind != "string" or not type_node.value:
        ev.warn("resource without a \"type\"; skipped", "invalid-resource", node.line)
        return []
    written_type = type_node.value.strip("/")
    relative = parent is not None and not _qualified(written_type)
    resource_type = f"{parent.resource_type}/{written_type}" if (
        relative and parent is not None) else written_type
    name_node = member_node(node, "name")
    written_name = name_node.value if name_node is not None and name_node.kind == "string" \
        else ""
    ev.resource, ev.resource_line = f"{frame.prefix}{resource_type}/{written_name}", node.line
    base_env = parent.env if parent is not None else frame.env()
    existing = member_node(node, "existing")
    is_existing = existing is not None and existing.value is True

    deployed: list[tuple[int | None, Env, str | None, Any]] = []
    for index, env, loop in resource_copies(frame.evaluator, node, base_env,
                                            f"{resource_type}/{written_name}"):
        if not _deployed(node, env, frame, resource_type, written_name):
            continue
        own = ev.tree(name_node, env) if name_node is not None else Unknown(
            "the resource has no name")
        deployed.append((index, env, loop, own))
    segments = _name_segments(written_name, deployed)

    results: list[Instance] = []
    for (_, env, loop, own), segment in zip(deployed, segments, strict=True):
        name = join_parts([parent.name, "/", own]) if relative and parent is not None else own
        name_path = (f"{parent.name_path}/" if relative and parent is not None else "") + (
            segment)
        address = ev.registry.unique(f"{frame.prefix}{resource_type}/{name_path}")
        ev.registry.add(address, resource_type, name, loop, symbol)
        instance = Instance(node, frame, env, resource_type, name, address, name_path,
                            parent, symbol, emit=not is_existing)
        results.append(instance)
        children = member_node(node, "resources")
        if children is not None and children.kind == "array" and not is_existing:
            for child in children.elements:
                results.extend(_expand(child, frame, instance, None))
    return results


def _name_segments(written_name: str,
                   deployed: list[tuple[int | None, Env, str | None, Any]]) -> list[str]:
    """The address segment of each instance of a declaration: its evaluated name when it
    is a known string, else the name as written. A copy instance whose name is written, or
    whose evaluated name another instance of the loop shares, gets its index (`[i]`)."""
    evaluated = [own if isinstance(own, str) and own else None for _, _, _, own in deployed]
    seen: dict[str, int] = {}
    for name in evaluated:
        if name is not None:
            seen[name.lower()] = seen.get(name.lower(), 0) + 1
    segments = []
    for (index, _, _, _), name in zip(deployed, evaluated, strict=True):
        shared = name is not None and seen[name.lower()] > 1
        segment = name if name is not None else written_name
        segments.append(segment if index is None or (name is not None and not shared)
                        else f"{segment}[{index}]")
    return segments


def _qualified(resource_type: str) -> bool:
    """`Microsoft.Network/networkSecurityGroups/securityRules` (not `securityRules`)."""
    head = resource_type.split("/", 1)[0]
    return "/" in resource_type and "." in head


def _deployed(node: JNode, env: Env, frame: Frame, resource_type: str, written_name: str
              ) -> bool:
    """False when the resource's `condition` is false."""
    condition_node = member_node(node, "condition")
    if condition_node is None:
        return True
    ev = frame.evaluator
    condition = ev.tree(condition_node, env)
    if condition is False:
        return False
    if isinstance(condition, Unknown):
        ev.note(f"{resource_type}/{written_name}: the condition is not known statically "
                f"({condition.reason}); scanned as if deployed", "unknown-condition",
                condition_node.line)
    elif condition is not True:
        ev.warn(f"{resource_type}/{written_name}: the condition is not a boolean "
                f"({condition!r}); scanned as if deployed", "eval-error", condition_node.line)
    return True


def _native(instance: Instance, values: ValueTracker | ValueReuse | None = None
            ) -> tuple[NativeResource, tuple[bool, bool]]:
    """The native resource of an instance, and whether evaluating its values read a
    parameter left open, and looked a resource up, other than in a string `values`
    (readings.py) was given: its strings, members and elements are given to it one by
    one."""
    frame = instance.frame
    ev = frame.evaluator
    ev.resource, ev.resource_line = instance.address, instance.node.line
    refs: set[str] = set()
    env = instance.env.derive(refs=refs)
    locations: Locations = {}
    deployment = instance.resource_type.lower() == DEPLOYMENTS

    def skip(path: Path) -> bool:
        if len(path) == 1:
            return str(path[0]).lower() in _NOT_ATTRIBUTES
        return deployment and len(path) == 2 and str(path[0]).lower() == "properties" and (
            str(path[1]).lower() == "template")

    ev.values = values
    try:
        value = ev.tree(instance.node, env, (), locations, skip)
    finally:
        ev.values = None
    elsewhere = (ev.read_choice, ev.registry.consulted)
    attributes: dict[str, Any] = value if isinstance(value, dict) else {}
    _normalize_keys(attributes, locations)
    attributes["type"] = instance.resource_type
    attributes["name"] = instance.name
    locations.pop((), None)

    for entry in _as_list(attributes.get("dependsOn")):
        refs.update(ev.registry.designated(entry))
    refs.update(_refs_in(attributes))
    if instance.parent is not None:
        refs.add(instance.parent.address)
    refs.discard(instance.address)
    target = frame.target
    context = {
        "scope_level": target.level,
        "scope": scope_id(target),
        "subscription_id": target.subscription_id,
        "resource_group_name": target.resource_group,
        "parent": instance.parent.address if instance.parent is not None else None,
        "symbolic_name": instance.symbol,
        "api_profile": frame.api_profile,
    }
    return NativeResource(
        format="arm", native_type=instance.resource_type, address=instance.address,
        range=SourceRange(ev.file, instance.node.line, instance.node.end_line),
        attributes=attributes, locations=locations, references=sorted(refs),
        provider=context, root=frame.root), elsewhere


def _normalize_keys(attributes: dict[str, Any], locations: Locations) -> None:
    """Top-level keys written in another case (`Properties`) get ARM's usual spelling."""
    for key in list(attributes):
        usual = USUAL_KEYS.get(key.lower())
        if usual is None or usual == key:
            continue
        attributes[usual] = attributes.pop(key)
        for path in [p for p in locations if p and p[0] == key]:
            locations[(usual, *path[1:])] = locations.pop(path)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _refs_in(value: Any) -> Iterator[str]:
    """Addresses carried by Unknown values (`reference()`, `resourceId()` of resources of
    this file) anywhere inside `value`."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Unknown):
            if item.ref is not None:
                yield item.ref
            if isinstance(item, UnknownString):
                stack.extend(item.parts)
            alternatives = getattr(item, "alternatives", None)
            if alternatives:
                stack.extend(alternatives)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _nested(instance: Instance, native: NativeResource, out: list[NativeResource]) -> None:
    """Run the inline template of a nested deployment."""
    frame = instance.frame
    ev = frame.evaluator
    properties = member_node(instance.node, "properties")
    template = member_node(properties, "template")
    if template is None:
        if member_node(properties, "templateLink") is not None:
            ev.note(f"{instance.address}: linked template (templateLink) not scanned",
                    "linked-template", instance.node.line)
        return
    if template.kind != "object":
        ev.warn(f"{instance.address}: the nested template is not an object; not scanned",
                "invalid-resource", template.line)
        return
    if frame.depth >= MAX_NESTING:
        ev.warn(f"{instance.address}: nested templates deeper than {MAX_NESTING} levels are "
                f"not scanned", "invalid-resource", template.line)
        return
    target = nested_target(frame.target, native.attributes)
    if evaluation_scope(native.attributes) == "inner":
        scope = TemplateScope(ev, template, target, supplied_parameters(native.attributes))
        expression_target = target
        copies: dict[str, Any] = {}
    else:
        scope = frame.scope
        expression_target = frame.expression_target
        copies = dict(instance.env.copies)
    profile = member_node(template, "apiProfile")
    inner = Frame(ev, frame.root, template, scope, expression_target, target,
                  prefix=f"{instance.address}/", copies=copies, depth=frame.depth + 1,
                  api_profile=profile.value if profile is not None and profile.kind == "string"
                  else frame.api_profile)
    process(inner, out)
