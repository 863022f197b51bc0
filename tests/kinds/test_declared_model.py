"""The adapters fill only declared attributes, with the declared types (govern/kinds/).

Every rule fixture and example is adapted, and each canonical resource is checked against
its kind's declaration; live AWS is held to the same check by tests/collect/conftest.py,
on everything the live tests collect.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from govern.discover import discover
from govern.kinds import KINDS, find, scope, value_problems
from govern.kinds.declare import TYPES, Attribute
from govern.model.resource import Resource
from govern.scan import ScanOptions, build_graph
from tests.conftest import REPO

STATIC_FORMATS = ("terraform", "tfplan", "cloudformation", "arm")


@pytest.fixture(scope="module")
def adapted() -> dict[str, list[Resource]]:
    """The canonical resources of every fixture, by source format."""
    paths = (str(REPO / "fixtures"),)
    built = build_graph(discover(paths), ScanOptions(paths=paths))
    by_format: dict[str, list[Resource]] = defaultdict(list)
    for resource in built.graph:
        by_format[resource.source_format].append(resource)
    return by_format


@pytest.mark.parametrize("source_format", STATIC_FORMATS)
def test_adapters_fill_only_declared_attributes(adapted: dict[str, list[Resource]],
                                                source_format: str) -> None:
    resources = adapted[source_format]
    assert len({r.kind for r in resources}) >= 10  # the fixtures cover many kinds
    problems = sorted({f"{r.kind} {problem} ({r.address} in {r.range and r.range.file})"
                       for r in resources for problem in value_problems(r.kind,
                                                                         r.attributes)})
    assert problems == []


def test_every_kind_produced_by_a_format_is_declared_for_it(
        adapted: dict[str, list[Resource]]) -> None:
    undeclared = sorted({(r.kind, fmt) for fmt, resources in adapted.items()
                         for r in resources if fmt not in KINDS[r.kind].formats})
    assert undeclared == []


def _attributes(attributes: tuple[Attribute, ...], prefix: str = ""
                ) -> list[tuple[str, Attribute]]:
    found = []
    for attribute in attributes:
        found.append((prefix + attribute.name, attribute))
        found.extend(_attributes(attribute.attributes, f"{prefix}{attribute.name}."))
    return found


def test_declarations_are_complete() -> None:
    """Every attribute has a known type, a description, and lists say what they hold."""
    problems = []
    for name, kind in KINDS.items():
        if not kind.description:
            problems.append(f"{name}: no description")
        for path, attribute in _attributes(kind.attributes):
            types = attribute.type.split("|")
            if any(t not in TYPES for t in types) or (len(types) > 1 and any(
                    t in ("object", "list", "map", "policy", "any") for t in types)):
                problems.append(f"{name} {path}: type {attribute.type!r}")
            if not attribute.doc.strip() or "TODO" in attribute.doc:
                problems.append(f"{name} {path}: no description")
            if attribute.type == "list" and attribute.items is None:
                problems.append(f"{name} {path}: a list without its element type")
            if attribute.attributes and attribute.type not in ("object", "list"):
                problems.append(f"{name} {path}: {attribute.type} with attributes")
        names = [a.name for a in kind.attributes]
        if len(names) != len(set(names)):
            problems.append(f"{name}: an attribute declared twice")
    assert problems == []


def test_find_resolves_declared_paths_and_reports_the_first_undeclared_part() -> None:
    bucket = scope("aws.s3.bucket")
    found = find(bucket, ("encryption", "enabled"))
    assert found.attribute is not None and found.attribute.type == "boolean"
    assert find(bucket, ("policy", "Statement", 0, "Effect")).open
    missing = find(bucket, ("encryption", "enabeld"))
    assert missing.missing == "enabeld" and "enabled" in missing.declared
