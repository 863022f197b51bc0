"""Compiled conditions, evaluated per resource in three-valued logic.

The nodes are built by `govern.engine.condition_compiler.compile_condition`, which checks
everything evaluation relies on, so evaluation never meets a malformed condition. Each
node's `evaluate(ctx, base)` returns a `Verdict` whose path is absolute in the resource
being checked; `base` is the element being checked inside `each`/`some` (paths in the YAML
are relative to it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from govern.engine.operators import Operator, prepare_value
from govern.engine.predicates import Predicate, PredicateContext
from govern.engine.predicates.base import arg_problem
from govern.engine.verdict import Verdict, VerdictStatus, dotted
from govern.model.graph import ResourceGraph
from govern.model.resource import Path, Resource
from govern.model.unknown import Defaulted, Undeclared, Unknown, leaf_alternatives

# The edge relations adapters produce (docs/canonical-model.md, "Edges").
RELATIONS = ("attached_policy", "logging_target", "references", "security_group")
_ABSENT = object()


@dataclass(frozen=True)
class EvalContext:
    graph: ResourceGraph
    resource: Resource


@dataclass(frozen=True)
class ParamRef:
    """`{param: NAME}`: a rule parameter, resolved when the rule is bound to its parameters."""

    name: str


class Condition:
    """A compiled condition. Subclasses are frozen dataclasses."""

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        raise NotImplementedError

    def bind(self, params: Mapping[str, Any]) -> Condition:
        """This condition with parameter references resolved (ValueError if a value does not
        fit)."""
        return self


def _common_prefix(paths: Sequence[Path]) -> Path:
    if not paths:
        return ()
    first = paths[0]
    size = len(first)
    for other in paths[1:]:
        size = min(size, len(other))
        for index in range(size):
            if first[index] != other[index]:
                size = index
                break
    return first[:size]


def _first_detail(verdicts: Sequence[Verdict]) -> str | None:
    return next((v.detail for v in verdicts if v.detail), None)


def _kleene(items: Sequence[Condition], ctx: EvalContext, base: Path,
            decisive: VerdictStatus) -> Verdict:
    """Three-valued `all` (decisive "fail") or `any` (decisive "pass"): the first decisive
    verdict wins; else the first unknown; else the other outcome, on the common path of
    the items."""
    others: list[Verdict] = []
    first_unknown: Verdict | None = None
    for item in items:
        verdict = item.evaluate(ctx, base)
        if verdict.status == decisive:
            return verdict
        if verdict.status == "unknown":
            first_unknown = first_unknown or verdict
        else:
            others.append(verdict)
    if first_unknown is not None:
        return first_unknown
    outcome: VerdictStatus = "pass" if decisive == "fail" else "fail"
    return Verdict(outcome, _common_prefix([v.path for v in others]), _first_detail(others))


@dataclass(frozen=True)
class All(Condition):
    items: tuple[Condition, ...]

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        return _kleene(self.items, ctx, base, decisive="fail")

    def bind(self, params: Mapping[str, Any]) -> Condition:
        return All(tuple(item.bind(params) for item in self.items))


@dataclass(frozen=True)
class AnyOf(Condition):
    items: tuple[Condition, ...]

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        return _kleene(self.items, ctx, base, decisive="pass")

    def bind(self, params: Mapping[str, Any]) -> Condition:
        return AnyOf(tuple(item.bind(params) for item in self.items))


@dataclass(frozen=True)
class Not(Condition):
    item: Condition

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        verdict = self.item.evaluate(ctx, base)
        if verdict.status == "unknown":
            return verdict
        return replace(verdict, status="fail" if verdict.status == "pass" else "pass")

    def bind(self, params: Mapping[str, Any]) -> Condition:
        return Not(self.item.bind(params))


def _unknown_reason(value: Any) -> str:
    """The reason of the first Unknown in `value`."""
    if isinstance(value, Unknown):
        return value.reason
    children = value.values() if isinstance(value, Mapping) else (
        value if isinstance(value, list) else ())
    for child in children:
        found = _unknown_reason(child)
        if found:
            return found
    return ""


@dataclass(frozen=True)
class AttrTest(Condition):
    path: Path
    op: Operator
    value: Any = None  # prepared (a compiled regex for matches), or a ParamRef

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        path = base + self.path
        actual = ctx.resource.get(path, _ABSENT)
        if isinstance(actual, Unknown):
            chosen = _over_choices(actual, path, lambda value: _verdict(
                self._state(value), path))
            if chosen is not None:
                return chosen
        state = self._state(actual)
        if state is None:
            why = _unknown_reason(actual) or "not known statically"
            return Verdict("unknown", path, f"{dotted(path)}: {why}")
        return Verdict("pass" if state else "fail", path)

    def _state(self, actual: Any) -> bool | None:
        if actual is _ABSENT or actual is None:
            return self.op.absent
        if isinstance(actual, Undeclared):
            return None  # not even known to be set: `exists`/`absent` cannot tell either
        if isinstance(actual, Unknown):
            return self.op.unknown
        return self.op.test(actual, self.value)

    def bind(self, params: Mapping[str, Any]) -> Condition:
        if not isinstance(self.value, ParamRef):
            return self
        return replace(self, value=prepare_value(self.op, params[self.value.name]))


def _verdict(state: bool | None, path: Path) -> Verdict:
    return Verdict("pass" if state else "fail" if state is False else "unknown", path)


def _over_choices(value: Unknown, path: Path, verdict_of: Callable[[Any], Verdict]
                  ) -> Verdict | None:
    """The verdict on an Unknown whose possible values are known, from `verdict_of` each
    of them; None when they are not known.

    A `Defaulted` value fails when it fails on its default (what deploys unless the
    deployer overrides it); otherwise it passes only when it passes on every alternative,
    and is unknown when some alternative does not pass or the alternatives are not known.
    Other Unknowns with alternatives: see _over_alternatives."""
    alternatives = leaf_alternatives(value)
    if not isinstance(value, Defaulted):
        if alternatives is None:
            return None
        return _over_alternatives([verdict_of(a) for a in alternatives], path, value)
    on_default = verdict_of(value.default)
    if on_default.status == "fail":
        detail = f"with the parameters' defaults; {value.reason}"
        return Verdict("fail", on_default.path,
                       f"{on_default.detail}; {detail}" if on_default.detail else detail)
    if alternatives is not None:
        verdict = _over_alternatives([verdict_of(a) for a in alternatives], path, value)
        if verdict.status == "pass":
            return verdict
    return Verdict("unknown", path, f"{dotted(path)}: {value.reason}")


def _over_alternatives(verdicts: Sequence[Verdict], path: Path, value: Unknown) -> Verdict:
    """One verdict from the verdicts on each alternative of `value` (at `path`): fail when
    every alternative fails, pass when every one passes, else unknown."""
    statuses = {v.status for v in verdicts}
    if statuses == {"fail"}:
        first = verdicts[0]
        detail = f"in every branch: {value.reason}"
        return Verdict("fail", first.path,
                       f"{first.detail}; {detail}" if first.detail else detail)
    if statuses == {"pass"}:
        return Verdict("pass", verdicts[0].path)
    return Verdict("unknown", path, f"{dotted(path)}: {value.reason}")


def _substituted(resource: Resource, path: Path, value: Any) -> Resource:
    """A copy of `resource` whose value at `path` is `value` (absent when None); only the
    containers along `path` are copied."""
    attributes: Any = dict(resource.attributes)
    node = attributes
    for index, part in enumerate(path):
        last = index == len(path) - 1
        if isinstance(node, dict):
            child = None if last else node.get(part)
            copied = (dict(child) if isinstance(child, dict) else list(child)
                      if isinstance(child, list) else {})
            if last:
                if value is None:
                    node.pop(part, None)
                else:
                    node[part] = value
            else:
                node[part] = copied
            node = copied
        elif isinstance(node, list) and isinstance(part, int) and -len(node) <= part < len(node):
            child = None if last else node[part]
            copied = (dict(child) if isinstance(child, dict) else list(child)
                      if isinstance(child, list) else {})
            node[part] = value if last else copied
            node = copied
        else:
            break
    return replace(resource, attributes=attributes)


def _each_choice(condition: Condition, ctx: EvalContext, base: Path, path: Path,
                 value: Unknown) -> Verdict | None:
    """Evaluate `condition` once per possible value at `path` (see _over_choices)."""
    return _over_choices(value, path, lambda choice: condition.evaluate(
        EvalContext(ctx.graph, _substituted(ctx.resource, path, choice)), base))


def _items(ctx: EvalContext, path: Path) -> list[Any] | Verdict:
    """The list at `path`, or the verdict to give when it is absent, Unknown or not a list
    (absent is `pass`; the caller flips it for `some`)."""
    items = ctx.resource.get(path, None)
    if items is None:
        return Verdict("pass", path)
    if isinstance(items, Unknown):
        return Verdict("unknown", path, f"{dotted(path)}: {items.reason}")
    if not isinstance(items, list):
        return Verdict("unknown", path, f"{dotted(path)} is not a list")
    return items


@dataclass(frozen=True)
class Each(Condition):
    path: Path
    check: Condition

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        path = base + self.path
        value = ctx.resource.get(path, None)
        if isinstance(value, Unknown):
            chosen = _each_choice(self, ctx, base, path, value)
            if chosen is not None:
                return chosen
        items = _items(ctx, path)
        if isinstance(items, Verdict):
            return items
        first_unknown: Verdict | None = None
        for index in range(len(items)):
            verdict = self.check.evaluate(ctx, (*path, index))
            if verdict.status == "fail":
                return verdict
            if verdict.status == "unknown":
                first_unknown = first_unknown or verdict
        return first_unknown or Verdict("pass", path)

    def bind(self, params: Mapping[str, Any]) -> Condition:
        return Each(self.path, self.check.bind(params))


@dataclass(frozen=True)
class Some(Condition):
    path: Path
    check: Condition

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        path = base + self.path
        value = ctx.resource.get(path, None)
        if isinstance(value, Unknown):
            chosen = _each_choice(self, ctx, base, path, value)
            if chosen is not None:
                return chosen
        items = _items(ctx, path)
        if isinstance(items, Verdict):
            return Verdict("fail", path) if items.status == "pass" else items
        first_unknown: Verdict | None = None
        for index in range(len(items)):
            verdict = self.check.evaluate(ctx, (*path, index))
            if verdict.status == "pass":
                return verdict
            if verdict.status == "unknown":
                first_unknown = first_unknown or verdict
        return first_unknown or Verdict("fail", path)

    def bind(self, params: Mapping[str, Any]) -> Condition:
        return Some(self.path, self.check.bind(params))


@dataclass(frozen=True)
class PredicateCall(Condition):
    predicate: Predicate
    path: Path = ()
    args: Mapping[str, Any] = field(default_factory=dict)

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        path = base + self.path
        value = ctx.resource.get(path, None)
        context = PredicateContext(ctx.resource, ctx.graph, path)
        if isinstance(value, Unknown):
            chosen = _over_choices(value, path, lambda choice: self.predicate(
                choice, self.args, context).under(path))
            if chosen is not None:
                return chosen
        verdict = self.predicate(value, self.args, context)
        return verdict.under(path)

    def bind(self, params: Mapping[str, Any]) -> Condition:
        if not any(isinstance(v, ParamRef) for v in self.args.values()):
            return self
        args = {k: params[v.name] if isinstance(v, ParamRef) else v
                for k, v in self.args.items()}
        for name, value in args.items():
            problem = arg_problem(self.predicate.args[name], value)
            if problem:
                raise ValueError(f"argument '{name}' of {self.predicate.name} {problem}")
        return replace(self, args=args)


@dataclass(frozen=True)
class Related(Condition):
    """Tests on the resources connected by `relation` edges; paths inside are relative to
    each related resource. `quantifier` is `every`, `some` or `none`."""

    relation: str
    kind: str | None
    direction: str
    quantifier: str
    check: Condition

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        others = [r for r in ctx.graph.related(ctx.resource, self.relation, self.direction)
                  if self.kind is None or r.kind == self.kind]
        wanted = "fail" if self.quantifier == "every" else "pass"
        first_unknown: Verdict | None = None
        for other in sorted(others, key=lambda r: r.id):
            verdict = self.check.evaluate(EvalContext(ctx.graph, other), ())
            detail = other.address + (f": {verdict.detail}" if verdict.detail else "")
            if verdict.status == wanted:
                return Verdict("pass" if self.quantifier == "some" else "fail", base, detail)
            if verdict.status == "unknown":
                first_unknown = first_unknown or Verdict("unknown", base, detail)
        if first_unknown is not None:
            return first_unknown
        if self.quantifier == "some":
            return Verdict("fail", base, f"no related {self.kind or self.relation} resource"
                           if not others else None)
        return Verdict("pass", base)

    def bind(self, params: Mapping[str, Any]) -> Condition:
        return replace(self, check=self.check.bind(params))


@dataclass(frozen=True)
class When(Condition):
    when: Condition
    then: Condition

    def evaluate(self, ctx: EvalContext, base: Path) -> Verdict:
        guard = self.when.evaluate(ctx, base)
        if guard.status == "fail":
            return Verdict("pass", guard.path)
        if guard.status == "unknown":
            return guard
        return self.then.evaluate(ctx, base)

    def bind(self, params: Mapping[str, Any]) -> Condition:
        return When(self.when.bind(params), self.then.bind(params))


def scan_wide_kinds(condition: Condition) -> frozenset[str]:
    """Empty when `condition` reads only its resource and what its edges lead to; else
    every kind it reads (the kinds its predicates look up anywhere in the scan by name,
    `Predicate.looks_up`, and those its `related` tests name, `*` for any): the rule is
    judged on the whole scan's resources of these kinds (`govern.units.scanwide`)."""
    looked_up: set[str] = set()
    related: set[str] = set()
    todo = [condition]
    while todo:
        current = todo.pop()
        if isinstance(current, PredicateCall):
            looked_up |= current.predicate.looks_up
        elif isinstance(current, Related):
            related.add(current.kind or "*")
        for value in vars(current).values():  # conditions are dataclasses (not slotted)
            for part in value if isinstance(value, tuple) else (value,):
                if isinstance(part, Condition):
                    todo.append(part)
    return frozenset(looked_up | related) if looked_up else frozenset()

