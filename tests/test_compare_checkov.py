"""benchmarks/compare_checkov.py: reading Checkov's report and matching its resources with
govern's findings. Checkov itself is not needed: its JSON is written here."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "compare_checkov.py"


@pytest.fixture(scope="module")
def cc() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compare_checkov", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["compare_checkov"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _check(check_id: str, file: str, resource: str, lines: list[int],
           caller: str | None = None) -> dict[str, object]:
    return {"check_id": check_id, "file_path": file, "file_abs_path": file.lstrip("/"),
            "resource": resource, "file_line_range": lines, "caller_file_path": caller}


def _report(failed: list[dict[str, object]], passed: list[dict[str, object]]) -> str:
    return json.dumps({"check_type": "x", "results": {"failed_checks": failed,
                                                      "passed_checks": passed}})


def test_parse_checkov_reads_failed_passed_and_crashed_checks(cc: ModuleType) -> None:
    stdout = _report([_check("CKV_AWS_19", "/a/main.tf", "aws_s3_bucket.b", [1, 3])],
                     [_check("CKV_AWS_19", "/a/main.tf", "aws_s3_bucket.c", [5, 7])])
    stderr = ("2026-12-06 [ERROR]  Failed to run check CKV_AWS_70 on /a/main.tf:"
              "aws_s3_bucket_policy.p\nTraceback (most recent call last):\n")
    found = cc.parse_checkov(stdout, stderr, "terraform", "/nowhere")
    assert [(r.check_id, r.file, r.resource, r.lines, r.status) for r in found] == [
        ("CKV_AWS_19", "a/main.tf", "aws_s3_bucket.b", (1, 3), "fail"),
        ("CKV_AWS_19", "a/main.tf", "aws_s3_bucket.c", (5, 7), "pass"),
        ("CKV_AWS_70", "a/main.tf", "aws_s3_bucket_policy.p", (0, 0), "error")]


def test_parse_checkov_reads_a_list_of_reports_and_no_report(cc: ModuleType) -> None:
    one = _report([_check("CKV_AWS_19", "/t.yaml", "AWS::S3::Bucket.Logs", [2, 4])], [])
    assert len(cc.parse_checkov(f"[{one}, {one}]", "", "cloudformation", "/")) == 2
    assert cc.parse_checkov("", "Traceback ...", "arm", "/") == []


@pytest.mark.parametrize(("resource", "fmt", "address"), [
    ("AWS::S3::Bucket.Logs", "cloudformation", "Logs"),
    ("Microsoft.Web/sites/config.[concat(app, '/web')]", "arm",
     "Microsoft.Web/sites/config/[concat(app, '/web')]"),
    ("Microsoft.Storage/storageAccounts.stdiag01", "arm",
     "Microsoft.Storage/storageAccounts/stdiag01"),
    ('module.a.aws_s3_bucket.b["x"]', "terraform", 'module.a.aws_s3_bucket.b["x"]'),
])
def test_checkov_address(cc: ModuleType, resource: str, fmt: str, address: str) -> None:
    assert cc.checkov_address(resource, fmt) == address


def test_terraform_type_and_module_prefix(cc: ModuleType) -> None:
    address = 'module.a.module.b.aws_s3_bucket.c["k.1"]'
    assert cc.terraform_type(address) == "aws_s3_bucket"
    assert cc.module_prefix(address) == "module.a.module.b."


def test_govern_arm_address_is_the_innermost_resource(cc: ModuleType) -> None:
    nested = ("Microsoft.Resources/deployments/inner/"
              "Microsoft.Storage/storageAccounts/stdiag01[1]")
    assert cc.govern_address(nested, "arm") == "Microsoft.Storage/storageAccounts/stdiag01"


def _finding(cc: ModuleType, address: str, unit: str, fmt: str = "terraform",
             status: str = "fail", file: str = "", line: int = 0) -> object:
    return cc.GovernFinding("GOV-1", fmt, unit, address, status, file, line)


def _categories(comparison: object) -> dict[tuple[str, str], str]:
    entries = comparison.entries.get("GOV-1", {})  # type: ignore[attr-defined]
    return {key: entry.category for key, entry in entries.items()}


def test_compare_counts_each_kind_of_agreement(cc: ModuleType, tmp_path: Path) -> None:
    rule = cc.Rule("GOV-1", "slug", ("CKV_1",))
    checkov = [cc.CheckovResult("CKV_1", "terraform", "m/main.tf", "aws_x.both", (1, 2)),
               cc.CheckovResult("CKV_1", "terraform", "m/main.tf", "aws_x.theirs", (3, 4)),
               cc.CheckovResult("CKV_1", "terraform", "m/main.tf", "aws_x.ours", (5, 6),
                                "pass"),
               cc.CheckovResult("CKV_1", "terraform", "m/main.tf", "aws_x.ok", (7, 8),
                                "pass")]
    govern = [_finding(cc, "aws_x.both", "m"), _finding(cc, "aws_x.ours", "m"),
              _finding(cc, "aws_x.unsure", "m", status="unknown")]
    found = _categories(cc.compare([rule], govern, checkov, str(tmp_path)))
    assert found == {("m", "aws_x.both"): "both", ("m", "aws_x.theirs"): "only_checkov",
                     ("m", "aws_x.ours"): "only_govern", ("m", "aws_x.ok"): "both_pass",
                     ("m", "aws_x.unsure"): "unknown_pass"}


def test_compare_keys_module_resources_by_the_calling_root(cc: ModuleType,
                                                            tmp_path: Path) -> None:
    rule = cc.Rule("GOV-1", "slug", ("CKV_1", "CKV2_1"))
    address = "module.logs.aws_s3_bucket.this"
    checkov = [cc.CheckovResult("CKV_1", "terraform", "modules/logs/main.tf", address, (1, 3),
                                caller="examples/a/main.tf"),
               cc.CheckovResult("CKV2_1", "terraform", "modules/logs/main.tf", address,
                                (1, 3))]  # graph checks give no caller
    govern = [_finding(cc, address, "examples/a")]
    assert _categories(cc.compare([rule], govern, checkov, str(tmp_path))) == {
        ("examples/a", address): "both"}


def test_compare_folds_a_sub_resource_into_the_parent_it_references(
        cc: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "main.tf").write_text(
        'resource "aws_s3_bucket" "data" {\n  bucket = "d"\n}\n\n'
        'resource "aws_s3_bucket_public_access_block" "data" {\n'
        "  bucket            = aws_s3_bucket.data.id\n  block_public_acls = true\n}\n")
    rule = cc.Rule("GOV-1", "slug", ("CKV_AWS_54",))
    checkov = [cc.CheckovResult("CKV_AWS_54", "terraform", "m/main.tf",
                                "aws_s3_bucket_public_access_block.data", (5, 8))]
    govern = [_finding(cc, "aws_s3_bucket.data", "m")]
    comparison = cc.compare([rule], govern, checkov, str(tmp_path))
    assert _categories(comparison) == {("m", "aws_s3_bucket.data"): "both"}
    notes = comparison.entries["GOV-1"][("m", "aws_s3_bucket.data")].notes
    assert notes == {"Checkov: aws_s3_bucket_public_access_block.data"}


def test_compare_maps_a_rule_on_a_data_source_group_to_governs_stand_in(
        cc: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "main.tf").write_text(
        'resource "aws_security_group_rule" "ssh" {\n'
        "  security_group_id = data.aws_security_group.existing.id\n"
        '  type = "ingress"\n}\n')
    rule = cc.Rule("GOV-1", "slug", ("CKV_AWS_24",))
    checkov = [cc.CheckovResult("CKV_AWS_24", "terraform", "m/main.tf",
                                "aws_security_group_rule.ssh", (1, 4))]
    govern = [_finding(cc, "data.aws_security_group.existing", "m")]
    assert _categories(cc.compare([rule], govern, checkov, str(tmp_path))) == {
        ("m", "data.aws_security_group.existing"): "both"}


def test_compare_maps_a_rule_on_an_implicit_group_to_governs_stand_in(
        cc: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "template.yaml").write_text(
        "Resources:\n  Ssh:\n    Type: AWS::EC2::SecurityGroupIngress\n"
        "    Properties:\n      GroupId: !GetAtt Vpc.DefaultSecurityGroup\n")
    rule = cc.Rule("GOV-1", "slug", ("CKV_AWS_24",))
    checkov = [cc.CheckovResult("CKV_AWS_24", "cloudformation", "t/template.yaml",
                                "AWS::EC2::SecurityGroupIngress.Ssh", (2, 5))]
    govern = [_finding(cc, "GetAtt(Vpc.DefaultSecurityGroup)", "t/template.yaml")]
    assert _categories(cc.compare([rule], govern, checkov, str(tmp_path))) == {
        ("t/template.yaml", "GetAtt(Vpc.DefaultSecurityGroup)"): "both"}


def test_compare_matches_arm_names_by_line_when_they_differ(cc: ModuleType,
                                                            tmp_path: Path) -> None:
    rule = cc.Rule("GOV-1", "slug", ("CKV_AZURE_3",))
    checkov = [cc.CheckovResult("CKV_AZURE_3", "arm", "t.json",
                                "Microsoft.Storage/storageAccounts.[concat('st', x)]",
                                (10, 30))]
    govern = [_finding(cc, "Microsoft.Storage/storageAccounts/stabc", "t.json", "arm",
                       file="t.json", line=17)]
    assert _categories(cc.compare([rule], govern, checkov, str(tmp_path))) == {
        ("t.json", "Microsoft.Storage/storageAccounts/[concat('st', x)]"): "both"}


def test_compare_scope_keeps_a_rule_to_its_own_fixtures(cc: ModuleType,
                                                        tmp_path: Path) -> None:
    rule = cc.Rule("GOV-1", "mine", ("CKV_1",))
    checkov = [cc.CheckovResult("CKV_1", "cloudformation", "mine/cloudformation/t.yaml",
                                "AWS::S3::Bucket.A", (1, 2)),
               cc.CheckovResult("CKV_1", "cloudformation", "other/cloudformation/t.yaml",
                                "AWS::S3::Bucket.B", (1, 2))]
    found = _categories(cc.compare([rule], [], checkov, str(tmp_path), {"GOV-1": "mine"}))
    assert found == {("mine/cloudformation/t.yaml", "A"): "only_checkov"}


def test_write_markdown_replaces_the_marked_section(cc: ModuleType, tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# B\n\nbefore\n")
    cc.write_markdown(doc, "table 1")
    cc.write_markdown(doc, "table 2")
    assert doc.read_text() == (f"# B\n\nbefore\n\n{cc.START_MARKER}\ntable 2\n"
                               f"{cc.END_MARKER}\n")
