"""The scan orchestration: formats side by side, and no resource scanned twice."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from govern.model.finding import ScanReport
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


# --- a plan beside .tf files replaces their evaluation only when it is their plan ----------

BUCKET_TF = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n'


def _formats(report: ScanReport) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in report.findings:
        if finding.rule_id == "GOV-AWS-001":
            found.setdefault(finding.source_format, set()).add(finding.resource_address)
    return found


def _codes(report: ScanReport) -> list[tuple[str, str]]:
    return [(n.code, os.path.basename(n.file or "")) for n in report.notices
            if n.code in ("scanned-as-plan", "plan-not-paired")]


@pytest.mark.parametrize("plan", [
    '{"format_version": "1.2", "resource_changes": []}',
    '{"format_version": "1.2", "planned_values": {}}',
    '{"format_version": "1.2", "resource_changes": [], "configuration": {"root_module": {}}}',
], ids=["no changes", "no resource_changes", "empty configuration"])
def test_empty_plan_beside_tf_files_does_not_hide_them(tmp_path: Path, plan: str) -> None:
    (tmp_path / "main.tf").write_text(BUCKET_TF)
    (tmp_path / "plan.json").write_text(plan)
    report = run_scan(ScanOptions(paths=(str(tmp_path),))).report
    assert _formats(report) == {"terraform": {"aws_s3_bucket.logs"}}
    assert _codes(report) == [("plan-not-paired", "plan.json")]
    assert [n.level for n in report.notices if n.code == "plan-not-paired"] == ["note"]


def test_plan_of_another_configuration_leaves_both_scanned(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BUCKET_TF)
    shutil.copy(PLAN_WITH_SOURCE / "plan.json", tmp_path / "plan.json")
    report = run_scan(ScanOptions(paths=(str(tmp_path),))).report
    formats = _formats(report)
    assert formats["terraform"] == {"aws_s3_bucket.logs"}
    assert "aws_s3_bucket.plain" in formats["tfplan"]
    assert _codes(report) == [("plan-not-paired", "plan.json")]


def test_plan_without_configuration_pairs_on_planned_addresses(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BUCKET_TF)
    change = ('{"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", '
              '"name": "logs", "change": {"actions": ["create"], "after": {"bucket": "x"}}}')
    (tmp_path / "plan.json").write_text(
        f'{{"format_version": "1.2", "resource_changes": [{change}]}}')
    report = run_scan(ScanOptions(paths=(str(tmp_path),))).report
    assert _codes(report) == [("scanned-as-plan", os.path.basename(str(tmp_path)))]
    assert set(_formats(report)) <= {"tfplan"}


def test_is_plan_of() -> None:
    from govern.parsers.tfplan.pairing import is_plan_of

    plan = str(PLAN_WITH_SOURCE / "plan.json")
    resources = ["aws_kms_key.data", "aws_s3_bucket.counted", "aws_s3_bucket.dynamic",
                 "aws_s3_bucket.each", "aws_s3_bucket.existing", "aws_s3_bucket.legacy",
                 "aws_s3_bucket.plain", "aws_s3_bucket.replaced", "aws_s3_bucket.split",
                 "aws_s3_bucket_server_side_encryption_configuration.dynamic",
                 "aws_s3_bucket_server_side_encryption_configuration.each",
                 "aws_s3_bucket_server_side_encryption_configuration.split"]
    assert is_plan_of(plan, resources, ["logs"])
    assert not is_plan_of(plan, resources, [])  # a module call differs
    assert not is_plan_of(plan, resources[1:], ["logs"])  # a resource differs
    assert not is_plan_of(plan, [], [])
