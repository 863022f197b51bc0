"""Property tests: whatever the text of a CloudFormation template (YAML or JSON), the
parser raises nothing (problems are notices at lines of the file), stays bounded, and the
sentinel template beside it is still reported while the template itself is read or named
in an error."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govern.errors import SourceError
from govern.parsers.cloudformation import parse_cloudformation
from govern.parsers.cloudformation.parser import load_template
from govern.parsers.decoding import decode_bytes
from tests.parsers.robustness import alarm, edited, scan_fuzzed, write_content

ALARM = 15
YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SCAN_SETTINGS = settings(SETTINGS, max_examples=40)

HEADERS = ("AWSTemplateFormatVersion: '2010-09-09'\n", "AWSTemplateFormatVersion: 2010-09-09\n",
           "Transform: AWS::Serverless-2016-10-31\n", "Transform: [AWS::Serverless-2016-10-31]\n",
           "---\nAWSTemplateFormatVersion: '2010-09-09'\n", "%YAML 1.1\n---\n", "",
           "# comment\nResources:\n  R:\n    Type: AWS::S3::Bucket\n", "\ufeff")
INDENTS = ("", "  ", "    ", "      ", "        ", "- ", "  - ", "      - ", "\t")
KEYS = ("AWSTemplateFormatVersion:", "Transform:", "Resources:", "Parameters:",
        "Conditions:", "Mappings:", "Outputs:", "Globals:", "Metadata:", "B:", "C:", "P:",
        "M:", "Type:", "Properties:", "Condition:", "DependsOn:", "Default:",
        "AllowedValues:", "Value:", "Key:", "AccessControl:", "BucketName:", "Tags:",
        "CidrBlock:", "Ref:", "Fn::GetAtt:", "Fn::Sub:", "Fn::If:", "Fn::Join:", "<<:", "?",
        "x:", "'q:'", '"d\\u0000":', "Fn::ForEach::L:")
CLEAN = ("AWS::S3::Bucket", "AWS::EC2::SecurityGroup", "AWS::Serverless::Function",
         "Custom::X", "String", "Number", "CommaDelimitedList", "List<Number>", "PublicRead",
         "B", "C", "P", "!Ref B", "!Ref P", "!Ref AWS::Region", "!Ref AWS::NoValue",
         "!Sub '${B}-${AWS::AccountId}'", "!Sub ['${x}', {x: !Ref P}]", "!Sub '${'",
         "!GetAtt B.Arn", "!GetAtt [B, Arn]", "!Join ['', [a, !Ref B]]", "!Join [',', !Ref P]",
         "!Select [0, !GetAZs '']", "!Select [9, [a]]", "!Select ['-1', [a]]",
         "!Split [',', !Ref P]", "!Split ['', abc]", "!If [C, a, !Ref AWS::NoValue]",
         "!Equals [a, !Ref P]", "!Not [!Equals [a, b]]", "!And [!Condition C]",
         "!Or [!Condition C, !Condition C]", "!Condition C", "!Condition Missing",
         "!Cidr ['10.0.0.0/16', 256, 8]", "!Cidr ['::/0', 2, 128]", "!Cidr [x, y, z]",
         "!FindInMap [M, !Ref AWS::Region, k]", "!FindInMap [M, a, b, {DefaultValue: d}]",
         "!Base64 x", "!Base64 !Ref P", "!ImportValue x", "!GetAZs", "!Length [1, 2]",
         "!ToJsonString {a: !Ref B}", "!Transform {Name: X}", "!Unknown x", "!Ref",
         "{Ref: B}", "{'Fn::GetAtt': [B, Arn]}", "{'Fn::Nope': 1}", "&a [1, 2]", "9" * 60,
         "1e400", "-1", "0x1F", "0o17", "1_000", ".inf", ".nan", "~", "null", "yes", "no",
         "on", "2001-12-14t21:59:43.10-05:00", "!!binary aGk=", "!!str 1", '"\\U0001F600"',
         "é", "\ud7ff", "")
# what YAML does not allow, or allows only in some places
BROKEN = ("*a", "[*a, *a]", "&a", "&a x", "*missing", "[", "]", "{", "}", "[a, b", "{a: 1",
          "'", '"', "'unclosed", '"x\\ud800"', '"\\udc00"', "!!python/object:os.system x",
          "!!set {a}", "!!omap [a: 1]", "!!int x", "!!float y", "!!timestamp z", "|", ">-",
          "|+\n  text", "# c", "\x85", "\u2028", "\x00", "\x1b", "? x", ": y", "%", "@",
          "`", "\t")
# long runs: a number too large, and nesting past the limit (256)
RUNS = st.builds(lambda piece, count: piece * count,
                 st.sampled_from(["9", "[", "]", "- ", "{a: ", "[a, ", "*a, "]),
                 st.sampled_from([60, 255, 300, 5000]))
VALUES = CLEAN + BROKEN
VALUE = st.sampled_from(CLEAN) | st.text(st.characters(categories=("L", "N", "Zs")),
                                         max_size=4)
ANY_VALUE = VALUE | st.sampled_from(BROKEN) | RUNS
PROPERTY = st.builds(
    lambda key, value, items: f"      {key}: {value}\n" if not items else f"      {key}:\n"
    + "".join(f"        - {item}\n" for item in items),
    st.sampled_from(["AccessControl", "BucketName", "Tags", "CidrBlock", "X", "<<"]), VALUE,
    st.lists(VALUE, max_size=2))
RESOURCES = st.builds(
    lambda name, kind, properties: f"Resources:\n  {name}:\n    Type: {kind}\n"
    f"    Properties:\n" + "".join(properties), st.sampled_from(["B", "R", "C"]),
    st.sampled_from(CLEAN[:4]) | VALUE, st.lists(PROPERTY, max_size=5))
SECTIONS = (
    RESOURCES,
    st.builds(lambda name, kind, value: f"Parameters:\n  {name}:\n    Type: {kind}\n"
              f"    Default: {value}\n", st.sampled_from(["P", "N", "B"]),
              st.sampled_from(CLEAN[4:8]), VALUE),
    st.builds(lambda value: f"Conditions:\n  C: {value}\n", VALUE),
    st.builds(lambda value: f"Mappings:\n  M:\n    us-east-1:\n      k: {value}\n", VALUE),
    st.builds(lambda value: f"Outputs:\n  O:\n    Value: {value}\n", VALUE),
)
# a line of any indentation, key and value, put anywhere
LINE = st.builds(lambda indent, key, value: f"{indent}{key} {value}".rstrip(),
                 st.sampled_from(INDENTS), st.sampled_from(KEYS) | st.just(""), ANY_VALUE)


def yaml_text(header: str, sections: list[str], noise: list[tuple[float, str]]) -> str:
    lines = (header + "".join(sections)).split("\n")
    for where, line in noise:
        lines.insert(int(where * len(lines)), line)
    return "\n".join(lines)


YAML_TEXT = st.builds(yaml_text, st.sampled_from(HEADERS),
                      st.tuples(RESOURCES, st.lists(st.one_of(*SECTIONS), max_size=3)).flatmap(
                          lambda drawn: st.permutations([drawn[0], *drawn[1]])),
                      st.lists(st.tuples(st.floats(min_value=0, max_value=1), LINE),
                               max_size=2))

# Templates as data, dumped as JSON or YAML: sections with the keys CloudFormation reads,
# and intrinsic functions with arguments of any shape.
FUNCTIONS = ("Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split",
             "Fn::FindInMap", "Fn::Base64", "Fn::GetAZs", "Fn::ImportValue", "Fn::Cidr",
             "Fn::Length", "Fn::ToJsonString", "Fn::Transform", "Fn::If", "Fn::Equals",
             "Fn::Not", "Fn::And", "Fn::Or", "Condition", "Fn::ForEach::L", "Fn::Nope")
NAMES = ("B", "C", "P", "N", "L", "M", "AWS::Region", "AWS::NoValue", "AWS::AccountId",
         "AWS::StackName", "Missing", "")
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(NAMES),
                    st.sampled_from(["${B}", "${B.Arn}", "${!x}", "${", "10.0.0.0/16", "a,b",
                                     "PublicRead", "", "x" * 300]),
                    st.text(max_size=8))
TREES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from((*NAMES, "a", "Key", "Value")), inner, max_size=3)
    | st.builds(lambda name, argument: {name: argument}, st.sampled_from(FUNCTIONS), inner),
    max_leaves=25)
RESOURCE = st.fixed_dictionaries(
    {"Type": st.sampled_from(["AWS::S3::Bucket", "AWS::EC2::SecurityGroup", "Custom::X",
                              "AWS::Serverless::Function", "AWS::CloudFormation::Stack"])
     | TREES},
    optional={"Properties": st.dictionaries(
        st.sampled_from(["AccessControl", "BucketName", "Tags", "SecurityGroupIngress",
                         "CidrIp", "Fn::Transform"]), TREES, max_size=4) | TREES,
        "Condition": st.sampled_from(NAMES) | TREES, "DependsOn": TREES,
        "Metadata": TREES, "DeletionPolicy": TREES})
TEMPLATES = st.fixed_dictionaries(
    {"Resources": st.dictionaries(st.sampled_from((*NAMES[:4], "R", "\u00e9")), RESOURCE,
                                  max_size=3) | TREES},
    optional={"AWSTemplateFormatVersion": st.just("2010-09-09") | TREES,
              "Transform": st.sampled_from(["AWS::Serverless-2016-10-31"]) | TREES,
              "Parameters": st.dictionaries(st.sampled_from(NAMES[:5]), st.fixed_dictionaries(
                  {"Type": st.sampled_from(["String", "Number", "CommaDelimitedList",
                                            "List<Number>", "AWS::SSM::Parameter::Value<"
                                            "String>"]) | TREES},
                  optional={"Default": TREES, "AllowedValues": TREES}), max_size=3) | TREES,
              "Conditions": st.dictionaries(st.sampled_from(NAMES[:4]), TREES, max_size=3),
              "Mappings": TREES, "Outputs": TREES, "Globals": TREES})


def dumped(template: dict[str, Any], as_json: bool) -> str:
    if as_json:
        return json.dumps(template, indent=1)
    return yaml.safe_dump(template, sort_keys=False, allow_unicode=True)


TEMPLATE_TEXT = st.builds(dumped, TEMPLATES, st.booleans())
EDITS = st.lists(st.tuples(st.floats(min_value=0, max_value=1),
                           st.integers(min_value=0, max_value=6),
                           st.sampled_from(VALUES + KEYS + ("\n", "  ", ",", ":", "- "))),
                 max_size=4)
TEXT = st.one_of(YAML_TEXT, TEMPLATE_TEXT, st.builds(edited, TEMPLATE_TEXT, EDITS))
BYTES = st.builds(lambda header, data: header.encode() + data, st.sampled_from(HEADERS),
                  st.binary(max_size=300))


def line_count(path: Path) -> int:
    """The lines of a file as YAML counts them: a CR alone, NEL (U+0085) and the Unicode
    line and paragraph separators end a line too."""
    return len(YAML_BREAK.findall(decode_bytes(path.read_bytes()).text)) + 1


def parse(path: Path) -> None:
    """Parse `path` directly: never an exception; every notice, resource and location at
    lines of the file. Loading it alone raises nothing but SourceError."""
    lines = line_count(path)
    with alarm(ALARM):
        try:
            load_template(str(path))
        except SourceError as error:
            assert error.file == str(path)
            assert error.line is None or 1 <= error.line <= lines, error
        result = parse_cloudformation([str(path)])
    for notice in result.notices:
        assert notice.level in ("error", "warning", "note") and notice.message
        assert notice.file == str(path), notice
        assert notice.line is None or 1 <= notice.line <= lines, notice
    for native in result.resources:
        for where in (native.range, *native.locations.values()):
            assert where.file == str(path)
            assert 1 <= where.start_line <= where.end_line <= lines, (native.address, where)


def run(content: str | bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        write_content(path, content)
        parse(path)


@SETTINGS
@given(YAML_TEXT)
def test_any_yaml_text(text: str) -> None:
    run(text, "template.yaml")


@SETTINGS
@given(TEMPLATES, st.booleans(), EDITS)
def test_any_template_dumped_and_edited(template: dict[str, Any], as_json: bool,
                                        edits: list[tuple[float, int, str]]) -> None:
    run(edited(dumped(template, as_json), edits), "template.json" if as_json else "t.yaml")


@SETTINGS
@given(BYTES, st.sampled_from(["template.yaml", "template.json"]))
@example(b"%YAML 1.1\n---\n#", "template.yaml")  # found by this test: line 4 of 3
def test_any_bytes(data: bytes, name: str) -> None:
    run(data, name)


@SCAN_SETTINGS
@given(TEXT | BYTES, st.sampled_from(["template.yaml", "template.json", "t.template"]))
def test_any_template_beside_the_sentinel(content: str | bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        scan_fuzzed(Path(directory), name, content)
