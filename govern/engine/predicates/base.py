"""What every predicate shares: its context, its declared arguments, three-valued helpers.

A predicate is a named, pure function `(value, args, ctx) -> Verdict` that says what YAML
cannot say well (is this CIDR open to the internet? does this IAM statement grant admin?).
`value` is the value at the condition's `attr` path (`None` when absent); the verdict's path
is relative to that value and points at the offending element.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.regex import regex_problem

Tri = bool | None  # three-valued truth: True, False, None (unknown)
ArgKind = Literal["ports", "strings", "tag_requirements"]


@dataclass(frozen=True)
class PredicateContext:
    """The resource being checked, its graph, and the absolute path of `value`."""

    resource: Resource
    graph: ResourceGraph
    path: Path = ()


PredicateFunction = Callable[[Any, Mapping[str, Any], PredicateContext], Verdict]


@dataclass(frozen=True)
class ArgSpec:
    """One argument a predicate accepts: `ports` (a list of port numbers 0-65535),
    `strings` (a list of non-empty strings) or `tag_requirements` (a list of tag keys,
    `{key, values: [...]}` or `{key, pattern: RE}`; empty: a tagging rule that requires
    nothing, which does not run)."""

    kind: ArgKind
    required: bool = False


@dataclass(frozen=True)
class Predicate:
    name: str
    function: PredicateFunction
    args: Mapping[str, ArgSpec] = field(default_factory=dict)
    # kinds it finds anywhere in the scan by a name or an ARN, not only through the
    # resource's edges: a rule calling it is judged on the whole scan's resources of these
    # kinds, not within one unit of work (`govern.units.scanwide`)
    looks_up: frozenset[str] = frozenset()

    @property
    def summary(self) -> str:
        """The first paragraph of the function's docstring, on one line."""
        doc = (self.function.__doc__ or "").strip().split("\n\n")[0]
        return " ".join(line.strip() for line in doc.splitlines())

    def __call__(self, value: Any, args: Mapping[str, Any], ctx: PredicateContext) -> Verdict:
        return self.function(value, args, ctx)


def predicate(function: PredicateFunction, looks_up: Iterable[str] = (), **args: ArgSpec
              ) -> Predicate:
    """Declare a predicate named after its function; `looks_up`: the kinds it finds in the
    whole scan by name (`Predicate.looks_up`)."""
    return Predicate(function.__name__, function, args, frozenset(looks_up))


def arg_problem(spec: ArgSpec, value: Any) -> str | None:
    """Why `value` is not acceptable for an argument of `spec` (None when it is)."""
    if spec.kind == "tag_requirements" and value == []:
        return None  # nothing required: the rule does not run (config.apply)
    if not isinstance(value, list) or not value:
        return "must be a non-empty list"
    if spec.kind == "ports":
        if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 65535
                   for v in value):
            return "must be a list of port numbers (0-65535)"
    elif spec.kind == "tag_requirements":
        return next(filter(None, map(tag_requirement_problem, value)), None)
    elif not all(isinstance(v, str) and v for v in value):
        return "must be a list of non-empty strings"
    return None


def tag_requirement_problem(entry: Any) -> str | None:
    """Why `entry` is not a tag requirement: a non-empty key, `{key, values: [...]}` or
    `{key, pattern: RE}` (None when it is)."""
    if isinstance(entry, str) and entry:
        return None
    shape = "must list tag keys, {key, values: [...]} or {key, pattern: RE}"
    if not isinstance(entry, Mapping) or len(entry) != 2 or not isinstance(
            entry.get("key"), str) or not entry["key"]:
        return shape
    if "values" in entry:
        values = entry["values"]
        if not isinstance(values, list) or not values or not all(
                isinstance(v, str) for v in values):
            return f"values of tag '{entry['key']}' must be a non-empty list of strings"
        return None
    if "pattern" in entry and isinstance(entry["pattern"], str):
        problem = regex_problem(entry["pattern"])
        if problem is not None:
            return f"pattern of tag '{entry['key']}' is not a regular expression ({problem})"
        return None
    return shape


def as_list(value: Any) -> list[Any] | Unknown:
    """A canonical list value: absent -> [], a single item -> [item], Unknown stays."""
    if value is None:
        return []
    if isinstance(value, (list, Unknown)):
        return value
    return [value]


def all3(values: Iterable[Tri]) -> Tri:
    """Three-valued AND: False if any is False, else None if any is None, else True."""
    result: Tri = True
    for value in values:
        if value is False:
            return False
        if value is None:
            result = None
    return result


@dataclass(frozen=True)
class Part:
    """One three-valued ingredient of a predicate's verdict: its state, text for the
    detail, and where it was decided (path) and why it is unknown (reason)."""

    state: Tri
    text: str = ""
    path: Path = ()
    why: str = ""


def combine(parts: Iterable[Part], detail: str) -> Verdict:
    """All parts must hold for a failure: pass when one is False, fail (at the path of the
    first part that has one, with `detail`) when all are True, else unknown (at the first
    unknown part, with its reason)."""
    items = list(parts)
    state = all3(p.state for p in items)
    if state is False:
        return Verdict("pass")
    if state is True:
        return Verdict("fail", next((p.path for p in items if p.path), ()), detail)
    first = next(p for p in items if p.state is None)
    return Verdict("unknown", first.path, first.why or None)
