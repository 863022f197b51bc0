"""Every intrinsic function, parameters, pseudo parameters, mappings and Fn::If."""

from __future__ import annotations

import base64
from pathlib import Path

from govern.model.unknown import PartialString, Unknown
from tests.parsers.cloudformation.helpers import messages, parse, properties, resources

AFTER = "known after apply"
REGION = "the region is not known statically (AWS::Region)"
HEADER = """\
Parameters:
  Env: {Type: String, Default: prod}
  Name: {Type: String}
  Ports: {Type: CommaDelimitedList, Default: "80, 443"}
  Size: {Type: Number, Default: "20"}
  Tier: {Type: String, AllowedValues: [web, db]}
Mappings:
  Regions:
    eu-west-1: {Ami: ami-eu, Type: t3.micro}
    us-east-1: {Ami: ami-us, Type: t3.micro}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  HasName: !Not [!Equals [!Ref Name, ""]]
  ProdOrNamed: !Or [!Condition IsProd, !Condition HasName]
  DevAndNamed: !And [!Condition IsDev, !Condition HasName]
  IsWeb: !Equals [!Ref Tier, web]
Resources:
  Other:
    Type: AWS::S3::Bucket
"""


def props(tmp_path: Path, body: str) -> dict[str, object]:
    text = f"{HEADER}  R:\n    Type: AWS::S3::Bucket\n    Properties:\n{body}"
    return resources(parse(tmp_path, text))["R"].attributes


def test_ref(tmp_path: Path) -> None:
    assert props(tmp_path, """\
      A: !Ref Env
      B: !Ref Name
      C: !Ref Ports
      D: !Ref Size
      E: !Ref Other
      F: !Ref AWS::Region
      G: !Ref AWS::Partition
      H: !Ref AWS::URLSuffix
      I: !Ref AWS::AccountId
      J: !Ref AWS::StackName
      K: !Ref AWS::NoValue
      L: [a, !Ref AWS::NoValue, b]
      M: !Ref Tier
""") == {
        "A": "prod",
        "B": Unknown("parameter Name has no value"),
        "C": ["80", "443"],
        "D": 20,
        "E": Unknown(AFTER, ref="Other"),
        "F": Unknown("the region is not known statically (AWS::Region)"),
        "G": "aws",
        "H": "amazonaws.com",
        "I": Unknown("the account id is not known statically (AWS::AccountId)"),
        "J": Unknown("the stack name is not known statically (AWS::StackName)"),
        "L": ["a", "b"],
        "M": Unknown("parameter Tier has no value", alternatives=("web", "db")),
    }


def test_get_att_and_references(tmp_path: Path) -> None:
    text = HEADER + """\
  R:
    Type: AWS::S3::BucketPolicy
    DependsOn: [Other, Third]
    Properties:
      A: !GetAtt Other.Arn
      B: !GetAtt [Third, Endpoint.Address]
      C: !Sub "${Other.Arn}/*"
  Third:
    Type: AWS::RDS::DBInstance
"""
    native = resources(parse(tmp_path, text))["R"]
    assert native.attributes == {"A": Unknown(AFTER, ref="Other"),
                                 "B": Unknown(AFTER, ref="Third"),
                                 "C": PartialString((Unknown(AFTER, ref="Other"), "/*"),
                                                    AFTER, "Other")}
    assert native.references == ["Other", "Third"]


def test_sub(tmp_path: Path) -> None:
    assert props(tmp_path, """\
      A: !Sub "${Env}-${AWS::Partition}-${!Literal}-${ Env }"
      B: !Sub ["${Prefix}/${Env}", {Prefix: !Join ["-", [a, b]]}]
      C: !Sub "arn:aws:s3:::${Other}"
      D: !Sub "${Name}-x"
      E: !Sub "${AWS::Region}-${Other}"
      F: plain ${NotSub}
""") == {
        "A": "prod-aws-${Literal}-prod",
        "B": "a-b/prod",
        "C": PartialString(("arn:aws:s3:::", Unknown(AFTER, ref="Other")), AFTER, "Other"),
        "D": PartialString((Unknown("parameter Name has no value"), "-x"),
                           "parameter Name has no value"),
        "E": PartialString((Unknown(REGION), "-", Unknown(AFTER, ref="Other")), AFTER,
                           "Other"),
        "F": "plain ${NotSub}",
    }


def test_strings_and_lists(tmp_path: Path) -> None:
    assert props(tmp_path, """\
      A: !Join [":", [a, !Ref Env, 3]]
      B: !Join ["", [a, !Ref Other]]
      C: !Select [1, [x, y, z]]
      D: !Select ["0", !Ref Ports]
      E: !Split [",", "a,b,,c"]
      F: !Base64 "echo hi"
      G: !Select [0, !GetAZs ""]
      H: !ImportValue shared-vpc-id
      I: !Cidr [10.0.0.0/16, 3, 8]
      J: !Length [a, b, c]
      K: {"Fn::ToJsonString": {a: [1, true], b: !Ref Env}}
      L: !Join [",", !Ref Ports]
      M: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
""") == {
        "A": "a:prod:3",
        "B": Unknown(AFTER, ref="Other"),
        "C": "y",
        "D": "80",
        "E": ["a", "b", "", "c"],
        "F": base64.b64encode(b"echo hi").decode(),
        "G": Unknown("the availability zones are not known statically (Fn::GetAZs)"),
        "H": Unknown("imported from another stack (Fn::ImportValue shared-vpc-id)"),
        "I": ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"],
        "J": 3,
        "K": '{"a":[1,true],"b":"prod"}',
        "L": "80,443",
        "M": Unknown("produced by the macro AWS::Include (Fn::Transform)"),
    }


def test_find_in_map(tmp_path: Path) -> None:
    assert props(tmp_path, """\
      A: !FindInMap [Regions, eu-west-1, Ami]
      B: !FindInMap [Regions, !Ref AWS::Region, Ami]
      C: !FindInMap [Regions, !Ref AWS::Region, Type]
      D: !FindInMap [Regions, ap-south-1, Ami, {DefaultValue: ami-default}]
""") == {
        "A": "ami-eu",
        "B": Unknown("Fn::FindInMap Regions: the region is not known statically "
                     "(AWS::Region)", alternatives=("ami-eu", "ami-us")),
        "C": "t3.micro",  # the same under every key
        "D": "ami-default",
    }


def test_conditions_and_if(tmp_path: Path) -> None:
    reason = "depends on condition IsWeb: parameter Tier has no value"
    assert props(tmp_path, """\
      A: !If [IsProd, yes-prod, no-prod]
      B: !If [IsDev, dev, !Ref AWS::NoValue]
      C: !If [ProdOrNamed, either, neither]
      D: !If [DevAndNamed, both, not-both]
      E: !If [HasName, named, unnamed]
      F: !If [IsWeb, public-read, private]
      G: !If [IsWeb, !Ref AWS::NoValue, private]
      H: !If [IsWeb, same, same]
      I: [!If [IsWeb, a, !Ref AWS::NoValue]]
      J: !Equals [!Ref Env, prod]
""") == {
        "A": "yes-prod",
        "C": "either",
        "D": "not-both",
        "E": Unknown("depends on condition HasName: parameter Name has no value",
                     alternatives=("named", "unnamed")),
        "F": Unknown(reason, alternatives=("public-read", "private")),
        "G": Unknown(reason, alternatives=(None, "private")),
        "H": "same",
        "I": [Unknown(reason, alternatives=("a", None))],
        "J": True,
    }


def test_parameter_alternatives_decide_equals(tmp_path: Path) -> None:
    header = """\
Parameters:
  Tier: {Type: String, AllowedValues: [web, api]}
Conditions:
  IsDb: !Equals [!Ref Tier, db]
"""
    assert properties(tmp_path, "      A: !If [IsDb, x, y]\n", header) == {"A": "y"}


def test_problems_are_reported_with_lines(tmp_path: Path) -> None:
    result = parse(tmp_path, """\
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      A: {"Fn::Bogus": [1]}
      B: !Join only-one-argument
      C: !If [Missing, a, b]
      D: !Ref Nowhere
      E: !Select [5, [a, b]]
      F: !FindInMap [NoMap, a, b]
  Fine:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: still-read
""")
    assert messages(result) == [
        "error invalid-intrinsic 5: unknown intrinsic function Fn::Bogus",
        "error invalid-intrinsic 6: Fn::Join takes [delimiter, [values]]",
        "error unknown-condition 7: condition Missing is not defined in Conditions",
        "warning unresolved-reference 8: Nowhere is neither a parameter nor a resource of "
        "the template",
        "error invalid-intrinsic 9: Fn::Select index 5 is out of range (the list has 2 "
        "elements)",
        "error invalid-intrinsic 10: Fn::FindInMap: mapping NoMap is not defined in Mappings",
    ]
    assert result.notices[0].file == str(tmp_path / "template.yaml")
    assert resources(result)["R"].attributes["A"] == Unknown("unknown intrinsic function "
                                                             "Fn::Bogus")
    assert resources(result)["Fine"].attributes == {"BucketName": "still-read"}


def test_sam_names_are_not_reported(tmp_path: Path) -> None:
    result = parse(tmp_path, """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt FnRole.Arn
      Api: !Ref ServerlessRestApi
""")
    assert messages(result) == []
    assert resources(result)["Fn"].attributes["Api"] == Unknown(
        "ServerlessRestApi is not defined in the template (generated by the SAM "
        "transform?)", ref="ServerlessRestApi")
