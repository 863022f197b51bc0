"""Every ARM rule fixture, scanned with the ARM parser, adapter and the rules, matches the
inline expectations written in its resources' `comments`."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tests.adapters.arm.scanning import base_address, expectations, scan_templates, template_files
from tests.conftest import FIXTURES

FIXTURE_DIRS = sorted(p for p in (FIXTURES / "rules").glob("*/arm") if p.is_dir())


def test_every_azure_rule_has_an_arm_fixture() -> None:
    from tests.adapters.arm.scanning import RULES

    azure = sorted(r.meta.slug for r in RULES if r.meta.id.startswith("GOV-AZURE-"))
    assert sorted(p.parent.name for p in FIXTURE_DIRS) == azure


@pytest.mark.parametrize("directory", FIXTURE_DIRS, ids=[p.parent.name for p in FIXTURE_DIRS])
def test_fixture_matches_inline_expectations(directory: Path) -> None:
    scan = scan_templates(template_files(directory))
    assert [n.render() for n in scan.notices if n.level != "note"] == []
    wanted = expectations(scan.parsed)
    assert wanted, f"{directory}: no inline expectations"

    reported: dict[tuple[str, str], set[str]] = defaultdict(set)
    resources = {r.id: r for r in scan.adapted.resources}
    for finding in scan.findings:
        resource = resources[finding.resource_id]
        # a parent outside the template: the child resources judged on it are annotated
        addresses = resource.native if resource.external else [finding.resource_address]
        for address in addresses:
            reported[(finding.rule_id, base_address(address))].add(finding.status)
    problems: list[str] = []
    for exp in wanted:
        statuses = reported.get((exp.rule_id, exp.address), set())
        where = f"{exp.kind}: {exp.rule_id} on {exp.address}"
        if exp.kind == "ruleid" and "fail" not in statuses:
            problems.append(f"{where}: not reported as failing (got {sorted(statuses)})")
        elif exp.kind == "ok" and statuses:
            problems.append(f"{where}: reported {sorted(statuses)}")
        elif exp.kind == "unknown" and statuses != {"unknown"}:
            problems.append(f"{where}: expected only 'unknown', got {sorted(statuses)}")
    annotated = {(e.rule_id, e.address) for e in wanted if e.kind != "ok"}
    tested = {e.rule_id for e in wanted}
    for (rule_id, address), statuses in sorted(reported.items()):
        if rule_id in tested and (rule_id, address) not in annotated:
            problems.append(f"{rule_id} reported {sorted(statuses)} on unannotated {address}")
    assert problems == []
