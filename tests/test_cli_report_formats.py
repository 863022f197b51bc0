"""`govern scan --format junit|github` and `--sarif-category`, end to end."""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from govern.cli import REPORT_FORMATS, cli
from tests.conftest import REPO

SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())

OPEN_SSH = '''resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
'''


def scan(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    (tmp_path / "main.tf").write_text(OPEN_SSH, encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)  # the scan root: paths in reports are relative to it
    try:
        result = CliRunner().invoke(cli, ["scan", "--no-color", *args],
                                    catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_format_choices() -> None:
    assert REPORT_FORMATS == ("text", "json", "sarif", "markdown", "junit", "csv",
                              "sonarqube", "github")


def test_github_format(tmp_path: Path) -> None:
    code, out, _ = scan(tmp_path, "--format", "github")
    assert code == 1
    assert ("::error file=main.tf,line=7,title=GOV-AWS-005::aws_security_group.web: Security "
            "group allows SSH (port 22) from the internet (tcp 22 from 0.0.0.0/0) (high)"
            ) in out.splitlines()


def test_junit_to_a_file_beside_text(tmp_path: Path) -> None:
    code, out, _ = scan(tmp_path, "--output", "junit=out.xml")
    assert code == 1
    assert "GOV-AWS-005" in out  # text on standard output
    top = ET.fromstring((tmp_path / "out.xml").read_bytes())
    suite = top.find("testsuite[@name='GOV-AWS-005']")
    assert suite is not None and suite.get("failures") == "1"


def test_sarif_category(tmp_path: Path) -> None:
    code, _, _ = scan(tmp_path, "-f", "sarif", "-o", "out.sarif",
                      "--sarif-category", "govern/terraform")
    assert code == 1
    doc = json.loads((tmp_path / "out.sarif").read_text())
    jsonschema.Draft4Validator(SCHEMA).validate(doc)
    assert doc["runs"][0]["automationDetails"] == {"id": "govern/terraform/"}


def test_blank_sarif_category_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = scan(tmp_path, "-f", "sarif", "--sarif-category", " / ")
    assert (code, out) == (2, "")
    assert err == "govern: error: --sarif-category needs a non-empty ID, e.g. govern/terraform\n"


def test_csv_format(tmp_path: Path) -> None:
    code, out, _ = scan(tmp_path, "--format", "csv")
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert "GOV-AWS-005" in {r["rule_id"] for r in rows}
    assert {r["file"] for r in rows} == {"main.tf"}
    assert all(r["status"] in ("fail", "unknown") for r in rows)
