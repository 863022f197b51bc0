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

from collections.abc import Sequence
from dataclasses import dataclass

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
    own and `Rule.scan_wide`: the kinds their predicates look up, the ones their
    `related` tests name, `*` for every kind)."""
    local: list[Rule] = []
    wide: list[Rule] = []
    kinds: set[str] = set()
    for rule in rules:
        if rule.scan_wide:
            wide.append(rule)
            kinds |= {*rule.meta.kinds, *rule.scan_wide}
        else:
            local.append(rule)
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
