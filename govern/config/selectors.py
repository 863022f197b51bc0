"""Rule selectors: what `rules.enable` / `rules.disable` (and `--check` / `--skip-check`)
name, resolved against the loaded rules.

A selector is, tried in this order:

- a rule id or a former id (an alias): `GOV-AWS-005`;
- the id of an equivalent check of another tool, as the rule's `equivalents` (and
  `partial_equivalents`) list it: Checkov's `CKV_AWS_24`, Trivy's `AVD-AWS-0107`; it
  names every rule that lists it;
- a category: `encryption`, `public-exposure`, `tagging`, `iam`, `logging`, `hardening`,
  `resilience`;
- a severity: `critical`, `high`, `medium`, `low`. As in Checkov, enabling a severity
  enables the rules of that severity and above (`high`: high and critical), and
  disabling one disables that severity and below (`medium`: medium and low);
- a glob over rule ids, former ids and equivalent ids (`GOV-AWS-*`, `CKV_AZURE_1?`).

Ids, globs, categories and severities are matched without regard to case. A selector
that names no rule is an error (exit 2) with a suggestion: a typo never runs, or skips,
nothing in silence.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from govern.engine.rule import Rule
from govern.model.finding import SEVERITIES, SEVERITY_RANK

CATEGORIES = ("encryption", "public-exposure", "tagging", "iam", "logging", "hardening",
              "resilience")
_GLOB = frozenset("*?[")


class UnknownSelector(ValueError):
    """A selector that names no rule; `hint` suggests what was perhaps meant."""

    def __init__(self, selector: str, hint: str) -> None:
        super().__init__(f"{selector!r} names no rule")
        self.selector = selector
        self.hint = hint


@dataclass(frozen=True)
class Selected:
    """The rules a list of selectors names: `ids`; among them `named`, those named by their
    own id or a former id (a deprecated rule runs only when named so), and `asked`, those
    named so or by their category (a tagging rule runs with its default list of required
    tags only when asked for so)."""

    ids: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    asked: frozenset[str] = frozenset()


class RuleIndex:
    """The loaded rules, indexed by every name a selector may use."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)

    @cached_property
    def by_id(self) -> dict[str, str]:
        """Upper-case id or former id -> the rule's id."""
        return {name.upper(): rule.meta.id for rule in self.rules
                for name in rule.meta.all_ids}

    @cached_property
    def by_peer(self) -> dict[str, frozenset[str]]:
        """Upper-case id of another tool's check -> the ids of the rules that list it."""
        found: dict[str, set[str]] = {}
        for rule in self.rules:
            for peer in _peer_ids(rule):
                found.setdefault(peer.upper(), set()).add(rule.meta.id)
        return {peer: frozenset(ids) for peer, ids in found.items()}

    def names(self) -> list[str]:
        """Every name a selector may use, as written (for suggestions)."""
        return sorted({*(n for r in self.rules for n in r.meta.all_ids),
                       *(p for r in self.rules for p in _peer_ids(r)),
                       *CATEGORIES, *SEVERITIES})

    def resolve(self, selector: str, enabling: bool) -> Selected:
        """The rules `selector` names; UnknownSelector when it names none."""
        key = selector.strip().upper()
        lowered = key.lower()
        if key in self.by_id:
            rule_id = self.by_id[key]
            return Selected(frozenset({rule_id}), frozenset({rule_id}), frozenset({rule_id}))
        if key in self.by_peer:
            return Selected(self.by_peer[key])
        if lowered in CATEGORIES:
            found = self._found(selector, {r.meta.id for r in self.rules
                                           if r.meta.category == lowered})
            return Selected(found.ids, asked=found.ids)
        if lowered in SEVERITY_RANK and lowered in SEVERITIES:
            rank = SEVERITY_RANK[lowered]
            return self._found(selector, {
                r.meta.id for r in self.rules
                if (SEVERITY_RANK[r.meta.severity] >= rank if enabling
                    else SEVERITY_RANK[r.meta.severity] <= rank)})
        if _GLOB & set(key):
            ids = {rule_id for name, rule_id in self.by_id.items()
                   if fnmatch.fnmatchcase(name, key)}
            for peer, rule_ids in self.by_peer.items():
                if fnmatch.fnmatchcase(peer, key):
                    ids |= rule_ids
            return self._found(selector, ids)
        raise UnknownSelector(selector, self._hint(selector))

    def _found(self, selector: str, ids: set[str]) -> Selected:
        if not ids:
            raise UnknownSelector(selector, "no loaded rule matches it; run `govern rules "
                                  "list` to see the rules, their categories and severities")
        return Selected(frozenset(ids))

    def _hint(self, selector: str) -> str:
        from govern.engine.hints import suggest

        names = self.names()
        close = suggest(selector.strip(), names) or suggest(selector.strip().upper(), names)
        return close or (
            "a selector is a rule id (GOV-AWS-005), another tool's check id (CKV_AWS_24, "
            "AVD-AWS-0107), a category, a severity or a glob (GOV-AWS-*); run `govern "
            "rules list` to see the rules")


def resolve_all(index: RuleIndex, selectors: Iterable[str], enabling: bool) -> Selected:
    """The union of what `selectors` name; UnknownSelector for the first that names none."""
    ids: set[str] = set()
    named: set[str] = set()
    asked: set[str] = set()
    for selector in selectors:
        selected = index.resolve(selector, enabling)
        ids |= selected.ids
        named |= selected.named
        asked |= selected.asked
    return Selected(frozenset(ids), frozenset(named), frozenset(asked))


def _peer_ids(rule: Rule) -> Iterator[str]:
    for ids in rule.meta.equivalents.values():
        yield from ids
    yield from rule.meta.partial_equivalents


__all__ = ["CATEGORIES", "RuleIndex", "Selected", "UnknownSelector", "resolve_all"]
