"""Rules judged on the whole scan, not within one unit of work.

Most rules read a resource and what its edges lead to, all of it within one deployment,
so each unit judges them alone. A few call a predicate that finds resources anywhere in
the scan by a name or an ARN (`Predicate.looks_up`: the bucket a trail names, the log
groups and alarms of a trail's metric filters); such a rule is *scan-wide*. Each unit sends
the resources the scan-wide rules read (their own kinds and the kinds they look up, with
the edges between them) and the merge judges the scan-wide rules on all units' resources
together, so the verdicts are the ones of one graph however the scan was split.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields

from govern.engine.conditions import Condition, PredicateCall, Related
from govern.engine.rule import Rule
from govern.model.graph import Edge, ResourceGraph
from govern.model.resource import Resource


@dataclass(frozen=True)
class Shared:
    """What one unit sends for the scan-wide rules: resources and the edges between them."""

    resources: tuple[Resource, ...] = ()
    edges: tuple[Edge, ...] = ()


def split_rules(rules: Sequence[Rule]) -> tuple[list[Rule], list[Rule], frozenset[str]]:
    """The unit rules, the scan-wide rules and the kinds the scan-wide rules read (their
    own, the ones their predicates look up, the ones their `related` tests name; every
    kind when a `related` test names none)."""
    local: list[Rule] = []
    wide: list[Rule] = []
    kinds: set[str] = set()
    for rule in rules:
        looked_up: set[str] = set()
        related: set[str | None] = set()
        for condition in _walk(rule.check):
            if isinstance(condition, PredicateCall):
                looked_up |= condition.predicate.looks_up
            elif isinstance(condition, Related):
                related.add(condition.kind)
        if not looked_up:
            local.append(rule)
            continue
        wide.append(rule)
        kinds |= {*rule.meta.kinds, *looked_up}
        if None in related:
            kinds.add("*")
        kinds |= {k for k in related if k is not None}
    return local, wide, frozenset(kinds)


def shared_part(graph: ResourceGraph, kinds: frozenset[str]) -> Shared:
    """The resources of `kinds` in `graph` (all of them for `*`) and the edges between them."""
    if not kinds:
        return Shared()
    if "*" in kinds:
        chosen = list(graph)
    else:
        chosen = [r for kind in sorted(kinds) for r in graph.of_kind(kind)]
    ids = {r.id for r in chosen}
    edges = tuple(e for e in graph.edges() if e.source in ids and e.target in ids)
    return Shared(tuple(chosen), edges)


def _walk(condition: Condition) -> Iterator[Condition]:
    """`condition` and every condition inside it."""
    yield condition
    for item in fields(condition):  # type: ignore[arg-type]  # conditions are dataclasses
        value = getattr(condition, item.name)
        for part in value if isinstance(value, tuple) else (value,):
            if isinstance(part, Condition):
                yield from _walk(part)
