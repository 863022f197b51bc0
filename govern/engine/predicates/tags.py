"""Tagging: required tag keys on the effective tag map (provider default tags included)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import ArgSpec, PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown


def has_required_tags(value: Any, args: Mapping[str, Any], ctx: PredicateContext) -> Verdict:
    """The effective tag map has every key in `required` (case-sensitive).

    A tag whose value is Unknown is present. An absent map has no tags; a map that is
    Unknown as a whole is unknown. Detail lists the missing keys in the order of
    `required`: `missing tags: owner, cost-center`.
    """
    if isinstance(value, Unknown):
        return unknown((), f"tags: {value.reason}")
    if value is not None and not isinstance(value, Mapping):
        return unknown((), "tags is not a map")
    present = value or {}
    missing = [key for key in args["required"] if key not in present]
    if missing:
        return failed((), f"missing tags: {', '.join(missing)}")
    return passed()


PREDICATES = (declare(has_required_tags, required=ArgSpec("strings", required=True)),)
