"""Templates -> native resources: shape, line ranges in YAML and JSON, resource
conditions, and bad input (reported with file and line; the rest is still read)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from tests.parsers.cloudformation.helpers import messages, parse, resources

YAML = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # ruleid: GOV-AWS-001
  Bucket:
    Type: AWS::S3::Bucket
    DependsOn: Key
    Properties:
      BucketName: data
      Tags:
        - Key: owner
          Value: team

  Key:
    Type: AWS::KMS::Key
"""


def _lines(native_locations: dict[tuple[str | int, ...], SourceRange]
           ) -> dict[tuple[str | int, ...], tuple[int, int]]:
    return {path: (r.start_line, r.end_line) for path, r in native_locations.items()}


def test_yaml_resource(tmp_path: Path) -> None:
    result = parse(tmp_path, YAML)
    path = str(tmp_path / "template.yaml")
    assert result.files == [path]
    bucket, key = result.resources
    assert (bucket.format, bucket.native_type, bucket.address, bucket.root) == (
        "cloudformation", "AWS::S3::Bucket", "Bucket", path)
    assert bucket.range == SourceRange(path, 4, 11)
    assert key.range == SourceRange(path, 13, 14)
    assert bucket.attributes == {"BucketName": "data",
                                 "Tags": [{"Key": "owner", "Value": "team"}]}
    assert bucket.references == ["Key"]
    assert _lines(bucket.locations) == {
        ("BucketName",): (8, 8), ("Tags",): (9, 11), ("Tags", 0): (10, 11),
        ("Tags", 0, "Key"): (10, 10), ("Tags", 0, "Value"): (11, 11)}
    assert key.attributes == {} and key.locations == {}


def test_json_resource(tmp_path: Path) -> None:
    text = json.dumps({"Resources": {
        "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {
            "BucketName": "data", "Tags": [{"Key": "owner", "Value": {"Ref": "Key"}}]}},
        "Key": {"Type": "AWS::KMS::Key"}}}, indent=2)
    result = parse(tmp_path, text, "template.json")
    bucket, key = result.resources
    assert bucket.range.start_line == 3 and bucket.range.end_line == 16
    assert bucket.attributes["Tags"] == [{"Key": "owner",
                                          "Value": Unknown("known after apply", ref="Key")}]
    assert _lines(bucket.locations) == {
        ("BucketName",): (6, 6), ("Tags",): (7, 14), ("Tags", 0): (8, 13),
        ("Tags", 0, "Key"): (9, 9), ("Tags", 0, "Value"): (10, 12)}
    assert bucket.references == ["Key"]
    assert key.range.start_line == 17


def test_resource_conditions(tmp_path: Path) -> None:
    result = parse(tmp_path, """\
Parameters:
  Env: {Type: String}
Conditions:
  Never: !Equals [a, b]
  Maybe: !Equals [!Ref Env, prod]
Resources:
  Skipped:
    Type: AWS::S3::Bucket
    Condition: Never
  Checked:
    Type: AWS::S3::Bucket
    Condition: Maybe
""")
    assert list(resources(result)) == ["Checked"]
    assert messages(result) == [
        "note condition-unknown 12: Checked: checked although it may not be created "
        "(condition Maybe: parameter Env has no value)"]


def test_properties_chosen_by_an_unknown_condition(tmp_path: Path) -> None:
    result = parse(tmp_path, """\
Parameters:
  Env: {Type: String}
Conditions:
  Maybe: !Equals [!Ref Env, prod]
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties: !If [Maybe, {BucketName: a}, {BucketName: b}]
""")
    assert resources(result)["R"].attributes == {}


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Resources:\n  R: [1\n", "t.yaml", ["error parse-error 3: invalid YAML: "]),
    ('{"Resources": {"R": {"Type": "AWS::S3::Bucket",}}}', "t.json",
     ['error parse-error 1: invalid JSON: expected a quoted object key, found "}"']),
    ("AWSTemplateFormatVersion: x\n", "t.yaml",
     ["error invalid-template 1: the template has no Resources section"]),
    ("Resources:\n  - a\n", "t.yaml",
     ["error invalid-template 2: Resources must be a mapping of logical ids to resources"]),
    ("- a\n", "t.yaml",
     ["error invalid-template 1: the template is not a mapping of sections (Resources, "
      "Parameters, ...)"]),
])
def test_bad_templates(tmp_path: Path, text: str, name: str, expected: list[str]) -> None:
    result = parse(tmp_path, text, name)
    assert result.resources == []
    found = messages(result)
    assert len(found) == len(expected)
    for message, prefix in zip(found, expected, strict=True):
        assert message.startswith(prefix)
    assert all(n.file == str(tmp_path / name) for n in result.notices)


def test_bad_resources_do_not_stop_the_others(tmp_path: Path) -> None:
    result = parse(tmp_path, """\
Resources:
  NoType:
    Properties: {}
  NotAMapping: text
  BadProperties:
    Type: AWS::S3::Bucket
    Properties: [1, 2]
  Good:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: a
      BucketName: b
""")
    assert messages(result) == [
        "warning duplicate-key 12: duplicate key 'BucketName' (first defined on line 11); "
        "the last value is used",
        "error invalid-template 2: resource NoType has no Type",
        "error invalid-template 4: resource NotAMapping must be a mapping with a Type",
        "error invalid-template 7: the Properties of resource BadProperties must be a mapping",
    ]
    assert {n.address: n.attributes for n in result.resources} == {
        "BadProperties": {}, "Good": {"BucketName": "b"}}


def test_unreadable_file(tmp_path: Path) -> None:
    from govern.parsers.cloudformation import parse_cloudformation

    missing = str(tmp_path / "missing.yaml")
    result = parse_cloudformation([missing])
    assert messages(result) == ["error parse-error None: cannot read: No such file or "
                                "directory"]
    assert result.files == []
