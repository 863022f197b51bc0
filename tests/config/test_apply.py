"""The configuration applied to the rules: rule ids checked, selection, severity, tags."""

from __future__ import annotations

import pytest

from govern.config import Config
from govern.config.apply import check_parameters, check_rule_ids, rule_parameters, select_rules
from govern.engine.rule import RuleSet
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.errors import ConfigError

AWS_TAGS = ("owner", {"key": "env", "values": ["prod"]})


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules([default_rules_dir()])


TAGGING = {"GOV-AWS-015", "GOV-AZURE-006", "GOV-GCP-021"}


def test_everything_runs_by_default_but_tags_nobody_asked_for(rules: RuleSet) -> None:
    assert {r.meta.id for r in rules if r.meta.category == "tagging"} == TAGGING
    assert select_rules(Config(), rules).ids() == [i for i in rules.ids() if i not in TAGGING]


@pytest.mark.parametrize(("config", "running"), [
    (Config(required_tags={"aws": ("owner",)}), {"GOV-AWS-015"}),
    (Config(required_tags={"aws": ()}), set()),
    (Config(parameters={"GOV-GCP-021": {"required_labels": ["team"]}}), {"GOV-GCP-021"}),
    (Config(parameters={"GOV-GCP-021": {"required_labels": []}},
            required_tags={"gcp": ("team",)}), set()),
    (Config(enabled_rules=frozenset({"GOV-AZURE-006", "GOV-AWS-001"})), {"GOV-AZURE-006"}),
    (Config(enabled_rules=frozenset({"tagging"})), TAGGING),
    (Config(enabled_categories=frozenset({"tagging"})), TAGGING),
    # a glob, a severity or a peer id does not ask for tags
    (Config(enabled_rules=frozenset({"GOV-AWS-*", "low"})), set()),
])
def test_a_tagging_rule_runs_when_tags_are_asked_for(rules: RuleSet, config: Config,
                                                     running: set[str]) -> None:
    assert {i for i in select_rules(config, rules).ids() if i in TAGGING} == running


def test_disable_by_id_and_category(rules: RuleSet) -> None:
    chosen = select_rules(Config(disabled_rules=frozenset({"GOV-AWS-001"}),
                                 disabled_categories=frozenset({"tagging"})), rules)
    assert "GOV-AWS-001" not in chosen.ids()
    assert {r.meta.category for r in chosen} == {"encryption", "public-exposure", "iam",
                                                  "logging", "hardening", "resilience"}
    assert len(chosen) == len([r for r in rules if r.meta.category != "tagging"]) - 1


def test_enable_means_only_these(rules: RuleSet) -> None:
    only = select_rules(Config(enabled_rules=frozenset({"GOV-AWS-015", "GOV-AWS-001"})), rules)
    assert only.ids() == ["GOV-AWS-001", "GOV-AWS-015"]
    tagging = select_rules(Config(enabled_categories=frozenset({"tagging"}),
                                  enabled_rules=frozenset({"GOV-AWS-001"})), rules)
    assert {r.meta.category for r in tagging if r.meta.id != "GOV-AWS-001"} == {"tagging"}
    assert "GOV-AWS-001" in tagging.ids() and len(tagging) >= 4
    # disable wins over enable
    none = select_rules(Config(enabled_rules=frozenset({"GOV-AWS-001"}),
                               disabled_categories=frozenset({"encryption"})), rules)
    assert none.ids() == []


def test_severity_override_changes_the_rule_metadata(rules: RuleSet) -> None:
    chosen = select_rules(Config(severity={"GOV-AWS-001": "critical"}), rules)
    rule = chosen.get("GOV-AWS-001")
    original = rules.get("GOV-AWS-001")
    assert rule is not None and original is not None
    assert (rule.meta.severity, original.meta.severity) == ("critical", "medium")
    assert rule.meta.title == original.meta.title


def test_required_tags_feed_the_tagging_rules_of_their_provider(rules: RuleSet) -> None:
    config = Config(required_tags={"aws": AWS_TAGS, "gcp": ("team",)},
                    parameters={"GOV-AWS-001": {}})
    params = rule_parameters(config, rules)
    tagging = {r.meta.id: r.provider for r in rules if r.meta.category == "tagging"}
    assert {rid: p for rid, p in params.items() if p} == {
        **{rid: {"required_tags": list(AWS_TAGS)} for rid, prov in tagging.items()
           if prov == "aws"},
        **{rid: {"required_labels": ["team"]} for rid, prov in tagging.items()
           if prov == "gcp"}}


def test_a_rule_parameter_wins_over_tags_required(rules: RuleSet) -> None:
    config = Config(required_tags={"aws": AWS_TAGS},
                    parameters={"GOV-AWS-015": {"required_tags": ["team"]}})
    assert rule_parameters(config, rules)["GOV-AWS-015"] == {"required_tags": ["team"]}


@pytest.mark.parametrize(("config", "message"), [
    (Config(source="g.yaml", lines={("rules", "disable", 0): 3},
            rule_refs=((("rules", "disable", 0), "GOV-AWS-0011"),)),
     "g.yaml:3: 'GOV-AWS-0011' in rules.disable names no rule (did you mean 'GOV-AWS-011'?)"),
    (Config(source="g.yaml", lines={("severity", "GOV-AWZ-001"): 7},
            rule_refs=((("severity", "GOV-AWZ-001"), "GOV-AWZ-001"),)),
     "g.yaml:7: unknown rule id GOV-AWZ-001 in severity (did you mean 'GOV-AWS-001'?)"),
    (Config(source="pyproject.toml",
            rule_refs=((("parameters", "ACME-1"), "ACME-1"),)),
     "pyproject.toml [tool.govern]: unknown rule id ACME-1 in parameters (run `govern "
     "rules list` to see the rule ids)"),
])
def test_unknown_rule_ids(rules: RuleSet, config: Config, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        check_rule_ids(config, rules)
    assert str(caught.value) == message


@pytest.mark.parametrize(("config", "message"), [
    (Config(source="g.yaml", lines={("parameters", "GOV-AWS-015"): 4},
            parameters={"GOV-AWS-015": {"required_tag": ["x"]}}),
     "g.yaml:4: rule GOV-AWS-015 has no parameter 'required_tag' (did you mean "
     "'required_tags'?)"),
    (Config(source="g.yaml", lines={("tags", "required", "aws"): 9},
            required_tags={"aws": ({"key": "env"},)}),
     "g.yaml:9: parameters of rule GOV-AWS-015: argument 'required' of has_required_tags "
     "must list tag keys, {key, values: [...]} or {key, pattern: RE}"),
])
def test_bad_parameters_are_placed_in_the_file(rules: RuleSet, config: Config,
                                               message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        check_parameters(config, rules, rule_parameters(config, rules))
    assert str(caught.value) == message
