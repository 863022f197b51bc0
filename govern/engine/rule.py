"""A loaded rule and the set of loaded rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from govern.engine.conditions import Condition
from govern.model.finding import RuleMeta


@dataclass(frozen=True)
class Rule:
    """One validated rule file. `check` is compiled (parameter references still unbound);
    `examples` maps a format to `{"bad": ..., "good": ...}`."""

    meta: RuleMeta
    check: Condition
    message: str
    parameters: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, dict[str, str]] = field(default_factory=dict)
    compliance: dict[str, tuple[str, ...]] = field(default_factory=dict)
    references: tuple[str, ...] = ()
    # kinds the check reads across the whole scan (`conditions.scan_wide_kinds`; empty for
    # a rule judged within one unit of work), worked out when the rule is compiled
    scan_wide: frozenset[str] = frozenset()

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def provider(self) -> str:
        """`aws` or `azure`: the provider of the rule's kinds."""
        return self.meta.kinds[0].split(".", 1)[0]


@dataclass(frozen=True)
class RuleSet:
    """Rules sorted by id."""

    rules: tuple[Rule, ...] = ()

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.meta.id == rule_id), None)

    def ids(self) -> list[str]:
        return [r.meta.id for r in self.rules]

    def known_ids(self) -> list[str]:
        """Every id a user may write for a rule: the ids and the former ids (aliases)."""
        return [i for r in self.rules for i in r.meta.all_ids]

    def current_ids(self) -> dict[str, str]:
        """Former id (alias) -> the id of the rule that now carries it."""
        return {alias: r.meta.id for r in self.rules for alias in r.meta.aliases}

    def without(self, rule_ids: Iterable[str]) -> RuleSet:
        """The rules whose ids are not in `rule_ids`."""
        drop = set(rule_ids)
        return RuleSet(tuple(r for r in self.rules if r.meta.id not in drop))

    def metas(self) -> tuple[RuleMeta, ...]:
        return tuple(r.meta for r in self.rules)
