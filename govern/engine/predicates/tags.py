"""Tagging: required tags on the effective tag map (provider default tags included), with
allowed values or a pattern per tag when given."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import ArgSpec, PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown
from govern.regex import Regex, RegexError


def has_required_tags(value: Any, args: Mapping[str, Any], ctx: PredicateContext) -> Verdict:
    """The effective tag map has every tag in `required` (case-sensitive keys), each with an
    allowed value.

    An entry of `required` is a key (any value), `{key: K, values: [...]}` (the value is
    one of these) or `{key: K, pattern: RE}` (the value matches RE, searched as in JSON
    Schema, so anchor it with `^...$`; RE2 syntax, run in linear time, checked when the rule
    or configuration is loaded). A tag whose value is Unknown is present; its value is
    unknown for an entry with values or a pattern. An absent map has no tags; a map that
    is Unknown as a whole is unknown. Detail lists the missing keys in the order of
    `required` (`missing tags: owner, cost-center`), then each value not allowed
    (`tag env is 'qa' (allowed: prod, dev)`, `tag cost-center is 'x' (must match ^cc-$)`),
    joined by `; `.
    """
    if isinstance(value, Unknown):
        return unknown((), f"tags: {value.reason}")
    if value is not None and not isinstance(value, Mapping):
        return unknown((), "tags is not a map")
    present = value or {}
    missing: list[str] = []
    wrong: list[str] = []
    undecided: list[str] = []
    for entry in args["required"]:
        key = entry if isinstance(entry, str) else entry["key"]
        if key not in present:
            missing.append(key)
            continue
        if isinstance(entry, str):
            continue
        tag = present[key]
        if isinstance(tag, Unknown):
            undecided.append(f"tag {key}: {tag.reason}")
        elif "values" in entry and str(tag) not in entry["values"]:
            wrong.append(f"tag {key} is {str(tag)!r} (allowed: {', '.join(entry['values'])})")
        elif "pattern" in entry:
            try:
                found = Regex(entry["pattern"]).search(str(tag))
            except RegexError as exc:  # checked at load; kept from crashing all the same
                undecided.append(f"tag {key}: {exc}")
                continue
            if found is None:
                wrong.append(f"tag {key} is {str(tag)!r} (must match {entry['pattern']})")
    problems = ([f"missing tags: {', '.join(missing)}"] if missing else []) + wrong
    if problems:
        return failed((), "; ".join(problems))
    if undecided:
        return unknown((), "; ".join(undecided))
    return passed()


PREDICATES = (declare(has_required_tags, required=ArgSpec("tag_requirements", required=True)),)
