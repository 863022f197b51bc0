"""Bad CloudFormation, ARM and plan files: each reported with file and line, the rest of the
scan goes on, and the exit code is 3."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govern.cli import cli

GOOD_BUCKET_TF = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n'

ARM_HEAD = ('{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
            'deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n')

CASES = {
    "malformed-yaml": ("template.yaml",
                       "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n"
                       "    Type: AWS::S3::Bucket\n    Properties: [unclosed\n", 6),
    "malformed-json": ("template.json",
                       '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n'
                       '    "B": {"Type": "AWS::S3::Bucket",}\n  }\n}\n', 4),
    "resources-not-a-mapping": ("template.yaml",
                                "AWSTemplateFormatVersion: '2010-09-09'\n"
                                "Resources:\n  - Type: AWS::S3::Bucket\n", 3),
    "unknown-intrinsic": ("template.yaml",
                          "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n"
                          "    Type: AWS::S3::Bucket\n    Properties:\n"
                          "      BucketName: {'Fn::Frobnicate': [a, b]}\n", 6),
    "arm-bad-expression": ("azuredeploy.json", ARM_HEAD +
                           '  "resources": [\n    {\n'
                           '      "type": "Microsoft.Storage/storageAccounts",\n'
                           '      "apiVersion": "2023-01-01",\n'
                           '      "name": "[concat(\'a\', ]",\n'
                           '      "location": "westeurope"\n    }\n  ]\n}\n', 8),
    "plan-unsupported-version": ("plan.json",
                                 '{\n  "format_version": "2.0",\n  "terraform_version": '
                                 '"9.0.0",\n  "planned_values": {},\n  "resource_changes": []\n}\n',
                                 2),
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_reported_and_the_scan_goes_on(case: str, tmp_path: Path) -> None:
    name, text, line = CASES[case]
    (tmp_path / name).write_text(text)
    (tmp_path / "main.tf").write_text(GOOD_BUCKET_TF)
    out_json = tmp_path / "out.json"
    code, out = run("scan", str(tmp_path), "--output", f"json={out_json}")
    assert code == 3, out
    assert "Traceback" not in out
    doc = json.loads(out_json.read_text())
    errors = [n for n in doc["notices"] if n["level"] == "error"]
    assert [(Path(n["file"]).name, n["line"]) for n in errors] == [(name, line)], errors
    # the rest of the scan went on: the Terraform bucket beside the bad file was judged
    assert any(f["resource"]["address"] == "aws_s3_bucket.logs" for f in doc["findings"])


def test_unclosed_yaml_says_where_the_construct_began(tmp_path: Path) -> None:
    name, text, _ = CASES["malformed-yaml"]
    (tmp_path / name).write_text(text)
    _, out = run("scan", str(tmp_path))
    assert "template.yaml:6: invalid YAML: did not find expected ',' or ']' (while parsing a " \
           "flow sequence on line 5)" in out
