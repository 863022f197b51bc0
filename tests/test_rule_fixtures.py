"""Every rule fixture, in every format, is scanned for real and must match its inline
expectations exactly: nothing expected missing, nothing unexpected reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.scan import ScanOptions, run_scan
from tests.conftest import FIXTURES
from tests.rule_fixtures import FORMATS, read_expectations

FIXTURE_DIRS = sorted(p for fmt in FORMATS for p in (FIXTURES / "rules").glob(f"*/{fmt}")
                      if p.is_dir())


def test_there_are_rule_fixtures() -> None:
    assert len([p for p in FIXTURE_DIRS if p.name == "terraform"]) >= 15


@pytest.mark.parametrize("directory", FIXTURE_DIRS,
                         ids=[f"{p.parent.name}/{p.name}" for p in FIXTURE_DIRS])
def test_fixture_matches_inline_expectations(directory: Path) -> None:
    expectations = read_expectations(directory, directory.name)
    assert expectations, f"{directory}: no inline expectations"
    report = run_scan(ScanOptions(paths=(str(directory),))).report
    errors = [n.render() for n in report.notices if n.level == "error"]
    assert errors == []

    problems: list[str] = []
    for exp in expectations:
        statuses = {f.status for f in report.findings
                    if f.rule_id == exp.rule_id and exp.matches(f.resource_address)}
        where = f"{exp.file}:{exp.line}: {exp.kind}: {exp.rule_id} on {exp.address}"
        if exp.kind == "ruleid" and "fail" not in statuses:
            problems.append(f"{where}: not reported as failing (got {sorted(statuses)})")
        elif exp.kind == "ok" and statuses:
            problems.append(f"{where}: reported {sorted(statuses)}")
        elif exp.kind == "unknown" and statuses != {"unknown"}:
            problems.append(f"{where}: expected only 'unknown', got {sorted(statuses)}")

    tested_rules = {e.rule_id for e in expectations}
    for finding in report.findings:
        if finding.rule_id not in tested_rules:
            continue
        if not any(e.kind != "ok" and e.rule_id == finding.rule_id
                   and e.matches(finding.resource_address) for e in expectations):
            problems.append(f"{directory}: {finding.rule_id} reported {finding.status} on "
                            f"unannotated {finding.resource_address}")
    assert problems == []
