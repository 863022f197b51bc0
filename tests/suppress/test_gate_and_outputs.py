"""End to end through the CLI: the gate ignores suppressed findings, an expired suppression
blocks again, and every report format shows suppressed findings as accepted."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from govern.cli import cli
from tests.tagging import TAGS_CONFIG

SCHEMA = Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json"

BUCKET = '''\
# govern:ignore GOV-AWS-001,GOV-AWS-004,GOV-AWS-015,GOV-AWS-155,GOV-AWS-156,GOV-AWS-162,GOV-AWS-189,GOV-AWS-265 reason="sandbox bucket"{until}
resource "aws_s3_bucket" "a" {{
  bucket = "a"
}}
'''  # noqa: E501


def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, until: str,
        *args: str) -> tuple[int, str]:
    (tmp_path / "main.tf").write_text(BUCKET.format(until=until), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["scan", ".", "--fail-on", "low",
                                      "--config", str(TAGS_CONFIG), *args])
    return result.exit_code, result.stdout


def test_suppressed_findings_do_not_block(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(tmp_path, monkeypatch, "", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["summary"]["total"] == 8 and doc["summary"]["suppressed"] == 8
    assert doc["summary"]["by_status"] == {"fail": 0, "unknown": 0}
    assert doc["findings"][0]["suppression"] == {
        "kind": "inSource", "source": "govern", "justification": "sandbox bucket",
        "until": None,
        "location": {"file": "main.tf", "start_line": 1, "end_line": 1}}


def test_expired_suppression_blocks_again(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(tmp_path, monkeypatch, " until=2001-02-03", "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["summary"]["suppressed"] == 0
    assert doc["summary"]["by_status"] == {"fail": 8, "unknown": 0}
    assert [(n["level"], n["code"], n["file"], n["line"]) for n in doc["notices"]] == [
        ("warning", "suppression-expired", "main.tf", 1)]


def test_text_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(tmp_path, monkeypatch, " until=2999-12-31", "--compact")
    assert code == 0
    body, summary, gate = out.rsplit("\n\n", 2)
    assert gate == "Exit 0: no finding blocks.\n"  # suppressed findings never block
    assert body == '''\
No findings.

Suppressed — 8
main.tf
  2  medium  GOV-AWS-001  aws_s3_bucket.a: S3 bucket does not configure default server-side encryption
     suppressed (govern, main.tf:1): sandbox bucket; until 2999-12-31
  2  medium  GOV-AWS-004  aws_s3_bucket.a: S3 bucket has no public access block with all four settings enabled
     suppressed (govern, main.tf:1): sandbox bucket; until 2999-12-31
  2  low     GOV-AWS-015  aws_s3_bucket.a: AWS resource is missing required tags (missing tags: owner, cost-center)
     suppressed (govern, main.tf:1): sandbox bucket; until 2999-12-31
  2  low     GOV-AWS-155  aws_s3_bucket.a: S3 bucket does not log server access requests
     suppressed (govern, main.tf:1): sandbox bucket; until 2999-12-31
  2  low     GOV-AWS-156  aws_s3_bucket.a: S3 bucket does not encrypt new objects by default with a customer managed KMS key
     suppressed (govern, main.tf:1): sandbox bucket; until 2999-12-31
  2  medium  GOV-AWS-162  aws_s3_bucket.a: S3 bucket policy does not deny requests made over plain HTTP (the bucket has no policy)
     suppressed (govern, main.tf:1): sandbox bucket; until 2999-12-31
  2  medium  GOV-AWS-189  aws_s3_bucket.a: S3 bucket does not have versioning enabled
     suppressed (govern, main.tf:1): sandbox bucket; until 2999-12-31
  2  low     GOV-AWS-265  aws_s3_bucket.a: S3 bucket does not require MFA to delete object versions or change its versioning
     suppressed (govern, main.tf:1): sandbox bucket; until 2999-12-31'''  # noqa: E501
    assert summary.startswith("0 findings, 8 suppressed; 1 resource in 1 file, ")


def test_sarif_suppressions_are_valid(tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run(tmp_path, monkeypatch, " until=2999-12-31", "--format", "sarif")
    assert code == 0
    doc = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    results = doc["runs"][0]["results"]
    assert len(results) == 8
    assert results[0]["suppressions"] == [{
        "kind": "inSource", "status": "accepted", "justification": "sandbox bucket",
        "location": {"physicalLocation": {
            "artifactLocation": {"uri": "main.tf", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 1, "endLine": 1}}}}]
    assert results[0]["properties"]["suppressionSource"] == "govern"
    assert results[0]["properties"]["suppressedUntil"] == "2999-12-31"


def test_github_annotates_nothing_suppressed(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(tmp_path, monkeypatch, "", "--format", "github") == (0, "")
