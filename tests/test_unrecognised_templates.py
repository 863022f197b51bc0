"""Fail closed on documents no parser takes: one whose bytes name a template's or a plan's
kind where a document's own keys are is an error (exit 3) naming it; one that only holds
resource types (an Azure Policy definition, a Serverless Framework file) is not reported,
unless named on the command line (a note)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from govern.cli import cli

DAMAGED_ARM = (b'{\n  "$sch\xe9ma": "https://schema.management.azure.com/schemas/2019-08-01/'
               b'tenantDeploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n'
               b'  "resources": []\n}\n')
POLICY = json.dumps({"name": "Deploy-Budget",
                     "type": "Microsoft.Authorization/policyDefinitions",
                     "properties": {
                         "displayName": "Deploy a default budget on all subscriptions",
                         "description": "Deploys a default budget on all subscriptions "
                                        "under the assigned scope. " * 8,
                         "policyRule": {"then": {"details": {"deployment": {
                         "properties": {"template": {
                             "$schema": "http://schema.management.azure.com/schemas/"
                                        "2018-05-01/subscriptionDeploymentTemplate.json",
                             "resources": []}}}}}}}}, indent=2)
# (real ones hold the embedded template's schema hundreds of bytes down, indented deep)
SERVERLESS = "service: x\nresources:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n"


def scan(*paths: Path) -> tuple[int, list[tuple[str, str, str]]]:
    result = CliRunner().invoke(cli, ["scan", *map(str, paths), "--format", "json"])
    doc: dict[str, Any] = json.loads(result.stdout)
    return result.exit_code, [(n["level"], n["code"], Path(n["file"]).name)
                              for n in doc["notices"]]


def test_a_template_named_but_unreadable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "tenant.json").write_bytes(DAMAGED_ARM)
    code, notices = scan(tmp_path)
    assert code == 3
    assert ("error", "unrecognised-template", "tenant.json") in notices


def test_documents_that_embed_templates_are_not_reported(tmp_path: Path) -> None:
    (tmp_path / "policy.json").write_text(POLICY)
    (tmp_path / "serverless.yml").write_text(SERVERLESS)
    assert scan(tmp_path) == (0, [])
    code, notices = scan(tmp_path / "policy.json")
    assert (code, notices) == (0, [("note", "skipped-unsupported", "policy.json")])
