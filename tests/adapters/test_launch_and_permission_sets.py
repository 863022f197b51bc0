"""EC2 launch templates, Auto Scaling launch configurations and IAM Identity Center
permission sets from Terraform and CloudFormation: the same canonical values from both,
held to the declared model."""

from __future__ import annotations

from pathlib import Path

from govern.adapters.cloudformation import adapt_cloudformation
from govern.adapters.terraform import adapt_terraform
from govern.kinds import value_problems
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.cloudformation import parse_cloudformation
from govern.parsers.terraform.project import scan_terraform

ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
ADMIN_DOCUMENT = {"Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}
CUSTOMER = Unknown("a customer managed policy: each account the permission set is "
                   "assigned to has its own document")


def _checked(resources: list[Resource]) -> dict[str, Resource]:
    problems = [f"{r.address}: {p}" for r in resources
                for p in value_problems(r.kind, r.attributes)]
    assert problems == []
    return {r.address: r for r in resources}


def terraform(tmp_path: Path, text: str) -> dict[str, Resource]:
    directory = tmp_path / "tf"
    directory.mkdir()
    (directory / "main.tf").write_text(text)
    parsed = scan_terraform([str(directory)])
    assert [n.render() for n in parsed.notices if n.level == "error"] == []
    return _checked(adapt_terraform(parsed.resources).resources)


def cloudformation(tmp_path: Path, text: str) -> dict[str, Resource]:
    path = tmp_path / "template.yaml"
    path.write_text(text)
    parsed = parse_cloudformation([str(path)])
    assert [n.render() for n in parsed.notices if n.level == "error"] == []
    return _checked(adapt_cloudformation(parsed.resources).resources)


TEMPLATE_TF = '''
resource "aws_launch_template" "web" {
  name = "web"
  metadata_options {
    http_tokens   = "optional"
    http_endpoint = "enabled"
  }
  network_interfaces {
    associate_public_ip_address = "true"
  }
  network_interfaces {
    device_index                = 1
    associate_public_ip_address = "false"
  }
  block_device_mappings {
    device_name  = "/dev/sdb"
    virtual_name = "ephemeral0"
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted  = "false"
      kms_key_id = "alias/ebs"
    }
  }
  tags = { owner = "web-team" }
}

resource "aws_launch_template" "bare" {
  name_prefix = "bare-"
}
'''

TEMPLATE_CFN = '''
Resources:
  Web:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: web
      TagSpecifications:
        - ResourceType: launch-template
          Tags:
            - {Key: owner, Value: web-team}
      LaunchTemplateData:
        TagSpecifications:
          - ResourceType: instance
            Tags:
              - {Key: owner, Value: instances}
        MetadataOptions:
          HttpTokens: optional
          HttpEndpoint: enabled
        NetworkInterfaces:
          - AssociatePublicIpAddress: 'true'
          - DeviceIndex: 1
            AssociatePublicIpAddress: false
        BlockDeviceMappings:
          - DeviceName: /dev/sdb
            VirtualName: ephemeral0
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: 'false'
              KmsKeyId: alias/ebs
  Bare:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: t3.micro
'''

WEB = {"name": "web", "associate_public_ip_address": True,
       "metadata_options": {"http_tokens": "optional", "http_endpoint": "enabled"},
       "ebs_block_devices": [{"device_name": "/dev/xvda", "encrypted": False,
                              "kms_key": "alias/ebs"}],
       # /dev/xvda is the name AWS reserves for the root volume
       "root_block_device": {"encrypted": False},
       "tags": {"owner": "web-team"}}


def test_a_launch_template_is_read_alike_from_both_formats(tmp_path: Path) -> None:
    tf = terraform(tmp_path, TEMPLATE_TF)
    cfn = cloudformation(tmp_path, TEMPLATE_CFN)
    assert tf["aws_launch_template.web"].kind == cfn["Web"].kind == "aws.ec2.launch_template"
    assert tf["aws_launch_template.web"].attributes == WEB
    assert cfn["Web"].attributes == WEB
    # nothing written: no metadata options (the AMI's or account's default), the subnet
    # decides the public IP; a generated name is absent
    assert tf["aws_launch_template.bare"].attributes == {"tags": {}}
    assert cfn["Bare"].attributes == {"tags": {}}


def test_a_launch_template_value_points_where_it_is_written(tmp_path: Path) -> None:
    web = terraform(tmp_path, TEMPLATE_TF)["aws_launch_template.web"]
    assert web.location("metadata_options.http_tokens").start_line == 5
    assert web.location("associate_public_ip_address").start_line == 9
    assert web.location(("ebs_block_devices", 0, "encrypted")).start_line == 22
    cfn = cloudformation(tmp_path, TEMPLATE_CFN)["Web"]
    assert cfn.location("tags").start_line == 9
    assert cfn.location("associate_public_ip_address").start_line == 20


def test_an_unknown_public_ip_flag_stays_unknown(tmp_path: Path) -> None:
    web = terraform(tmp_path, '''
variable "public" { type = bool }
resource "aws_launch_template" "web" {
  network_interfaces {
    device_index                = 0
    associate_public_ip_address = var.public
  }
}
''')["aws_launch_template.web"]
    assert isinstance(web.attributes["associate_public_ip_address"], Unknown)


def test_a_launch_configuration_is_read_alike_from_both_formats(tmp_path: Path) -> None:
    tf = terraform(tmp_path, '''
resource "aws_launch_configuration" "web" {
  name                        = "web"
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = false
  }
  ebs_block_device {
    device_name = "/dev/sdg"
    no_device   = true
  }
}
''')["aws_launch_configuration.web"]
    cfn = cloudformation(tmp_path, '''
Resources:
  Web:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      LaunchConfigurationName: web
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      AssociatePublicIpAddress: 'true'
      MetadataOptions:
        HttpTokens: required
      BlockDeviceMappings:
        - DeviceName: /dev/sdf
          Ebs:
            Encrypted: false
        - DeviceName: /dev/sdg
          NoDevice: true
''')["Web"]
    assert tf.kind == cfn.kind == "aws.autoscaling.launch_configuration"
    shared = {"name": "web", "associate_public_ip_address": True,
              "metadata_options": {"http_tokens": "required"},
              "ebs_block_devices": [{"device_name": "/dev/sdf", "encrypted": False}]}
    assert tf.attributes == {**shared, "root_block_device": {"encrypted": True}}
    assert cfn.attributes == shared  # no tags: launch configurations cannot be tagged


def test_launch_templates_still_give_instances_their_metadata_options(
        tmp_path: Path) -> None:
    found = terraform(tmp_path, '''
resource "aws_launch_template" "v2" {
  metadata_options {
    http_tokens = "required"
  }
}
resource "aws_instance" "web" {
  launch_template {
    id = aws_launch_template.v2.id
  }
}
''')
    assert found["aws_instance.web"].attributes["metadata_options"] == {
        "http_tokens": "required"}
    assert found["aws_launch_template.v2"].attributes["metadata_options"] == {
        "http_tokens": "required"}


PERMISSION_SETS_TF = '''
resource "aws_ssoadmin_permission_set" "ops" {
  name         = "ops"
  instance_arn = "arn:aws:sso:::instance/ssoins-1"
  tags         = { owner = "identity" }
}

resource "aws_ssoadmin_permission_set_inline_policy" "ops" {
  instance_arn       = aws_ssoadmin_permission_set.ops.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.ops.arn
  inline_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
  })
}

resource "aws_ssoadmin_managed_policy_attachment" "ops" {
  instance_arn       = aws_ssoadmin_permission_set.ops.instance_arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
  permission_set_arn = aws_ssoadmin_permission_set.ops.arn
}

resource "aws_iam_policy" "team" {
  name   = "team-policy"
  policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_ssoadmin_customer_managed_policy_attachment" "ops" {
  instance_arn       = aws_ssoadmin_permission_set.ops.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.ops.arn
  customer_managed_policy_reference {
    name = aws_iam_policy.team.name
    path = "/"
  }
}
'''

PERMISSION_SETS_CFN = '''
Parameters:
  Arns:
    Type: CommaDelimitedList
Resources:
  Ops:
    Type: AWS::SSO::PermissionSet
    Properties:
      Name: ops
      InstanceArn: arn:aws:sso:::instance/ssoins-1
      InlinePolicy: >-
        {"Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
      ManagedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]
      CustomerManagedPolicyReferences:
        - Name: team-policy
          Path: /
      Tags:
        - {Key: owner, Value: identity}
  Passed:
    Type: AWS::SSO::PermissionSet
    Properties:
      Name: passed
      InstanceArn: arn:aws:sso:::instance/ssoins-1
      ManagedPolicies: !Ref Arns
'''

S3_DOCUMENT = {"Version": "2012-10-17",
               "Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": ["*"]}]}


def test_a_permission_set_gathers_its_policies_in_both_formats(tmp_path: Path) -> None:
    tf = terraform(tmp_path, PERMISSION_SETS_TF)["aws_ssoadmin_permission_set.ops"]
    cfn = cloudformation(tmp_path, PERMISSION_SETS_CFN)
    inline = {"source": "inline", "document": S3_DOCUMENT}
    managed = {"source": "managed", "name": "AdministratorAccess", "arn": ADMIN,
               "document": ADMIN_DOCUMENT}
    # a customer managed policy is each assigned account's, even when one of that name is
    # defined in the same configuration
    customer = {"source": "managed", "name": "team-policy", "document": CUSTOMER}
    assert tf.kind == "aws.ssoadmin.permission_set"
    assert tf.attributes == {"name": "ops", "policies": [inline, managed, customer],
                             "tags": {"owner": "identity"}}
    assert sorted(tf.native) == sorted([
        "aws_ssoadmin_permission_set.ops", "aws_ssoadmin_permission_set_inline_policy.ops",
        "aws_ssoadmin_managed_policy_attachment.ops",
        "aws_ssoadmin_customer_managed_policy_attachment.ops"])
    assert cfn["Ops"].attributes == tf.attributes
    [passed] = cfn["Passed"].attributes["policies"]
    assert isinstance(passed["document"], Unknown)


def test_a_permission_set_declared_elsewhere_is_judged_on_a_stand_in(tmp_path: Path) -> None:
    arn = "arn:aws:sso:::permissionSet/ssoins-1/ps-1"
    found = terraform(tmp_path, f'''
resource "aws_ssoadmin_managed_policy_attachment" "existing" {{
  instance_arn       = "arn:aws:sso:::instance/ssoins-1"
  managed_policy_arn = "{ADMIN}"
  permission_set_arn = "{arn}"
}}
''')
    stand_in = found[arn]
    assert stand_in.external
    first, attached = stand_in.attributes["policies"]
    assert isinstance(first, Unknown)
    assert attached["document"] == ADMIN_DOCUMENT
