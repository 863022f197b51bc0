"""The CloudFormation examples of every AWS rule, scanned for real: the bad example fails
the rule, the good one does not report it."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.adapters.cloudformation import adapt_cloudformation
from govern.engine.evaluate import evaluate
from govern.engine.rule_loader import Rule, default_rules_dir, load_rules
from govern.model.graph import ResourceGraph
from govern.parsers.cloudformation import parse_cloudformation

RULES = load_rules([default_rules_dir()])
# rules whose kinds CloudFormation can produce (account settings such as EBS encryption by
# default exist in Terraform only)
AWS_RULES = [r for r in RULES.rules
             if r.meta.id.startswith("GOV-AWS-") and "cloudformation" in r.meta.formats]


def _statuses(tmp_path: Path, text: str, rule_id: str) -> set[str]:
    path = tmp_path / "template.yaml"
    path.write_text(text)
    parsed = parse_cloudformation([str(path)])
    adapted = adapt_cloudformation(parsed.resources)
    assert [n.render() for n in parsed.notices + adapted.notices if n.level == "error"] == []
    findings = evaluate(ResourceGraph(adapted.resources, adapted.edges), RULES)
    return {f.status for f in findings if f.rule_id == rule_id}


@pytest.mark.parametrize("rule", AWS_RULES, ids=[r.meta.id for r in AWS_RULES])
def test_bad_example_fails(rule: Rule, tmp_path: Path) -> None:
    assert "fail" in _statuses(tmp_path, rule.examples["cloudformation"]["bad"], rule.meta.id)


@pytest.mark.parametrize("rule", AWS_RULES, ids=[r.meta.id for r in AWS_RULES])
def test_good_example_passes(rule: Rule, tmp_path: Path) -> None:
    assert _statuses(tmp_path, rule.examples["cloudformation"]["good"], rule.meta.id) == set()
