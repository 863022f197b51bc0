"""Parameter files (three forms, applied to every template), defaults, types, NoEcho,
SSM parameters and pseudo parameters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govern.model.unknown import Unknown
from tests.parsers.cloudformation.helpers import messages, parse, properties, resources

HEADER = """\
Parameters:
  Env: {Type: String, Default: dev}
  Secret: {Type: String, NoEcho: true, Default: hunter2}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
  Sizes: {Type: "List<Number>", Default: "1,2"}
  Ami: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /ami/latest}
  Port: {Type: Number, Default: 80}
  Flag: {Type: String, Default: true}
"""
BODY = """\
      Env: !Ref Env
      Secret: !Ref Secret
      Subnets: !Ref Subnets
      Sizes: !Ref Sizes
      Ami: !Ref Ami
      Port: !Ref Port
      Flag: !Ref Flag
      Region: !Ref AWS::Region
      Partition: !Ref AWS::Partition
      Suffix: !Ref AWS::URLSuffix
"""


def test_defaults_and_types(tmp_path: Path) -> None:
    assert properties(tmp_path, BODY, HEADER) == {
        "Env": "dev",
        "Secret": Unknown("parameter Secret is NoEcho: its value is not in the template"),
        "Subnets": Unknown("parameter Subnets has no value"),
        "Sizes": [1, 2],
        "Ami": Unknown("parameter Ami is read from the SSM parameter /ami/latest"),
        "Port": 80,
        "Flag": "true",
        "Region": Unknown("the region is not known statically (AWS::Region)"),
        "Partition": "aws",
        "Suffix": "amazonaws.com",
    }


@pytest.mark.parametrize("content", [
    [{"ParameterKey": "Env", "ParameterValue": "prod"},
     {"ParameterKey": "Secret", "ParameterValue": "s3cr3t"},
     {"ParameterKey": "Subnets", "ParameterValue": "subnet-1, subnet-2"},
     {"ParameterKey": "AWS::Region", "ParameterValue": "cn-north-1"},
     {"ParameterKey": "Unused", "UsePreviousValue": True}],
    {"Parameters": {"Env": "prod", "Secret": "s3cr3t", "Subnets": "subnet-1,subnet-2",
                    "AWS::Region": "cn-north-1"}, "Tags": {"team": "x"}},
    {"Env": "prod", "Secret": "s3cr3t", "Subnets": ["subnet-1", "subnet-2"],
     "AWS::Region": "cn-north-1", "NotInTheTemplate": "ignored"},
], ids=["aws-cli", "parameters-key", "plain-map"])
def test_parameter_files(tmp_path: Path, content: object) -> None:
    given = tmp_path / "params.json"
    given.write_text(json.dumps(content))
    found = properties(tmp_path, BODY, HEADER, parameter_files=(str(given),))
    assert {k: found[k] for k in ("Env", "Secret", "Subnets", "Region", "Partition",
                                  "Suffix")} == {
        "Env": "prod", "Secret": "s3cr3t", "Subnets": ["subnet-1", "subnet-2"],
        "Region": "cn-north-1", "Partition": "aws-cn", "Suffix": "amazonaws.com.cn"}


def test_parameter_files_apply_to_every_template_and_later_files_win(tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    first.write_text('{"Env": "staging", "Port": "8080"}')
    second = tmp_path / "b.yaml"
    second.write_text("Env: prod\n")
    template = "Parameters:\n  Env: {Type: String}\n  Port: {Type: Number}\nResources:\n" \
               "  R:\n    Type: AWS::S3::Bucket\n    Properties:\n" \
               "      Env: !Ref Env\n      Port: !Ref Port\n"
    (tmp_path / "one.yaml").write_text(template)
    (tmp_path / "two.yaml").write_text(template)
    from govern.parsers.cloudformation import parse_cloudformation

    result = parse_cloudformation([str(tmp_path / "one.yaml"), str(tmp_path / "two.yaml")],
                                  [str(first), str(second)])
    assert [(n.root.rsplit("/", 1)[-1], n.attributes) for n in result.resources] == [
        ("one.yaml", {"Env": "prod", "Port": 8080}),
        ("two.yaml", {"Env": "prod", "Port": 8080})]


@pytest.mark.parametrize(("content", "expected"), [
    ("[1, 2]", "error parse-error None: invalid parameter file: every entry needs a "
               "ParameterKey"),
    ('{"a": [1,', "error parse-error 1: invalid parameter file: "),
    ("just text", "error parse-error 1: invalid parameter file: expected a list or a "
                  "mapping"),
])
def test_bad_parameter_files(tmp_path: Path, content: str, expected: str) -> None:
    given = tmp_path / "params.json"
    given.write_text(content)
    result = parse(tmp_path, "Resources:\n  R:\n    Type: AWS::S3::Bucket\n",
                   parameter_files=(str(given),))
    assert len(result.notices) == 1
    assert messages(result)[0].startswith(expected)
    assert result.notices[0].file == str(given)
    assert list(resources(result)) == ["R"]
