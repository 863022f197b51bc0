"""The waivers file: validation with file:line errors, matching by resource and file globs,
expiry, and where it is found (`--waivers`, the config's `waivers` key)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_cli import run

OPEN_SSH = '''resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { owner = "me", cost-center = "cc-1" }
}
'''


def stable(text: str) -> str:
    return re.sub(r"\d+\.\d\d s$", "T s", text, flags=re.M)


def project(tmp_path: Path, waivers: str) -> Path:
    (tmp_path / "main.tf").write_text(OPEN_SSH)
    (tmp_path / "waivers.yaml").write_text(waivers)
    return tmp_path


@pytest.mark.parametrize(("text", "error"), [
    ("rule: GOV-AWS-005\n",
     "waivers.yaml:1: a waivers file must be a list of waivers (start each waiver with "
     "'- rule: ...')"),
    ("- rule: GOV-AWS-005\n  resource: aws_security_group.web\n  reason: accepted\n"
     "  owner: net-team\n",
     "waivers.yaml:1: waiver without 'expires' (every waiver needs rule, reason, owner, "
     "expires)"),
    ("- rule: GOV-AWS-005\n  reason: accepted\n  owner: net-team\n  expires: 2999-01-01\n",
     "waivers.yaml:1: waiver without 'resource' or 'path' (give a resource address glob, a "
     "file glob, or both)"),
    ("- rule: GOV-AWS-005\n  resource: x\n  reason: ok\n  owner: me\n  expires: 2999-01-01\n"
     "- rule: GOV-AWS-005\n  resources: aws_security_group.web\n",
     "waivers.yaml:7: unknown key 'resources' in waiver (did you mean 'resource'?)"),
    ("- rule: GOV-AWS-005\n  resource: x\n  reason: ok\n  owner: me\n  expires: next year\n",
     "waivers.yaml:5: expires must be a date YYYY-MM-DD (got 'next year')"),
    ("- rule: GOV-AWS-005\n  resource: x\n  reason: ok\n  owner: me\n"
     "  expires: 2026-01-02 10:00:00\n",
     "waivers.yaml:5: expires must be a date YYYY-MM-DD (got 2026-01-02 10:00:00)"),
    ("- rule: GOV-AWS-005\n  resource: x\n  reason: ''\n  owner: me\n  expires: 2999-01-01\n",
     "waivers.yaml:3: reason must be a non-empty string"),
    ("- rule: [GOV-AWS-005, 7]\n  resource: x\n  reason: ok\n  owner: me\n"
     "  expires: 2999-01-01\n",
     "waivers.yaml:1: rule must be a rule id or a list of rule ids (e.g. GOV-AWS-001)"),
    ("- rule: GOV-AWS-005\n  rule: GOV-AWS-001\n",
     "waivers.yaml:2: duplicate key 'rule' (first defined on line 1)"),
    ("- rule: GOV-AWS-005\n  resource: x\n  reason: ok\n  owner: me\n  expires: 2999-01-01\n"
     "- rule: GOW-AWS-005\n  path: '*.tf'\n  reason: ok\n  owner: me\n  expires: 2999-01-01\n",
     "waivers.yaml:6: unknown rule id GOW-AWS-005 in waiver (did you mean 'GOV-AWS-005'?)"),
])
def test_invalid_waivers_exit_2_with_the_line(tmp_path: Path, text: str, error: str) -> None:
    project(tmp_path, text)
    code, out, err = run("scan", "--compact", "--waivers", "waivers.yaml", cwd=tmp_path)
    assert (code, out, err) == (2, "", f"govern: error: {error}\n")


def test_missing_waivers_file(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(OPEN_SSH)
    code, _, err = run("scan", "--compact", "--waivers", "nope.yaml", cwd=tmp_path)
    assert (code, err) == (2, "govern: error: nope.yaml: waivers file not found\n")


def test_waiver_by_resource_glob(tmp_path: Path) -> None:
    project(tmp_path, "- rule: [GOV-AWS-005]\n  resource: aws_security_group.w*\n"
                      "  reason: bastion, reviewed in SEC-12\n  owner: net-team\n"
                      "  expires: 2999-12-31\n")
    code, out, _ = run("scan", "--waivers", "waivers.yaml", "--format", "json", cwd=tmp_path)
    doc = json.loads(out)
    assert code == 0
    assert [(f["rule_id"], f["suppression"]) for f in doc["findings"]] == [
        ("GOV-AWS-005", {"kind": "external", "source": "waiver",
                         "justification": "bastion, reviewed in SEC-12",
                         "location": {"file": "waivers.yaml", "start_line": 1,
                                      "end_line": 1},
                         "until": "2999-12-31"})]


def test_waiver_by_path_glob_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "main.tf").write_text(OPEN_SSH)
    (tmp_path / "main.tf").write_text(OPEN_SSH.replace('"web"', '"api"'))
    (tmp_path / "waivers.yaml").write_text(
        "- rule: GOV-AWS-005\n  path: legacy/*.tf\n  reason: frozen legacy stack\n"
        "  owner: platform\n  expires: 2999-12-31\n")
    (tmp_path / ".govern.yaml").write_text("waivers: waivers.yaml\n")
    code, out, _ = run("scan", "--compact", cwd=tmp_path)
    assert code == 1
    assert stable(out) == (
        "main.tf\n"
        "  7  high  GOV-AWS-005  aws_security_group.api: Security group allows SSH (port 22) "
        "from the internet (tcp 22 from 0.0.0.0/0)\n"
        "\n" + _suppressed_block() +
        "\n1 finding (1 high), 1 suppressed; 2 resources in 2 files, T s\n\n"
        "Exit 1: 1 finding blocks: status fail, severity low or above (--fail-on low).\n")


def _suppressed_block() -> str:
    return (
        "Suppressed — 1\n"
        "legacy/main.tf\n"
        "  7  high  GOV-AWS-005  aws_security_group.web: Security group allows SSH (port 22) "
        "from the internet (tcp 22 from 0.0.0.0/0)\n"
        "     suppressed (waiver, waivers.yaml:1): frozen legacy stack; "
        "until 2999-12-31\n")


def test_expired_waiver_reports_the_finding_again(tmp_path: Path) -> None:
    project(tmp_path, "- rule: GOV-AWS-005\n  resource: aws_security_group.web\n"
                      "  reason: temporary\n  owner: net-team\n  expires: 2001-02-03\n")
    code, out, _ = run("scan", "--waivers", "waivers.yaml", "--format", "json", cwd=tmp_path)
    doc = json.loads(out)
    assert code == 1
    assert [(f["rule_id"], f["suppression"]) for f in doc["findings"]] == [
        ("GOV-AWS-005", None)]
    assert [n for n in doc["notices"] if n["code"] == "suppression-expired"] == [{
        "level": "warning", "code": "suppression-expired",
        "message": "waiver suppression of GOV-AWS-005 for aws_security_group.web "
                   "(owner net-team) expired on 2001-02-03",
        "file": "waivers.yaml", "line": 1,
        "hint": "the findings it covered are reported again; fix them or extend `until`"}]
