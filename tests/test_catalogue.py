"""The built-in rule catalogue: complete, consistent, and every example scanned for real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govern.engine.rule_loader import Rule, default_rules_dir, load_rules
from govern.rule_tests import check_example, fixture_dirs
from tests.conftest import FIXTURES, REPO

RULES = load_rules([default_rules_dir()]).rules
# formats that need a good and a bad example and a fixture directory for every rule whose
# kinds they produce (plan JSON and live accounts are covered by their own fixtures)
EXAMPLE_FORMATS = {"terraform": "main.tf", "cloudformation": "template.yaml",
                   "arm": "azuredeploy.json"}
CASES = [(rule, fmt) for rule in RULES for fmt in sorted(EXAMPLE_FORMATS)
         if fmt in rule.meta.formats]
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|lorem ipsum|XXX)\b|^\s*\.\.\.\s*$", re.I | re.M)


def test_catalogue_size_and_spread() -> None:
    assert len(RULES) >= 15
    assert {r.meta.category for r in RULES} >= {"encryption", "public-exposure", "tagging",
                                                 "iam"}
    providers = {kind.split(".")[0] for r in RULES for kind in r.meta.kinds}
    assert providers >= {"aws", "azure"}


@pytest.mark.parametrize("rule", RULES, ids=[r.meta.id for r in RULES])
def test_rule_is_complete(rule: Rule) -> None:
    meta = rule.meta
    path = Path(meta.source_file)
    assert path.stem == meta.slug
    assert path.parent.name == meta.category
    assert set(meta.equivalents) == {"checkov", "trivy", "kics"}
    for text in (meta.title, meta.description, meta.remediation, rule.message):
        assert text.strip(), f"{meta.id}: empty text"
        assert not PLACEHOLDER.search(text), f"{meta.id}: placeholder text {text!r}"
    for fmt in sorted(set(meta.formats) & set(EXAMPLE_FORMATS)):
        example = rule.examples.get(fmt, {})
        assert example.get("bad", "").strip() and example.get("good", "").strip(), (
            f"{meta.id}: needs a good and a bad {fmt} example")
        assert (fmt, FIXTURES / "rules" / meta.slug / fmt) in fixture_dirs(
            meta.source_file, meta.slug), (
            f"{meta.id}: no fixture directory fixtures/rules/{meta.slug}/{fmt}")


@pytest.mark.parametrize("rule, fmt", CASES, ids=[f"{r.meta.id}-{f}" for r, f in CASES])
def test_bad_example_fails(rule: Rule, fmt: str, tmp_path: Path) -> None:
    assert [f.render() for f in check_example(rule, fmt, "bad", tmp_path)] == []


@pytest.mark.parametrize("rule, fmt", CASES, ids=[f"{r.meta.id}-{f}" for r, f in CASES])
def test_good_example_passes(rule: Rule, fmt: str, tmp_path: Path) -> None:
    assert [f.render() for f in check_example(rule, fmt, "good", tmp_path)] == []


def test_rule_docs_are_generated_and_current() -> None:
    from govern.engine.catalogue import rule_doc_markdown

    stale = []
    for rule in RULES:
        page = REPO / "docs" / "rules" / f"{rule.meta.id}.md"
        if not page.exists() or page.read_text() != rule_doc_markdown(rule):
            stale.append(page.name)
    assert stale == [], "run `python scripts/gen_rule_docs.py` to regenerate docs/rules"


def test_tagging_rules_cover_every_taggable_kind_of_their_provider() -> None:
    from govern.model.kinds import taggable_kinds

    tagging = [r for r in RULES if r.meta.category == "tagging"]
    providers = {r.meta.kinds[0].split(".")[0] for r in tagging}
    assert providers == {"aws", "azure", "gcp"}
    for rule in tagging:
        provider = rule.meta.kinds[0].split(".")[0]
        assert sorted(rule.meta.kinds) == taggable_kinds(provider), rule.meta.id


def test_every_rule_carries_compliance_mappings() -> None:
    assert [r.meta.id for r in RULES if not r.compliance] == []
