"""Rule selectors (`rules.enable`/`disable`, `--check`/`--skip-check`): every kind of name
a user may write, resolved against the built-in rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from govern.config import Config
from govern.config.apply import check_rule_ids, select_rules
from govern.config.selectors import RuleIndex, UnknownSelector, resolve_all
from govern.engine.rule import RuleSet
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.errors import ConfigError
from govern.model.finding import SEVERITY_RANK


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules([default_rules_dir()])


@pytest.fixture(scope="module")
def index(rules: RuleSet) -> RuleIndex:
    return RuleIndex(rules)


def _ids(index: RuleIndex, selector: str, enabling: bool = True) -> set[str]:
    return set(index.resolve(selector, enabling).ids)


def test_a_rule_id_names_that_rule_in_any_case(index: RuleIndex) -> None:
    assert _ids(index, "GOV-AWS-005") == {"GOV-AWS-005"}
    assert _ids(index, " gov-aws-005 ") == {"GOV-AWS-005"}
    assert index.resolve("GOV-AWS-005", True).named == frozenset({"GOV-AWS-005"})


def test_a_peer_id_names_every_rule_that_lists_it(rules: RuleSet, index: RuleIndex) -> None:
    listing = {r.meta.id for r in rules if "CKV_AWS_24" in r.meta.equivalents["checkov"]}
    assert "GOV-AWS-005" in listing
    assert _ids(index, "CKV_AWS_24") == listing
    trivy = {r.meta.id for r in rules if "AVD-AWS-0107" in r.meta.equivalents["trivy"]}
    assert _ids(index, "avd-aws-0107") == trivy and trivy
    # named by another tool's id is not named by its own: a deprecated rule stays off
    assert index.resolve("CKV_AWS_24", True).named == frozenset()


def test_a_category_names_its_rules(rules: RuleSet, index: RuleIndex) -> None:
    tagging = {r.meta.id for r in rules if r.meta.category == "tagging"}
    assert tagging and _ids(index, "tagging") == tagging
    assert _ids(index, "Public-Exposure") == {r.meta.id for r in rules
                                              if r.meta.category == "public-exposure"}


def test_a_severity_enables_upwards_and_disables_downwards(rules: RuleSet,
                                                           index: RuleIndex) -> None:
    def at_least(level: str) -> set[str]:
        return {r.meta.id for r in rules
                if SEVERITY_RANK[r.meta.severity] >= SEVERITY_RANK[level]}

    def at_most(level: str) -> set[str]:
        return {r.meta.id for r in rules
                if SEVERITY_RANK[r.meta.severity] <= SEVERITY_RANK[level]}

    assert _ids(index, "high") == at_least("high") != at_least("critical")
    assert at_least("critical") < _ids(index, "HIGH")
    assert _ids(index, "medium", enabling=False) == at_most("medium")
    assert {r.meta.severity for r in rules if r.meta.id in _ids(index, "low", False)} == {"low"}


def test_a_glob_matches_ids_and_peer_ids(rules: RuleSet, index: RuleIndex) -> None:
    assert _ids(index, "GOV-AWS-*") == {r.meta.id for r in rules if r.provider == "aws"}
    assert _ids(index, "gov-aws-00?") == {f"GOV-AWS-00{n}" for n in range(1, 10)
                                          if rules.get(f"GOV-AWS-00{n}")}
    azure = {r.meta.id for r in rules
             if any(p.startswith("CKV_AZURE_") for p in r.meta.equivalents["checkov"])}
    assert azure and _ids(index, "CKV_AZURE_*") >= azure


def test_a_former_id_names_the_rule_that_now_has_it(rules: RuleSet) -> None:
    renamed = RuleSet(tuple(
        replace(r, meta=replace(r.meta, aliases=("ACME-OLD-1",)))
        if r.meta.id == "GOV-AWS-001" else r for r in rules))
    selected = RuleIndex(renamed).resolve("acme-old-1", True)
    assert selected.ids == selected.named == frozenset({"GOV-AWS-001"})


@pytest.mark.parametrize(("selector", "hint"), [
    ("GOV-AWS-9999", "did you mean"),
    ("encryptoin", "did you mean 'encryption'?"),
    ("GOV-NOPE-*", "no loaded rule matches it"),
    ("%%%", "a selector is a rule id"),
])
def test_a_selector_that_names_nothing_is_an_error_with_a_hint(
        index: RuleIndex, selector: str, hint: str) -> None:
    with pytest.raises(UnknownSelector) as caught:
        index.resolve(selector, True)
    assert hint in caught.value.hint
    with pytest.raises(UnknownSelector):
        resolve_all(index, ["GOV-AWS-001", selector], False)


def test_selection_with_selectors(rules: RuleSet) -> None:
    only = select_rules(Config(enabled_rules=frozenset({"CKV_AWS_24", "GOV-GCP-00?"})),
                        rules)
    assert {"GOV-AWS-005", "GOV-GCP-001"} <= set(only.ids())
    assert all(i.startswith("GOV-GCP-00") or "CKV_AWS_24" in rules.get(i).meta.equivalents[
        "checkov"] for i in only.ids())  # type: ignore[union-attr]
    high = select_rules(Config(enabled_rules=frozenset({"high"}),
                               disabled_rules=frozenset({"GOV-AZURE-*"})), rules)
    assert high.ids() and {r.meta.severity for r in high} == {"high", "critical"}
    assert not any(i.startswith("GOV-AZURE-") for i in high.ids())
    assert any(i.startswith("GOV-AZURE-") and r.meta.severity == "high" for r in rules
               for i in [r.meta.id])
    # disabling a severity takes that one and those below it
    assert select_rules(Config(enabled_rules=frozenset({"high"}),
                               disabled_rules=frozenset({"critical"})), rules).ids() == []


def test_a_deprecated_rule_runs_only_when_named_by_its_id(rules: RuleSet) -> None:
    old = RuleSet(tuple(
        replace(r, meta=replace(r.meta, status="deprecated")) if r.meta.id == "GOV-AWS-005"
        else r for r in rules))
    assert "GOV-AWS-005" not in select_rules(Config(), old).ids()
    assert "GOV-AWS-005" not in select_rules(
        Config(enabled_rules=frozenset({"CKV_AWS_24", "GOV-AWS-*"})), old).ids()
    assert "GOV-AWS-005" in select_rules(
        Config(enabled_rules=frozenset({"GOV-AWS-005"})), old).ids()


def test_a_selector_from_the_command_line_that_names_nothing_says_the_option(
        rules: RuleSet) -> None:
    config = Config(disabled_rules=frozenset({"CKV_AWS_2400"}),
                    origins={"rules.disable": "file g.yaml:2 + cli --skip-check"})
    with pytest.raises(ConfigError) as caught:
        check_rule_ids(config, rules)
    assert str(caught.value) == ("--skip-check: 'CKV_AWS_2400' names no rule (did you mean "
                                 "'CKV_AWS_240'?)")
