"""A planned resource's attributes: `change.after`, with the values `after_unknown` marks
replaced by `Unknown("known after apply")`, kept to what the configuration writes.

`after_unknown` mirrors `after`: `true` where a value is unknown (a whole attribute, a
list element, a nested attribute), objects holding only the keys with unknowns inside,
lists with one entry per element. Terraform leaves unknown object members out of `after`
and writes `null` for unknown list elements.

Why the configuration filters the values: a plan also lists every attribute the provider
computes (`arn`, and on `aws_s3_bucket` the legacy `server_side_encryption_configuration`,
`versioning`, `grant`, ...): unknown for a new resource, and read back from the real
object for one that exists. Scanning those would report every new bucket's encryption as
unknown, and fold an existing security group's separate rules in twice. So, like the
configuration scan, a resource's attributes are what its configuration writes (the names
in the plan's `configuration` expressions, at every nesting level), with their planned
values, plus:
- `id`, `arn` (to recognise resources other resources name by their known id or ARN) and
  `tags_all` (the provider's effective tags, `default_tags` merged in);
- blocks written with `dynamic` (the `configuration` section leaves them out): named by
  the caller when the Terraform source is at hand; otherwise, for a resource being
  created, a known non-empty list of objects the configuration does not list (a
  provider computes no known nested blocks for a new resource).
Without a `configuration` for the resource, every value is kept.
Values inside an attribute (`tags = {...}`, `ingress = [...]` as an attribute) are kept
whole. Nulls are left out (a null is "not set").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from govern.model.resource import Path
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.json_positions import JNode
from govern.parsers.tfplan.configuration import is_expression

UNKNOWN_REASON = "known after apply"
# Computed attributes kept although the configuration does not write them.
COMPUTED_KEPT = frozenset({"id", "arn", "tags_all"})

RefFor = Callable[[Any], "str | None"]


@dataclass(frozen=True)
class PlanValues:
    attributes: dict[str, Any]
    locations: dict[Path, SourceRange]  # where each kept path is in the plan file


def plan_values(after: JNode | None, unknown: JNode | None, expressions: dict[str, Any] | None,
                file: str, ref_for: RefFor, dynamic: frozenset[str] = frozenset(),
                creating: bool = False, locate: bool = True) -> PlanValues:
    """The attributes of one resource change. `expressions` is the resource's
    configuration (None when the plan has none: then nothing is left out); `ref_for`
    gives the resource an expression refers to (the `ref` of an Unknown); `dynamic` names
    blocks written with `dynamic`; `creating` when the resource is (re)created; `locate`
    when the plan-file locations are wanted."""
    builder = _Builder(file, ref_for, locate)
    attributes: dict[str, Any] = {}
    if after is None or after.kind != "object":
        return PlanValues(attributes, builder.locations)
    for key, after_child, unknown_child in _members(after, unknown):
        if expressions is not None and key in expressions and key not in dynamic:
            spec: Any = expressions[key]  # written (`arn` is an argument of some types)
        elif (expressions is None or key in COMPUTED_KEPT or key in dynamic
              or (creating and _known_blocks(after_child, unknown_child))):
            spec = None
        else:
            continue
        value = builder.value(after_child, unknown_child, spec, (key,),
                              spec if is_expression(spec) else None)
        if value is not None:
            attributes[key] = value
    return PlanValues(attributes, builder.locations)


class _Builder:
    def __init__(self, file: str, ref_for: RefFor, locate: bool) -> None:
        self.file = file
        self.ref_for = ref_for
        self.locate = locate
        self.locations: dict[Path, SourceRange] = {}
        self._ranges: dict[tuple[int, int], SourceRange] = {}

    def value(self, after: JNode | None, unknown: JNode | None, spec: Any, path: Path,
              expression: Any) -> Any:
        """The value at `path`: `spec` is its configuration (an expression, a nested
        block, a list of blocks, or None), `expression` the expression it comes from."""
        if unknown is not None and unknown.value is True:
            self._locate(path, after if after is not None else unknown)  # after: a null
            ref = self.ref_for(expression) if expression is not None else None
            return Unknown(UNKNOWN_REASON, ref=ref)
        if after is None or after.kind == "null":
            return None
        self._locate(path, after)
        if after.kind == "object":
            return self._object(after, unknown, spec, path, expression)
        if after.kind == "array":
            element = merge_blocks(spec) if isinstance(spec, list) else spec
            inner = None if isinstance(spec, list) else expression
            unknowns = unknown.elements if unknown is not None else ()
            return [self.value(child, unknowns[i] if i < len(unknowns) else None, element,
                               (*path, i), inner)
                    for i, child in enumerate(after.elements)]
        return after.value

    def _object(self, after: JNode, unknown: JNode | None, spec: Any, path: Path,
                expression: Any) -> dict[str, Any]:
        block = spec if isinstance(spec, dict) and not is_expression(spec) else None
        out: dict[str, Any] = {}
        for key, after_child, unknown_child in _members(after, unknown):
            if block is None:
                child_spec, child_expression = spec, expression
            elif key in block:
                child_spec = block[key]
                child_expression = child_spec if is_expression(child_spec) else None
            else:
                continue
            value = self.value(after_child, unknown_child, child_spec, (*path, key),
                               child_expression)
            if value is not None:
                out[key] = value
        return out

    def _locate(self, path: Path, node: JNode) -> None:
        if not self.locate:
            return
        lines = (node.line, node.end_line)
        found = self._ranges.get(lines)
        if found is None:
            found = self._ranges[lines] = SourceRange(self.file, *lines)
        self.locations[path] = found


def merge_blocks(blocks: list[Any]) -> dict[str, Any]:
    """The configuration of every element of a block list, as one block: sets are
    reordered in the plan, so an element cannot be matched to the block it came from."""
    merged: dict[str, Any] = {}
    for block in blocks:
        if not isinstance(block, dict):
            continue
        for key, value in block.items():
            if key not in merged:
                merged[key] = value
            elif isinstance(merged[key], list) and isinstance(value, list):
                merged[key] = merged[key] + value
    return merged


def _members(after: JNode, unknown: JNode | None
             ) -> Iterator[tuple[str, JNode | None, JNode | None]]:
    """The keys of an object in `after`, then those only `after_unknown` has, with both
    children."""
    unknowns = {key: child for key, _, child in unknown.members} if (
        unknown is not None and unknown.kind == "object") else {}
    for key, _, child in after.members:
        yield key, child, unknowns.get(key)
    seen = {key for key, _, _ in after.members}
    for key, child in unknowns.items():
        if key not in seen:
            yield key, None, child


def _known_blocks(after: JNode | None, unknown: JNode | None) -> bool:
    """A known, non-empty list of objects (the expansion of a `dynamic` block)."""
    return (after is not None and after.kind == "array" and bool(after.elements)
            and all(e.kind == "object" for e in after.elements)
            and (unknown is None or unknown.value is not True))
