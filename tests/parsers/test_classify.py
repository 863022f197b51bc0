"""Discovery by content: what a .json/.yaml file holds decides how it is read."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from govern.parsers.classify import (
    classify_file,
    classify_text,
    has_template_marker,
    template_marker,
)

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


@pytest.mark.parametrize("name, data, expected", [
    ("cfn.json", b'{"AWSTemplateFormatVersion": "2010-09-09", "Description": "caf\xe9"}',
     "cloudformation"),
    ("cfn.yaml", b"Description: caf\xe9\nResources:\n  B:\n    Type: AWS::S3::Bucket\n",
     "cloudformation"),
    ("arm.json", b'{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
     b'deploymentTemplate.json#", "metadata": {"d": "\xe9\xff"}, "resources": []}', "arm"),
    ("plan.json", b'{"format_version": "1.2", "resource_changes": [], "x": "\xe9"}', "tfplan"),
])
def test_file_that_is_not_utf8_is_classified_through_the_fallback(
        tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    # one Latin-1 byte must not make a template invisible (the parser warns about it)
    path = tmp_path / name
    path.write_bytes(data)
    assert classify_file(str(path)) == expected


QUOTED_AND_FLOW = [
    ("double-quoted keys", '"Resources":\n  B:\n    "Type": "AWS::S3::Bucket"\n'),
    ("single-quoted keys", "'Resources':\n  B:\n    'Type': 'AWS::S3::Bucket'\n"),
    ("quoted Transform", "'Transform': 'AWS::Serverless-2016-10-31'\n'Resources': {}\n"),
    ("quoted version", '"AWSTemplateFormatVersion": "2010-09-09"\n'),
    ("flow style", "{Resources: {B: {Type: AWS::S3::Bucket}}}\n"),
    ("flow after a comment", "# bucket\n---\n{Resources: {B: {Type: AWS::S3::Bucket}}}\n"),
    ("flow, single quotes", "{'Resources': {'B': {'Type': 'AWS::S3::Bucket'}}}\n"),
    ("flow, multi-line", "{\n  Resources: {\n    B: {Type: 'AWS::S3::Bucket'},\n  }\n}\n"),
    ("flow value", "Resources: {B: {'Type': \"AWS::S3::Bucket\"}}\n"),
    ("tagged string", "Resources:\n  B:\n    Type: !!str AWS::S3::Bucket\n"),
]


@pytest.mark.parametrize("text", [t for _, t in QUOTED_AND_FLOW],
                         ids=[n for n, _ in QUOTED_AND_FLOW])
def test_cloudformation_yaml_without_version_quoted_or_flow(text: str) -> None:
    assert classify_text(text, "stack.yaml") == "cloudformation"


def test_resource_type_of_aws_config_is_not_cloudformation() -> None:
    item = '{"resourceType": "AWS::S3::Bucket", "Resources": 1}'
    assert classify_text(item, "config.json") is None
    assert not has_template_marker(item.encode())


@pytest.mark.parametrize("data, expected", [
    (b'x = {"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', True),
    ("'Type': 'AWS::EC2::Instance'".encode("utf-16-le"), True),
    (b'\x00\x01AWSTemplateFormatVersion\x00', True),
    (b'"type": "Microsoft.Storage/storageAccounts"', True),
    (b'"$schema": "https://x/deploymentTemplate.json#"', True),
    (b'{"format_version": "1.2"}', True),
    (b'{"name": "app", "dependencies": {"aws-sdk": "2"}}', False),
    (b'{"resourceType": "AWS::S3::Bucket"}', False),
    (b"\x00" * 1000, False),
])
def test_template_markers(data: bytes, expected: bool) -> None:
    assert has_template_marker(data) is expected


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


ARM_SCHEMA = ('"$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
              'deploymentTemplate.json#"')


@pytest.mark.parametrize(("text", "kind"), [
    # found by benchmarks/fuzz.py: templates that were skipped in silence
    ("// storage account\n{" + ARM_SCHEMA + ', "resources": []}', "arm"),
    ("/* a\n   banner */\n{" + ARM_SCHEMA + ', "resources": []}', "arm"),
    ("\ufeff\ufeff{\"AWSTemplateFormatVersion\": \"2010-09-09\"}", "cloudformation"),
    ("<<<<<<< HEAD\n{\"AWSTemplateFormatVersion\": \"2010-09-09\"}\n=======\n{}\n"
     ">>>>>>> main\n", "cloudformation"),
    ("x{" + ARM_SCHEMA + ', "resources": []}', "arm"),
    # not templates: a YAML key before any bracket; a template nested in a YAML document
    ("key: {" + ARM_SCHEMA + "}\n", None),
    ("service: x\nresources:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n", None),
])
def test_what_only_junk_in_front_hid_is_classified(text: str, kind: str | None) -> None:
    assert classify_text(text, "t.json") == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("License: Apache-2.0\n{\"AWSTemplateFormatVersion\": \"2010-09-09\"}\n",
     "cloudformation"),
    ("<<EOF\n{" + ARM_SCHEMA + ', "resources": []}\nEOF\n', "arm"),
    # a documentation fragment: indented JSON after a key line is no template
    ('"resources": [\n  {\n    "type": "Microsoft.Storage/storageAccounts",\n'
     '    "apiVersion": "2021-04-01"\n  }\n]\n', None),
])
def test_json_after_lines_that_are_not_json(text: str, kind: str | None) -> None:
    assert classify_text(text, "t.json") == kind


@pytest.mark.parametrize(("data", "marker"), [
    (b'{\n  "AWSTemplate\xe9FormatVersion": 1,\n  "AWSTemplateFormatVersion": 2}', "strong"),
    (b'{\n  "$sch\xe9ma": "https://schema.management.azure.com/schemas/2019-08-01/'
     b'tenantDeploymentTemplate.json#"}', "strong"),  # a damaged key, the name in the head
    (b'{"format_version": "1.2", "resource_changes" [}', "strong"),
    # found by benchmarks/fuzz.py: the name deep down, in a file that is no JSON or YAML
    (b'{\n  "a": "' + b"x" * 600 + b'",\n  "b": [\n    {"$schema": "https://schema.management.'
     b'azure.com/schemas/2019-04-01/deploymentTemplate.json#"\n', "strong"),
    # or a valid document whose own top level names it, under a damaged key
    (b'{"$schem' + b"x" * 600 + b'a": "https://schema.management.azure.com/schemas/'
     b'2019-04-01/deploymentTemplate.json#", "resources": []}', "strong"),
    ("AWSTemplateFormatVersion: x\n".encode("utf-16-le"), "strong"),
    # an Azure Policy definition embeds a deployment template deep down: not its own kind
    (json.dumps({"name": "Deploy-Budget", "properties": {
        "description": "Deploys a budget. " * 30, "policyRule": {"then": {"deployment": {
            "template": {"$schema": "http://schema.management.azure.com/schemas/2018-05-01/"
                                    "subscriptionDeploymentTemplate.json"}}}}}},
                indent=2).encode(), "weak"),
    (b"service: x\nresources:\n  Resources:\n    B:\n      Type: AWS::S3::Bucket\n", "weak"),
    (b'{"name": "package", "version": "1.0.0"}', None),
])
def test_template_marker(data: bytes, marker: str | None) -> None:
    assert template_marker(data) == marker
