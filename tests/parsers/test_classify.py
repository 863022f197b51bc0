"""Discovery by content: what a .json/.yaml file holds decides how it is read."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from govern.parsers.classify import classify_file, classify_text

CASES = [
    ("cfn.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", "cloudformation"),
    ("sam.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n"
     "    Type: AWS::Serverless::Function\n", "cloudformation"),
    ("bare.json", '{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', "cloudformation"),
    ("quoted.yml", 'Resources:\n  B:\n    Type: "AWS::S3::Bucket"\n', "cloudformation"),
    ("arm.json", '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
     'deploymentTemplate.json#", "resources": []}', "arm"),
    ("sub.json", '{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/'
     'subscriptionDeploymentTemplate.json#", "resources": []}', "arm"),
    ("noschema.json", '{"resources": [{"type": "Microsoft.Storage/storageAccounts", '
     '"apiVersion": "2023-01-01", "name": "x"}]}', "arm"),
    ("x.parameters.json", '{"$schema": "https://schema.management.azure.com/schemas/'
     '2019-04-01/deploymentParameters.json#", "parameters": {}}', "arm-parameters"),
    ("plan.json", '{"format_version": "1.2", "terraform_version": "1.9.0", '
     '"planned_values": {}}', "tfplan"),
    ("changes.json", '{"format_version":"1.2","resource_changes":[]}', "tfplan"),
    ("params.json", '[{"ParameterKey": "Env", "ParameterValue": "prod"}]', "cfn-parameters"),
    ("package.json", '{"name": "app", "version": "1.0.0", "dependencies": {}}', None),
    ("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n", None),
    ("ci.yml", "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n", None),
    ("policy.json", '{"Version": "2012-10-17", "Statement": []}', None),
    ("state.json", '{"format_version": "1.0", "values": {}}', None),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_classify_text(name: str, text: str, expected: str | None) -> None:
    assert classify_text(text, name) == expected


def test_utf16_arm_template_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "azuredeploy.json"
    text = ('{"$schema": "https://schema.management.azure.com/schemas/2015-01-01/'
            'deploymentTemplate.json#", "resources": []}')
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert classify_file(str(path)) == "arm"


def test_undecodable_file_is_not_classified(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b'{"AWSTemplateFormatVersion": "\xff\xfe\xfa"}')
    assert classify_file(str(path)) is None


def test_template_nested_in_another_document_is_not_a_template() -> None:
    event = ('{"requestId": 1, "fragment": {"Resources": {"B": {"Type": "AWS::S3::Bucket", '
             '"Count": 2}}}}')
    assert classify_text(event, "event.json") is None


def test_arm_symbolic_resources_and_invalid_json_sniffed() -> None:
    symbolic = ('{"languageVersion": "2.0", "resources": {"sa": {"type": '
                '"Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01"}}}')
    assert classify_text(symbolic, "main.json") == "arm"
    broken = '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {,}'
    assert classify_text(broken, "broken.json") == "cloudformation"


def test_yaml_top_level_keys_only() -> None:
    nested = "spec:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n"
    assert classify_text(nested, "x.yaml") is None


def test_indented_yaml_document() -> None:
    text = "---\n  AWSTemplateFormatVersion: '2010-09-09'\n  Resources:\n    B:\n" \
           "      Type: AWS::S3::Bucket\n"
    assert classify_text(text, "vpc.yaml") == "cloudformation"
