"""Every `fixtures/rules/<slug>/tfplan/plan.json` scanned with the plan parser, the
Terraform adapter and the engine only (no discovery: the `.tf` source next to some plans
is not scanned as a configuration here), against its `expectations.txt`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.engine.evaluate import evaluate
from govern.engine.rule_loader import RuleSet, default_rules_dir, load_rules
from govern.model.finding import Finding
from govern.model.graph import ResourceGraph
from govern.parsers.tfplan import parse_tfplan
from tests.conftest import FIXTURES
from tests.rule_fixtures import read_expectations

PLAN_DIRS = sorted(p.parent for p in (FIXTURES / "rules").glob("*/tfplan/plan.json"))
REQUIRED = {f"GOV-AWS-{n:03d}" for n in (1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 16, 17, 18)}


@cache
def rules() -> RuleSet:
    return load_rules([default_rules_dir()])


def scan(directory: Path) -> list[Finding]:
    parsed = parse_tfplan([str(directory / "plan.json")])
    assert [n for n in parsed.notices if n.level != "note"] == []
    adapted = adapt_terraform(parsed.resources)
    return evaluate(ResourceGraph(adapted.resources, adapted.edges), rules())


def test_the_required_rules_have_plan_fixtures() -> None:
    covered = {e.rule_id for d in PLAN_DIRS for e in read_expectations(d, "tfplan")}
    assert covered >= REQUIRED


@pytest.mark.parametrize("directory", PLAN_DIRS, ids=[p.parent.name for p in PLAN_DIRS])
def test_plan_fixture_matches_its_expectations(directory: Path) -> None:
    expectations = read_expectations(directory, "tfplan")
    findings = scan(directory)
    problems: list[str] = []
    for exp in expectations:
        statuses = {f.status for f in findings
                    if f.rule_id == exp.rule_id and exp.matches(f.resource_address)}
        where = f"{exp.file}:{exp.line}: {exp.kind}: {exp.rule_id} on {exp.address}"
        if exp.kind == "ruleid" and "fail" not in statuses:
            problems.append(f"{where}: not reported as failing (got {sorted(statuses)})")
        elif exp.kind == "ok" and statuses:
            problems.append(f"{where}: reported {sorted(statuses)}")
        elif exp.kind == "unknown" and statuses != {"unknown"}:
            problems.append(f"{where}: expected only 'unknown', got {sorted(statuses)}")
    tested = {e.rule_id for e in expectations}
    for finding in findings:
        if finding.rule_id in tested and not any(
                e.kind != "ok" and e.rule_id == finding.rule_id
                and e.matches(finding.resource_address) for e in expectations):
            problems.append(f"{finding.rule_id} reported {finding.status} on unannotated "
                            f"{finding.resource_address}")
    assert problems == []


def test_every_plan_fixture_has_a_skipped_delete_and_a_replacement() -> None:
    for directory in PLAN_DIRS:
        parsed = parse_tfplan([str(directory / "plan.json")])
        assert [n.code for n in parsed.notices].count("skipped-delete") >= 1, directory
        assert any(n.actions == ("delete", "create") for n in parsed.resources), directory
        assert any(n.module for n in parsed.resources), directory
