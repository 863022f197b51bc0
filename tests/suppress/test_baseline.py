"""The baseline for real: create it, scan against it, survive line shifts and unrelated
edits, notice renames (a new finding, the old entry fixed), reject bad baseline files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.suppress.test_waivers import stable
from tests.test_cli import run


def sg(name: str, port: int = 22, comment: str = "") -> str:
    return f'''{comment}resource "aws_security_group" "{name}" {{
  name = "{name}"
  ingress {{
    from_port   = {port}
    to_port     = {port}
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}
  tags = {{ owner = "me", cost-center = "cc-1" }}
}}
'''


SSH = "Security group allows SSH (port 22) from the internet (tcp 22 from 0.0.0.0/0)"
RDP = "Security group allows RDP (port 3389) from the internet (tcp 3389 from 0.0.0.0/0)"


def fingerprints(cwd: Path) -> dict[str, str]:
    _, out, _ = run("scan", "--format", "json", "--fail-on", "none", cwd=cwd)
    return {f"{f['rule_id']} {f['resource']['address']}": f["fingerprint"]
            for f in json.loads(out)["findings"]}


def adopted(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "main.tf").write_text(sg("web") + "\n" + sg("admin", 3389))
    code, out, err = run("baseline", "create", cwd=tmp_path)
    assert (code, out, err) == (0, "2 findings written to .govern-baseline.json\n", "")
    return fingerprints(tmp_path)


def test_create_writes_sorted_fingerprints(tmp_path: Path) -> None:
    prints = adopted(tmp_path)
    written = (tmp_path / ".govern-baseline.json").read_text()
    assert json.loads(written) == {"version": 1, "tool": "govern", "findings": [
        {"fingerprint": prints["GOV-AWS-005 aws_security_group.web"],
         "rule_id": "GOV-AWS-005", "address": "aws_security_group.web", "file": "main.tf",
         "message": SSH},
        {"fingerprint": prints["GOV-AWS-006 aws_security_group.admin"],
         "rule_id": "GOV-AWS-006", "address": "aws_security_group.admin", "file": "main.tf",
         "message": RDP}]}
    code, _, _ = run("baseline", "create", "--output", "again.json", cwd=tmp_path)
    assert code == 0 and (tmp_path / "again.json").read_text() == written


def test_scan_leaves_out_the_baseline(tmp_path: Path) -> None:
    adopted(tmp_path)
    code, out, _ = run("scan", "--compact", "--baseline", ".govern-baseline.json", cwd=tmp_path)
    assert (code, stable(out)) == (0, (
        "No findings.\n\n"
        "Baseline .govern-baseline.json: 2 findings in the baseline, 0 fixed\n\n"
        "0 findings; 2 resources in 1 file, T s\n\n"
        "Exit 0: no finding blocks.\n"))


def test_line_shifts_and_unrelated_edits_keep_matching(tmp_path: Path) -> None:
    adopted(tmp_path)
    comment = "# a comment\n\n# pushing everything down\n\n"
    # lines inserted above, and the other resource edited (its name changes)
    (tmp_path / "main.tf").write_text(
        sg("web", comment=comment) + "\n" + sg("admin", 3389).replace(
            'name = "admin"', 'name = "admin-v2"'))
    code, out, _ = run("scan", "--baseline", ".govern-baseline.json", "--format", "json",
                       cwd=tmp_path)
    doc = json.loads(out)
    assert (code, doc["findings"], doc["baseline"]) == (0, [], {
        "file": ".govern-baseline.json", "matched": 2, "fixed": []})


def test_rename_is_a_new_finding_and_the_old_entry_fixed(tmp_path: Path) -> None:
    before = adopted(tmp_path)
    (tmp_path / "main.tf").write_text(sg("web") + "\n" + sg("bastion", 3389))
    code, out, _ = run("scan", "--compact", "--baseline", ".govern-baseline.json", cwd=tmp_path)
    assert (code, stable(out)) == (1, (
        "main.tf\n"
        f"  18  high  GOV-AWS-006  aws_security_group.bastion: {RDP}\n\n"
        "Baseline .govern-baseline.json: 1 finding in the baseline, 1 fixed\n"
        "  fixed  GOV-AWS-006  aws_security_group.admin (main.tf)\n\n"
        "1 finding (1 high); 2 resources in 1 file, T s\n\n"
        "Exit 1: 1 finding blocks: status fail, severity low or above (--fail-on low).\n"))
    code, out, _ = run("scan", "--baseline", ".govern-baseline.json", "--format", "json",
                       cwd=tmp_path)
    assert json.loads(out)["baseline"]["fixed"] == [{
        "fingerprint": before["GOV-AWS-006 aws_security_group.admin"],
        "rule_id": "GOV-AWS-006", "address": "aws_security_group.admin", "file": "main.tf",
        "message": RDP}]


def test_a_changed_rule_is_a_new_finding(tmp_path: Path) -> None:
    adopted(tmp_path)
    # the same resource now fails another rule (SSH, not RDP): new finding, old entry fixed
    (tmp_path / "main.tf").write_text(sg("web") + "\n" + sg("admin", 22))
    code, out, _ = run("scan", "--baseline", ".govern-baseline.json", "--format", "json",
                       cwd=tmp_path)
    doc = json.loads(out)
    assert code == 1
    assert [(f["rule_id"], f["resource"]["address"]) for f in doc["findings"]] == [
        ("GOV-AWS-005", "aws_security_group.admin")]
    assert [(e["rule_id"], e["address"]) for e in doc["baseline"]["fixed"]] == [
        ("GOV-AWS-006", "aws_security_group.admin")]


def test_entries_outside_the_scanned_paths_are_not_fixed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "main.tf").write_text(sg("web"))
    (tmp_path / "b" / "main.tf").write_text(sg("admin", 3389))
    assert run("baseline", "create", cwd=tmp_path)[0] == 0
    code, out, _ = run("scan", "--compact", "a", "--baseline", ".govern-baseline.json",
                       cwd=tmp_path)
    assert (code, stable(out).splitlines()[2]) == (
        0, "Baseline .govern-baseline.json: 1 finding in the baseline, 0 fixed")


def test_bad_baseline_files_exit_2(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(sg("web"))
    (tmp_path / "broken.json").write_text('{"version": 1,\n "findings": [}\n')
    (tmp_path / "other.json").write_text('{"version": 7, "findings": []}\n')
    (tmp_path / "list.json").write_text('[]\n')
    (tmp_path / "entry.json").write_text('{"version": 1, "findings": [{"rule_id": "X"}]}\n')
    hint = "create it with `govern baseline create`"
    for name, error in (
            ("missing.json", f"baseline missing.json: file not found ({hint})"),
            ("broken.json", f"baseline broken.json:2: invalid JSON: Expecting value ({hint})"),
            ("other.json", f"baseline other.json: unsupported version 7 (this govern reads "
                           f"version 1; {hint})"),
            ("list.json", f"baseline list.json: not a govern baseline (expected an object "
                          f"with 'version' and 'findings'; {hint})"),
            ("entry.json", f"baseline entry.json: findings[0] has no fingerprint ({hint})")):
        code, out, err = run("scan", "--compact", "--baseline", name, cwd=tmp_path)
        assert (code, out, err) == (2, "", f"govern: error: {error}\n")


def test_no_baseline_of_an_incomplete_scan(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(sg("web"))
    (tmp_path / "broken.tf").write_text('resource "aws_s3_bucket" "x" {\n')
    code, out, err = run("baseline", "create", cwd=tmp_path)
    assert code == 3 and out == ""
    assert err.startswith("govern: error: the scan is incomplete, no baseline written:\n"
                          "  broken.tf")
    assert not (tmp_path / ".govern-baseline.json").exists()


def test_baseline_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(sg("web"))
    (tmp_path / ".govern.yaml").write_text("baseline: govern/baseline.json\n")
    (tmp_path / "govern").mkdir()
    code, out, _ = run("baseline", "create", cwd=tmp_path)
    assert (code, out) == (0, "1 finding written to govern/baseline.json\n")
    code, out, _ = run("scan", "--compact", cwd=tmp_path)
    assert (code, stable(out)) == (0, (
        "No findings.\n\n"
        "Baseline govern/baseline.json: 1 finding in the baseline, 0 fixed\n\n"
        "0 findings; 1 resource in 1 file, T s\n\n"
        "Exit 0: no finding blocks.\n"))
    code, out, _ = run("config", "show", "--format", "json", cwd=tmp_path)
    assert json.loads(out)["baseline"] == {"value": "govern/baseline.json",
                                           "source": "file .govern.yaml:1"}
