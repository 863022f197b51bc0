"""S3 access points in Terraform (`aws_s3_access_point`, `aws_s3control_access_point_policy`)
and CloudFormation (`AWS::S3::AccessPoint`): the same canonical values, the defaults S3
applies, and the policy folded from the separate resource."""

from __future__ import annotations

from pathlib import Path

from govern.model.resource import Resource
from govern.model.unknown import Undeclared, Unknown
from tests.adapters.cloudformation.test_service_kinds import adapt, terraform

ALL_ON = dict.fromkeys(("block_public_acls", "block_public_policy", "ignore_public_acls",
                        "restrict_public_buckets"), True)
POLICY = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"], "Resource": ["*"]}]}
POLICY_HCL = ('jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", '
              'Principal = "*", Action = "s3:GetObject", Resource = "*"}]})')
POLICY_YAML = ('{Version: "2012-10-17", Statement: [{Effect: Allow, Principal: "*", '
               'Action: "s3:GetObject", Resource: "*"}]}')


def test_nothing_written_is_every_flag_on_and_internet_in_both_formats(
        tmp_path: Path) -> None:
    tf = terraform(tmp_path, f'''
resource "aws_s3_access_point" "x" {{
  bucket = "data"
  name   = "x"
  policy = {POLICY_HCL}
}}
''')["aws_s3_access_point.x"]
    cfn = adapt(tmp_path, f'''
Resources:
  X:
    Type: AWS::S3::AccessPoint
    Properties: {{Bucket: data, Name: x, Policy: {POLICY_YAML}}}
''')["X"]
    for point in (tf, cfn):
        assert point.kind == "aws.s3.access_point"
        assert point.attributes == {"name": "x", "bucket": "data", "policy": POLICY,
                                    "public_access_block": ALL_ON,
                                    "network_origin": "Internet"}
        assert {("public_access_block",), ("network_origin",)} <= point.defaulted


def test_written_block_and_vpc_configuration(tmp_path: Path) -> None:
    tf = terraform(tmp_path, '''
resource "aws_s3_access_point" "x" {
  bucket = "data"
  name   = "x"
  vpc_configuration {
    vpc_id = "vpc-1"
  }
  public_access_block_configuration {
    block_public_policy     = false
    restrict_public_buckets = false
  }
}
''')["aws_s3_access_point.x"]
    # Terraform's block defaults each flag it leaves out to true
    assert tf.attributes["public_access_block"] == {
        **ALL_ON, "block_public_policy": False, "restrict_public_buckets": False}
    assert tf.attributes["network_origin"] == "VPC"
    assert ("public_access_block", "block_public_acls") in tf.defaulted
    cfn = adapt(tmp_path, '''
Resources:
  X:
    Type: AWS::S3::AccessPoint
    Properties:
      Bucket: data
      VpcConfiguration: {VpcId: vpc-1}
      PublicAccessBlockConfiguration: {RestrictPublicBuckets: false, BlockPublicPolicy: "false"}
''')["X"]
    block = cfn.attributes["public_access_block"]
    assert (block["restrict_public_buckets"], block["block_public_policy"]) == (False, False)
    # a flag left out of a written CloudFormation configuration is not known
    assert isinstance(block["block_public_acls"], Unknown)
    assert cfn.attributes["network_origin"] == "VPC"
    assert "name" not in cfn.attributes


def test_a_dynamic_vpc_configuration_leaves_the_origin_unknown(tmp_path: Path) -> None:
    point = terraform(tmp_path, '''
variable "vpcs" {
  type = list(string)
}

resource "aws_s3_access_point" "x" {
  bucket = "data"
  name   = "x"
  dynamic "vpc_configuration" {
    for_each = var.vpcs
    content {
      vpc_id = vpc_configuration.value
    }
  }
}
''')["aws_s3_access_point.x"]
    assert isinstance(point.attributes["network_origin"], Unknown)


def test_separate_policy_replaces_the_access_points(tmp_path: Path) -> None:
    found = terraform(tmp_path, f'''
resource "aws_s3_access_point" "x" {{
  bucket = "data"
  name   = "x"
  policy = jsonencode({{Version = "2012-10-17", Statement = []}})
}}

resource "aws_s3control_access_point_policy" "x" {{
  access_point_arn = aws_s3_access_point.x.arn
  policy           = {POLICY_HCL}
}}
''')
    point = found["aws_s3_access_point.x"]
    assert point.attributes["policy"] == POLICY
    assert point.native == ["aws_s3_access_point.x", "aws_s3control_access_point_policy.x"]
    assert "aws_s3control_access_point_policy.x" not in found


def test_a_policy_for_an_access_point_elsewhere_gets_a_stand_in(tmp_path: Path) -> None:
    arn = "arn:aws:s3:us-east-1:123456789012:accesspoint/elsewhere"
    found = terraform(tmp_path, f'''
resource "aws_s3control_access_point_policy" "x" {{
  access_point_arn = "{arn}"
  policy           = {POLICY_HCL}
}}
''')
    point = found[arn]
    assert (point.kind, point.external, point.attributes) == (
        "aws.s3.access_point", True, {"policy": POLICY})
    assert isinstance(point.get("public_access_block.restrict_public_buckets"), Undeclared)
    assert isinstance(point.get("network_origin"), Undeclared)


def test_an_external_bucket_has_no_network_origin() -> None:
    """An attribute its kind does not declare is absent on a stand-in too: GOV-AWS-003
    reads `network_origin` (an access point's) on buckets and must judge them as before."""
    bucket = Resource(id="b", kind="aws.s3.bucket", address="b", source_format="terraform",
                      native_type="aws_s3_bucket", range=None, external=True)
    assert bucket.get("network_origin") is None
    assert isinstance(bucket.get("policy"), Undeclared)
