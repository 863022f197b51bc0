"""Every rule fixture is scanned for real and must match its inline expectations exactly."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from govern.scan import ScanOptions, run_scan
from tests.conftest import FIXTURES
from tests.rule_fixtures import base_address, read_expectations

FIXTURE_DIRS = sorted(p for p in (FIXTURES / "rules").glob("*/terraform") if p.is_dir())


def test_there_are_rule_fixtures() -> None:
    assert len(FIXTURE_DIRS) >= 15


@pytest.mark.parametrize("directory", FIXTURE_DIRS,
                         ids=[p.parent.name for p in FIXTURE_DIRS])
def test_fixture_matches_inline_expectations(directory: Path) -> None:
    expectations = read_expectations(directory)
    assert expectations, f"{directory}: no inline expectations"
    report = run_scan(ScanOptions(paths=(str(directory),))).report
    errors = [n.render() for n in report.notices if n.level == "error"]
    assert errors == []

    reported: dict[tuple[str, str], set[str]] = defaultdict(set)
    for finding in report.findings:
        reported[(finding.rule_id, base_address(finding.resource_address))].add(finding.status)

    problems: list[str] = []
    for exp in expectations:
        statuses = reported.get((exp.rule_id, exp.address), set())
        where = f"{exp.file}:{exp.line}: {exp.kind}: {exp.rule_id} on {exp.address}"
        if exp.kind == "ruleid" and "fail" not in statuses:
            problems.append(f"{where}: not reported as failing (got {sorted(statuses)})")
        elif exp.kind == "ok" and statuses:
            problems.append(f"{where}: reported {sorted(statuses)}")
        elif exp.kind == "unknown" and statuses != {"unknown"}:
            problems.append(f"{where}: expected only 'unknown', got {sorted(statuses)}")

    annotated = {(e.rule_id, e.address) for e in expectations if e.kind != "ok"}
    tested_rules = {e.rule_id for e in expectations}
    for (rule_id, address), statuses in sorted(reported.items()):
        if rule_id in tested_rules and (rule_id, address) not in annotated:
            problems.append(f"{directory}: {rule_id} reported {sorted(statuses)} on "
                            f"unannotated {address}")
    assert problems == []
