"""Reading inline expectations from rule fixtures, in every format, and malformed ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govern.engine.expectations import Expectation, base_address, read_expectations
from govern.errors import SourceError


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text)
    return path


def test_terraform_comments_above_the_resource(tmp_path: Path) -> None:
    path = write(tmp_path, "main.tf", '''\
# ruleid: ACME-AWS-001, GOV-AWS-015
// ok: GOV-AWS-001
resource "aws_instance" "web" {
}

# a plain comment
resource "aws_instance" "other" {}

# unknown: ACME-AWS-001
resource "aws_instance" "maybe" {}
''')
    assert read_expectations(tmp_path, "terraform") == [
        Expectation("ruleid", "ACME-AWS-001", "aws_instance.web", str(path), 1),
        Expectation("ruleid", "GOV-AWS-015", "aws_instance.web", str(path), 1),
        Expectation("ok", "GOV-AWS-001", "aws_instance.web", str(path), 2),
        Expectation("unknown", "ACME-AWS-001", "aws_instance.maybe", str(path), 9),
    ]


def test_cloudformation_yaml_and_json(tmp_path: Path) -> None:
    yaml_file = write(tmp_path, "template.yaml", '''\
Resources:
  # ruleid: ACME-AWS-001
  Web:
    Type: AWS::EC2::Instance
''')
    doc = {"Resources": {"App": {"Type": "AWS::EC2::Instance",
                                 "Metadata": {"govern-test": "ok: ACME-AWS-001; "
                                                             "ruleid: GOV-AWS-015"}}}}
    json_file = write(tmp_path, "template.json", json.dumps(doc, indent=2))
    assert read_expectations(tmp_path, "cloudformation") == [
        Expectation("ok", "ACME-AWS-001", "App", str(json_file), 6),
        Expectation("ruleid", "GOV-AWS-015", "App", str(json_file), 6),
        Expectation("ruleid", "ACME-AWS-001", "Web", str(yaml_file), 2),
    ]


def test_arm_comments_with_nested_children(tmp_path: Path) -> None:
    doc = {"resources": [{
        "type": "Microsoft.Storage/storageAccounts", "name": "acct",
        "comments": "ruleid: GOV-AZURE-001",
        "resources": [{"type": "blobServices", "name": "default",
                       "comments": "ok: GOV-AZURE-002"}]}]}
    path = write(tmp_path, "azuredeploy.json", json.dumps(doc, indent=2))
    write(tmp_path, "azuredeploy.parameters.json", "not read")
    found = read_expectations(tmp_path, "arm")
    assert found == [
        Expectation("ruleid", "GOV-AZURE-001", "Microsoft.Storage/storageAccounts/acct",
                    str(path), 6, True),
        Expectation("ok", "GOV-AZURE-002",
                    "Microsoft.Storage/storageAccounts/blobServices/acct/default",
                    str(path), 11, True),
    ]
    assert found[0].matches("Microsoft.Resources/deployments/inner/"
                            "Microsoft.Storage/storageAccounts/acct")


def test_tfplan_sidecar(tmp_path: Path) -> None:
    path = write(tmp_path, "expectations.txt",
                 "# comment\n\nruleid: GOV-AWS-001 module.a.aws_s3_bucket.b\n")
    assert read_expectations(tmp_path, "tfplan") == [
        Expectation("ruleid", "GOV-AWS-001", "module.a.aws_s3_bucket.b", str(path), 3)]


def test_instance_keys_are_ignored() -> None:
    exp = Expectation("ruleid", "GOV-AWS-001", "aws_s3_bucket.b", "main.tf", 1)
    assert exp.matches('aws_s3_bucket.b["k"]') and exp.matches("aws_s3_bucket.b[0]")
    assert base_address("Microsoft.Storage/storageAccounts/[parameters('n')]") == (
        "Microsoft.Storage/storageAccounts/[parameters('n')]")


@pytest.mark.parametrize(("fmt", "name", "text", "message"), [
    ("terraform", "main.tf", "# ruleid: GOV-AWS-001\nvariable \"x\" {}\n",
     "FILE:1: annotation not followed by a resource (put it directly above the resource "
     "it is about)"),
    ("terraform", "main.tf", "# ruleid: GOV-AWS-001; oops\nresource \"a\" \"b\" {}\n",
     "FILE:1: not an expectation: 'oops' (write ruleid: ID, ok: ID or unknown: ID)"),
    ("cloudformation", "template.json", "{\n  \"Resources\": [\n",
     "FILE:3: invalid JSON: Expecting value"),
    ("tfplan", "expectations.txt", "ruleid: GOV-AWS-001\n",
     "FILE:1: expected 'KIND: RULE-ID ADDRESS'"),
])
def test_malformed_annotations(tmp_path: Path, fmt: str, name: str, text: str,
                               message: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(SourceError) as caught:
        read_expectations(tmp_path, fmt)
    assert str(caught.value).replace(str(path), "FILE") == message


def test_tfplan_without_sidecar(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        read_expectations(tmp_path, "tfplan")
    assert str(caught.value) == (f"{tmp_path}: no expectations.txt beside the plan (add "
                                 f"lines 'ruleid: RULE-ID ADDRESS')")


def test_a_comment_padded_with_spaces_is_read_in_linear_time(tmp_path: Path) -> None:
    # `(.+?)\s*$` tried the end of the line after every character: 200,000 spaces in one
    # comment took minutes; the alarm fails the test instead of hanging the suite
    from tests.parsers.robustness import alarm

    path = write(tmp_path, "main.tf", "# ok: ACME-AWS-001," + " " * 200_000 + "ACME-AWS-003\n"
                 '# ruleid: ACME-AWS-002   \nresource "aws_instance" "web" {}\n')
    with alarm(10):
        found = read_expectations(tmp_path, "terraform")
    assert [(e.kind, e.rule_id, e.line, e.file) for e in found] == [
        ("ok", "ACME-AWS-001", 1, str(path)), ("ok", "ACME-AWS-003", 1, str(path)),
        ("ruleid", "ACME-AWS-002", 2, str(path))]
