"""YAML templates: short-form tags in long form, scalars, line ranges, duplicates, errors."""

from __future__ import annotations

import pytest

from govern.errors import SourceError
from govern.parsers.cloudformation.nodes import plain
from govern.parsers.cloudformation.yaml_loader import load_yaml

TAGS = """\
a: !Ref Bucket
b: !GetAtt Bucket.Arn
c: !GetAtt [Db, Endpoint.Address]
d: !GetAtt Db.Endpoint.Address
e: !Sub "${AWS::StackName}-x"
f: !Sub ["${A}-x", {A: !Ref P}]
g: !If [IsProd, !Ref AWS::NoValue, 1]
h: !Join ["", [a, !Ref B]]
i: !Select [0, !GetAZs ""]
j: !FindInMap [M, !Ref "AWS::Region", Ami]
k: !Equals [!Ref E, prod]
l: !And [!Condition A, !Not [!Condition B], !Or [!Condition C, !Condition D]]
m: !Base64 text
n: !Split [",", "a,b"]
o: !ImportValue shared-vpc
p: !Cidr [10.0.0.0/16, 2, 8]
q: !GetAZs
r: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
"""


def test_short_form_tags_become_long_form() -> None:
    node, duplicates = load_yaml(TAGS, "t.yaml")
    assert duplicates == []
    assert plain(node) == {
        "a": {"Ref": "Bucket"},
        "b": {"Fn::GetAtt": ["Bucket", "Arn"]},
        "c": {"Fn::GetAtt": ["Db", "Endpoint.Address"]},
        "d": {"Fn::GetAtt": ["Db", "Endpoint.Address"]},
        "e": {"Fn::Sub": "${AWS::StackName}-x"},
        "f": {"Fn::Sub": ["${A}-x", {"A": {"Ref": "P"}}]},
        "g": {"Fn::If": ["IsProd", {"Ref": "AWS::NoValue"}, 1]},
        "h": {"Fn::Join": ["", ["a", {"Ref": "B"}]]},
        "i": {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
        "j": {"Fn::FindInMap": ["M", {"Ref": "AWS::Region"}, "Ami"]},
        "k": {"Fn::Equals": [{"Ref": "E"}, "prod"]},
        "l": {"Fn::And": [{"Condition": "A"}, {"Fn::Not": [{"Condition": "B"}]},
                          {"Fn::Or": [{"Condition": "C"}, {"Condition": "D"}]}]},
        "m": {"Fn::Base64": "text"},
        "n": {"Fn::Split": [",", "a,b"]},
        "o": {"Fn::ImportValue": "shared-vpc"},
        "p": {"Fn::Cidr": ["10.0.0.0/16", 2, 8]},
        "q": {"Fn::GetAZs": ""},
        "r": {"Fn::Transform": {"Name": "AWS::Include",
                                "Parameters": {"Location": "s3://b/k"}}},
    }


def test_scalars_resolve_as_yaml_1_1_but_dates_stay_text() -> None:
    node, _ = load_yaml("v: 2010-09-09\nn: 80\nf: 1.5\nb: true\ny: yes\nz: null\n"
                        "s: '80'\n2012: key\n", "t.yaml")
    assert plain(node) == {"v": "2010-09-09", "n": 80, "f": 1.5, "b": True, "y": True,
                           "z": None, "s": "80", "2012": "key"}


def test_line_ranges() -> None:
    text = ("Resources:\n"          # 1
            "  # a comment\n"       # 2
            "  Bucket:\n"           # 3
            "    Type: X\n"         # 4
            "    Properties:\n"     # 5
            "      Tags: [{Key: a,\n"  # 6
            "              Value: b}]\n"  # 7
            "      Text: |\n"       # 8
            "        one\n"         # 9
            "        two\n"         # 10
            "\n"                    # 11
            "  # next\n"            # 12
            "  Other:\n"            # 13
            "    Type: Y\n")        # 14
    node, _ = load_yaml(text, "t.yaml")
    resources = node.get("Resources")
    assert resources is not None
    bucket = resources.get("Bucket")
    assert bucket is not None and (bucket.line, bucket.end) == (4, 10)
    assert resources.key_line("Bucket") == 3
    properties = bucket.get("Properties")
    assert properties is not None
    tags = properties.get("Tags")
    text_node = properties.get("Text")
    assert tags is not None and (tags.line, tags.end) == (6, 7)
    assert text_node is not None and (text_node.line, text_node.end) == (8, 10)
    other = resources.get("Other")
    assert other is not None and (other.line, other.end) == (14, 14)


def test_duplicate_keys_keep_the_last_value() -> None:
    node, duplicates = load_yaml("a: 1\nb: 2\na: 3\n", "t.yaml")
    assert plain(node) == {"a": 3, "b": 2}
    assert duplicates == [("a", 3, 1)]


def test_aliases_are_shared() -> None:
    node, _ = load_yaml("a: &x {k: !Ref R}\nb: *x\n", "t.yaml")
    assert plain(node) == {"a": {"k": {"Ref": "R"}}, "b": {"k": {"Ref": "R"}}}


@pytest.mark.parametrize(("text", "line", "message"), [
    ("a: [1, 2\nb: 3\n", 2, "invalid YAML: "),
    ("a:\n  - 1\n b: 2\n", 3, "invalid YAML: "),
    ("", 1, "the template is empty"),
    ("? [a]\n: 1\n", 1, "invalid YAML: a mapping key must be a plain value, not a list "
                        "or a mapping"),
])
def test_invalid_yaml(text: str, line: int, message: str) -> None:
    with pytest.raises(SourceError) as raised:
        load_yaml(text, "t.yaml")
    # the wording of YAML syntax errors is libyaml's (or PyYAML's without libyaml)
    assert raised.value.line == line
    assert raised.value.message.startswith(message)
    if not message.endswith(": "):
        assert raised.value.message == message
