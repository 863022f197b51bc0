"""The scan orchestration: formats side by side, and no resource scanned twice."""

from __future__ import annotations

from collections import Counter

from govern.scan import ScanOptions, run_scan
from tests.conftest import FIXTURES

PLAN_WITH_SOURCE = FIXTURES / "rules" / "s3-bucket-without-encryption" / "tfplan"


def test_root_module_beside_its_plan_is_scanned_once_through_the_plan() -> None:
    assert (PLAN_WITH_SOURCE / "main.tf").exists() and (PLAN_WITH_SOURCE / "plan.json").exists()
    report = run_scan(ScanOptions(paths=(str(PLAN_WITH_SOURCE),))).report
    assert report.findings
    assert {f.source_format for f in report.findings} == {"tfplan"}
    keys = Counter((f.rule_id, f.resource_address, f.path) for f in report.findings)
    assert [k for k, n in keys.items() if n > 1] == []
    assert [n.code for n in report.notices if n.code == "scanned-as-plan"] == [
        "scanned-as-plan"]
    # findings still point at the Terraform source, not at the plan
    assert all(f.location is not None and f.location.file.endswith("main.tf")
               for f in report.findings if f.rule_id == "GOV-AWS-001")


def test_every_format_in_one_scan() -> None:
    paths = tuple(str(FIXTURES / "rules" / "s3-bucket-without-encryption" / fmt)
                  for fmt in ("terraform", "cloudformation", "tfplan"))
    report = run_scan(ScanOptions(paths=paths)).report
    formats = {f.source_format for f in report.findings if f.rule_id == "GOV-AWS-001"}
    assert formats == {"terraform", "cloudformation", "tfplan"}
