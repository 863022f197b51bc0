"""`govern scan --compliance` and `govern rules list --compliance` end to end."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import run

FIXTURE = '''resource "aws_s3_bucket" "data" {
  bucket = "example-data"
  tags = { owner = "a", cost-center = "b" }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_security_group" "web" {
  name = "web"
  tags = { owner = "a", cost-center = "b" }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
'''


def _scan(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    (tmp_path / "main.tf").write_text(FIXTURE)
    return run("scan", ".", *args, cwd=tmp_path)


def _controls(doc: dict, key: str) -> dict[str, dict]:  # type: ignore[type-arg]
    (section,) = [c for c in doc["compliance"] if c["framework"] == key]
    return {c["id"]: c for c in section["controls"]}


def test_json_statuses(tmp_path: Path) -> None:
    code, out, _ = _scan(tmp_path, "--compliance", "cis-aws", "-f", "json")
    assert code == 1  # the gate is unchanged: the SSH finding fails it
    doc = json.loads(out)
    controls = _controls(doc, "cis-aws-3.0")
    assert controls["5.2"] == {
        "id": "5.2",
        "title": "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server "
                 "administration ports",
        "status": "fail", "rules": ["GOV-AWS-005", "GOV-AWS-006", "GOV-AWS-007"],
        "resources": 3, "failed": 1, "unknown": 0}
    assert controls["2.1.4"]["status"] == "pass"
    assert controls["2.1.4"]["rules"] == ["GOV-AWS-004"]
    assert controls["2.3.3"]["status"] == "not-applicable"  # no RDS instance scanned
    assert controls["1.4"]["status"] == "not-covered"
    assert [c["framework"] for c in doc["compliance"]] == ["cis-aws-3.0"]


def test_without_compliance_json_has_no_section(tmp_path: Path) -> None:
    _, out, _ = _scan(tmp_path, "-f", "json")
    assert "compliance" not in json.loads(out)


def test_aliases_and_full_keys(tmp_path: Path) -> None:
    _, out, _ = _scan(tmp_path, "-f", "json", "--compliance", "nist", "--compliance", "PCI",
                      "--compliance", "nist-800-53-r5", "--compliance", "cis-azure-2.1")
    assert [c["framework"] for c in json.loads(out)["compliance"]] == [
        "nist-800-53-r5", "pci-dss-4.0", "cis-azure-2.1"]


def _summary(tmp_path: Path, key: str) -> str:
    """The counts of framework `key` from the JSON report (they move as rules are added)."""
    _, out, _ = _scan(tmp_path, "-f", "json", "--compliance", key)
    (section,) = json.loads(out)["compliance"]
    counts = section["summary"]
    return (f"{counts['fail']} fail, {counts['unknown']} unknown, {counts['pass']} pass, "
            f"{counts['not-applicable']} not applicable, {counts['not-covered']} not covered "
            f"(of {len(section['controls'])} controls)")


def _not_covered_lines(tmp_path: Path, key: str) -> list[str]:
    """The lines naming the not-covered controls of `key`, from the JSON report."""
    _, out, _ = _scan(tmp_path, "-f", "json", "--compliance", key)
    (section,) = json.loads(out)["compliance"]
    left = [c for c in section["controls"] if c["status"] == "not-covered"]
    beyond = [c["id"] for c in left if "beyond_code" in c]
    gaps = [c["id"] for c in left if "beyond_code" not in c]
    return ([f"  not covered, no configuration can show them: {', '.join(beyond)}"]
            if beyond else []) + ([f"  not covered, no rule checks them yet: {', '.join(gaps)}"]
                                  if gaps else [])


def test_text_summary_lines(tmp_path: Path) -> None:
    _, out, _ = _scan(tmp_path, "--compliance", "cis-aws", "--compliance", "nist")
    cis = _not_covered_lines(tmp_path, "cis-aws-3.0")
    nist = _not_covered_lines(tmp_path, "nist-800-53-r5")
    assert cis and cis[0].startswith("  not covered, no configuration can show them: 1.4, 1.5")
    *lines, blank, gate = out.splitlines()
    assert (blank, gate.split(":")[0]) == ("", "Exit 1")
    assert lines[-2 - len(cis) - len(nist):] == [
        "Compliance cis-aws-3.0 (CIS Amazon Web Services Foundations Benchmark v3.0.0): "
        + _summary(tmp_path, "cis-aws-3.0"), *cis,
        "Compliance nist-800-53-r5 (NIST SP 800-53 Revision 5): "
        + _summary(tmp_path, "nist-800-53-r5"), *nist]


def test_markdown_output_file(tmp_path: Path) -> None:
    code, out, _ = _scan(tmp_path, "--compliance", "cis-aws", "-o", "compliance=c.md")
    assert code == 1
    text = (tmp_path / "c.md").read_text()
    assert text.splitlines()[:6] == [
        "## Compliance: CIS Amazon Web Services Foundations Benchmark v3.0.0",
        "",
        f"Framework `cis-aws-3.0`: {_summary(tmp_path, 'cis-aws-3.0')}.",
        "",
        "| Control | Title | Status | Rules | Resources | Failed | Unknown |",
        "|---|---|---|---|---|---|---|",
    ]
    assert ("| 5.2 | Ensure no security groups allow ingress from 0.0.0.0/0 to remote server "
            "administration ports | **fail** | GOV-AWS-005, GOV-AWS-006, GOV-AWS-007 | 3 | 1 "
            "| 0 |") in text.splitlines()
    assert "Compliance cis-aws-3.0" in out  # the text report still goes to stdout


def test_markdown_format_appends_compliance(tmp_path: Path) -> None:
    _, out, _ = _scan(tmp_path, "--compliance", "pci", "-f", "markdown")
    # GOV-AWS-001 and GOV-AWS-005, and the bucket's missing access logging, customer
    # managed key, TLS policy, versioning and MFA delete (GOV-AWS-155, 156, 162, 189, 265)
    assert out.startswith("# govern: 7 findings\n")
    assert "\n## Compliance: Payment Card Industry Data Security Standard v4.0\n" in out


def test_unknown_framework_exits_2(tmp_path: Path) -> None:
    code, out, err = _scan(tmp_path, "--compliance", "cis-aws-1.4")
    assert (code, out) == (2, "")
    assert err == (
        "govern: error: unknown compliance framework 'cis-aws-1.4' (known: cis-aws-3.0, "
        "cis-azure-2.1, cis-gcp-2.0, nist-800-53-r5, pci-dss-4.0; aliases: cis-aws, "
        "cis-azure, cis-gcp, nist, nist-800-53, pci, pci-dss)\n")


def test_compliance_output_needs_a_framework(tmp_path: Path) -> None:
    code, _, err = _scan(tmp_path, "-o", "compliance=c.md")
    assert (code, err) == (2, "govern: error: --output compliance=FILE needs --compliance "
                              "FRAMEWORK\n")


def test_rules_list_json_has_compliance_and_filter() -> None:
    code, out, _ = run("rules", "list", "--format", "json")
    assert code == 0
    rules = json.loads(out)
    assert all("compliance" in r for r in rules)
    by_id = {r["id"]: r for r in rules}
    assert by_id["GOV-AWS-004"]["compliance"] == {
        "cis-aws-3.0": ["2.1.4"], "nist-800-53-r5": ["AC-3", "SC-7"],
        "pci-dss-4.0": ["1.4.4"]}
    code, out, _ = run("rules", "list", "--format", "json", "--compliance", "cis-azure")
    assert code == 0
    assert {r["id"] for r in json.loads(out)} == {
        r["id"] for r in rules if "cis-azure-2.1" in r["compliance"]}
    code, _, err = run("rules", "list", "--compliance", "sox")
    assert code == 2 and "unknown compliance framework 'sox'" in err
