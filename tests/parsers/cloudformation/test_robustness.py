"""Bad CloudFormation input never crashes, hangs or blows up the scan: each reproducer is
one clear notice at its file and line, and the sentinel template beside it is still
reported (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.model.unknown import Unknown
from govern.parsers.budget import DEFAULT_LIMITS
from tests.parsers.robustness import notices_of, only_error, scan_beside_sentinel

HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
BUCKET = HEAD + "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"  # properties on line 5
JSON_HEAD = '{"AWSTemplateFormatVersion": "2010-09-09",\n "Resources": {"B": {\n'
DEPTH = DEFAULT_LIMITS.nesting + 1


def test_latin1_byte_is_read_with_a_warning_naming_the_byte(tmp_path: Path) -> None:
    text = BUCKET + "      BucketName: caf\xe9\n      AccessControl: PublicRead\n"
    report = scan_beside_sentinel(tmp_path, "latin1.yaml", text.encode("latin-1"))
    assert notices_of(report, "latin1.yaml") == [
        ("warning", 6, "not valid UTF-8 (byte 0xe9 at offset 118); read as cp1252")]
    assert ("GOV-AWS-002", "B") in {(f.rule_id, f.resource_address) for f in report.findings}


def test_latin1_byte_in_a_json_template_and_a_parameter_file(tmp_path: Path) -> None:
    from govern.parsers.cloudformation import parse_cloudformation

    template = tmp_path / "t.json"
    template.write_bytes((JSON_HEAD + ' "Type": "AWS::S3::Bucket", "Properties": '
                          '{"BucketName": {"Ref": "Name"}}}},\n "Description": "caf\xe9",\n'
                          ' "Parameters": {"Name": {"Type": "String"}}}\n').encode("latin-1"))
    parameters = tmp_path / "p.json"
    parameters.write_bytes('{\n "Name": "d\xe9j\xe0"\n}\n'.encode("latin-1"))
    result = parse_cloudformation([str(template)], [str(parameters)])
    assert [(n.level, n.file, n.line, n.code) for n in result.notices] == [
        ("warning", str(parameters), 2, "decode-fallback"),
        ("warning", str(template), 4, "decode-fallback")]
    assert result.resources[0].attributes == {"BucketName": "d\xe9j\xe0"}


UNREADABLE = [
    ("bigint.json", JSON_HEAD + ' "Type": "AWS::S3::Bucket",\n "Properties": {"X": '
     + "9" * 5000 + "}}}}", 4,
     "invalid JSON: the number 999999999999...999999 (5,000 characters) is too large to read"),
    ("huge.json", JSON_HEAD + ' "Type": "AWS::S3::Bucket",\n "Properties": {"X": 1e400}}}}',
     4, "invalid JSON: the number 1e400 is too large to read"),
    ("deep.json", JSON_HEAD + ' "Type": "AWS::S3::Bucket", "Properties": {"X":\n'
     + "[" * 5000 + "]" * 5000 + "}}}}", 4,
     f"invalid JSON: arrays and objects nested deeper than {DEFAULT_LIMITS.nesting} levels"),
    ("deep-flow.yaml", BUCKET + "      X: " + "[" * 50000 + "]" * 50000 + "\n", 6,
     f"invalid YAML: collections nested deeper than {DEFAULT_LIMITS.nesting} levels"),
    ("deep-block.yaml", BUCKET + "      X:\n" + "".join(
        " " * (8 + i) + "- \n" for i in range(DEPTH)), 7 + DEFAULT_LIMITS.nesting - 4,
     f"invalid YAML: collections nested deeper than {DEFAULT_LIMITS.nesting} levels"),
    ("compact.yaml", BUCKET + "      X:\n        " + "- " * 50000 + "x\n", 7,
     f"invalid YAML: collections nested deeper than {DEFAULT_LIMITS.nesting} levels"),
    ("recursive.yaml", BUCKET.replace("Properties:", "Properties: &p") + "      X: *p\n", 6,
     "invalid YAML: the alias *p is used inside the node anchored &p (line 5), which would "
     "make it infinite"),
    ("laughs.yaml", BUCKET + "      a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"      a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 12)),
     11, "invalid YAML: the document expands (aliases counted as the nodes they name) to "
     "more than 1,000,000 nodes"),
    ("surrogate.yaml", BUCKET + '      BucketName: "x\\ud800"\n', 6,
     "invalid YAML: found invalid Unicode character escape code"),
]


@pytest.mark.parametrize(("name", "text", "line", "message"), UNREADABLE,
                         ids=[case[0] for case in UNREADABLE])
def test_unreadable_template_is_one_error_at_its_line(tmp_path: Path, name: str, text: str,
                                                      line: int, message: str) -> None:
    report = scan_beside_sentinel(tmp_path, name, text)
    error = only_error(report, name)
    assert (error.line, error.message) == (line, message)


def test_wide_alias_use_below_the_limit_is_read(tmp_path: Path) -> None:
    text = (BUCKET + "      AccessControl: PublicRead\n      Tags: &t [{Key: k, Value: v}]\n"
            + "".join(f"      X{i}: *t\n" for i in range(100)))
    report = scan_beside_sentinel(tmp_path, "aliases.yaml", text)
    assert notices_of(report, "aliases.yaml") == []
    assert ("GOV-AWS-002", "B") in {(f.rule_id, f.resource_address) for f in report.findings}


def test_huge_yaml_integers_stay_text(tmp_path: Path) -> None:
    # the hexadecimal one (found by benchmarks/fuzz.py, seed 2) crashed the scan when the
    # template's parameter Type printed it: Python writes no int of more than 4,300 digits
    text = (BUCKET.replace("Resources:", "Parameters:\n  P:\n    Type: 0x" + "f" * 5000
                           + "\nResources:") + "      X: " + "9" * 5000 + "\n      Y: 1e400\n"
            "      Z: !Select [" + "9" * 5000 + ", [a]]\n")
    report = scan_beside_sentinel(tmp_path, "ints.yaml", text)
    assert notices_of(report, "ints.yaml") == [
        ("error", 11, "Fn::Select takes [index, [values]] with a number index")]


def test_lone_surrogates_in_json_names_and_values(tmp_path: Path) -> None:
    text = (JSON_HEAD.replace('"B"', '"B\\ud800"') + ' "Type": "AWS::S3::Bucket",\n'
            ' "Properties": {"BucketName": "x\\udfff", "AccessControl": "PublicRead",\n'
            ' "Tags": [{"Key": "\\ud800", "Value": "v"}]}}}}')
    report = scan_beside_sentinel(tmp_path, "surrogate.json", text)
    assert notices_of(report, "surrogate.json") == [
        ("warning", 2, "a string holds a \\u escape of a lone surrogate (not a character); "
         "read as U+FFFD"),
        ("warning", 4, "a string holds a \\u escape of a lone surrogate (not a character); "
         "read as U+FFFD"),
        ("warning", 5, "a string holds a \\u escape of a lone surrogate (not a character); "
         "read as U+FFFD")]
    assert ("GOV-AWS-002", "B\ufffd") in {(f.rule_id, f.resource_address)
                                          for f in report.findings}


@pytest.mark.parametrize(("count", "bits"), [("-1", "8"), ("1000000000", "8"), ("1e9", "8"),
                                             ("9" * 5000, "8"), ("2", "-3")],
                         ids=["negative", "billion", "float", "5000-digits", "negative-bits"])
def test_cidr_count_outside_cloudformation_limits(tmp_path: Path, count: str,
                                                  bits: str) -> None:
    text = (HEAD + "  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n"
            f"      CidrBlock: !Select [0, !Cidr ['::/0', {count}, {bits}]]\n")
    report = scan_beside_sentinel(tmp_path, "cidr.yaml", text)
    assert only_error(report, "cidr.yaml").message == (
        "Fn::Cidr takes [ip block, count (1 to 256), cidr bits]")


def test_cidr_within_limits_is_evaluated(tmp_path: Path) -> None:
    from govern.parsers.cloudformation import parse_cloudformation

    (tmp_path / "t.yaml").write_text(HEAD + "  S:\n    Type: AWS::EC2::Subnet\n"
                                     "    Properties:\n      CidrBlock: !Select [255, "
                                     "!Cidr ['10.0.0.0/8', 256, 8]]\n")
    result = parse_cloudformation([str(tmp_path / "t.yaml")])
    assert result.resources[0].attributes == {"CidrBlock": "10.0.255.0/24"}


def _join(count: int, delimiter: str = "aaaaaaaaaa") -> str:
    return f"!Join [{delimiter}, [" + ",".join(["xxxxxxxxxx"] * count) + "]]"


STRING_BOMBS = {
    "join": ("!Join ['', [" + ",".join(["x" * 20_000] * 51) + "]]",
             "Fn::Join at line 6: a value of 1,020,000 elements"),
    "split": ("!Split [',', !Ref Commas]", "Fn::Split at line 6: a value of 1,200,001 elements"),
    "sub": ("!Sub ['${A}${A}${A}${A}${A}${A}${A}${A}${A}${A}${A}', {A: " + _join(10000)
            + "}]", "Fn::Sub at line 6: a value of 2,199,890 elements"),
}


@pytest.mark.parametrize("case", sorted(STRING_BOMBS))
def test_string_functions_on_huge_values_exceed_the_budget(tmp_path: Path,
                                                           case: str) -> None:
    value, what = STRING_BOMBS[case]
    text = (BUCKET + f"      BucketName: {value}\n  C:\n    Type: AWS::S3::Bucket\n"
            "Parameters:\n  Commas:\n    Type: String\n    Default: '" + "," * 1_200_000
            + "'\n")
    report = scan_beside_sentinel(tmp_path, "bomb.yaml", text)
    error = only_error(report, "bomb.yaml")
    assert (error.line, error.code) == (3, "budget-exceeded")
    assert error.message == (f"resource B: {what} or characters exceeds govern's "
                             f"evaluation limit of 1,000,000; this resource and the ones "
                             f"after it in the template are not checked")


def test_each_template_has_its_own_budget(tmp_path: Path) -> None:
    """Templates just under the budget, side by side, are each evaluated."""
    value = "!Join ['', [" + ",".join(["x" * 20_000] * 45) + "]]"  # 900,000 characters
    for index in range(3):
        (tmp_path / f"t{index}.yaml").write_text(BUCKET + f"      BucketName: {value}\n"
                                                 "      AccessControl: PublicRead\n")
    report = scan_beside_sentinel(tmp_path, "t3.yaml", BUCKET + "      X: 1\n")
    assert [n for n in report.notices if n.level == "error"] == []
    assert {f.resource_address for f in report.findings if f.rule_id == "GOV-AWS-002"} == {
        "B", "PublicBucket"}


def test_number_parameters_too_large_stay_text(tmp_path: Path) -> None:
    from govern.parsers.cloudformation import parse_cloudformation

    (tmp_path / "t.yaml").write_text(
        "Parameters:\n  N: {Type: Number, Default: '" + "9" * 5000 + "'}\n"
        "  F: {Type: Number, Default: '1e400'}\n" + BUCKET
        + "      X: !Ref N\n      Y: !Ref F\n      Z: !Select [!Ref F, [a]]\n")
    result = parse_cloudformation([str(tmp_path / "t.yaml")])
    assert result.resources[0].attributes == {"X": "9" * 5000, "Y": "1e400",
                                               "Z": Unknown("invalid Fn::Select")}
    assert [(n.level, n.line, n.message) for n in result.notices] == [
        ("error", 11, "Fn::Select takes [index, [values]] with a number index")]
