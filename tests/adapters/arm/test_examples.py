"""The ARM examples of every Azure rule, scanned for real: the bad one fails, the good one
passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.engine.rule import Rule
from tests.adapters.arm.scanning import RULES, scan_templates

AZURE = [r for r in RULES.rules if "arm" in r.meta.formats]


def test_every_rule_on_arm_kinds_has_arm_examples() -> None:
    # every Azure rule reads ARM templates
    assert {r.meta.id for r in AZURE} == {
        r.meta.id for r in RULES.rules if r.meta.id.startswith("GOV-AZURE-")}
    assert len(AZURE) > 90
    for rule in AZURE:
        example = rule.examples.get("arm", {})
        assert example.get("bad", "").strip() and example.get("good", "").strip(), rule.meta.id


def _statuses(tmp_path: Path, text: str, rule_id: str) -> set[str]:
    path = tmp_path / "azuredeploy.json"
    path.write_text(text)
    scan = scan_templates([str(path)])
    assert [n.render() for n in scan.notices] == []
    return {f.status for f in scan.findings if f.rule_id == rule_id}


@pytest.mark.parametrize("rule", AZURE, ids=[r.meta.id for r in AZURE])
def test_bad_example_fails(rule: Rule, tmp_path: Path) -> None:
    assert _statuses(tmp_path, rule.examples["arm"]["bad"], rule.meta.id) == {"fail"}


@pytest.mark.parametrize("rule", AZURE, ids=[r.meta.id for r in AZURE])
def test_good_example_passes(rule: Rule, tmp_path: Path) -> None:
    assert _statuses(tmp_path, rule.examples["arm"]["good"], rule.meta.id) == set()
