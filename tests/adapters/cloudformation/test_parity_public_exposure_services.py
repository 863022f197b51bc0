"""Terraform and CloudFormation give the same canonical attributes for the kinds of the
public-exposure and IAM batch GOV-AWS-054..070 (subnets, API Gateway methods, MQ brokers,
Lambda URLs and permissions, Glacier vaults) and fold resource policies and launch
templates the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.model.unknown import Unknown
from tests.adapters.cloudformation.test_parity import _cloudformation, _same, _terraform

PUBLIC = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": ["sqs:SendMessage"], "Resource": ["*"]}]}

CASES = {
    "subnet": ('''
resource "aws_subnet" "x" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.0.0/24"
}
''', '''
Resources:
  X:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24}
''', {"vpc_id": "vpc-1", "cidr_block": "10.0.0.0/24", "map_public_ip_on_launch": False,
      "tags": {}}),
    "method": ('''
resource "aws_api_gateway_method" "x" {
  rest_api_id   = "api"
  http_method   = "GET"
  authorization = "NONE"
}
''', '''
Resources:
  X:
    Type: AWS::ApiGateway::Method
    Properties: {RestApiId: api, HttpMethod: GET, AuthorizationType: NONE}
''', {"rest_api_id": "api", "http_method": "GET", "authorization": "NONE",
      "api_key_required": False}),
    "broker": ('''
resource "aws_mq_broker" "x" {
  broker_name         = "events"
  engine_type         = "ActiveMQ"
  publicly_accessible = true
  tags                = { owner = "q" }
  # the defaults differ (Terraform false, CloudFormation true): written
  auto_minor_version_upgrade = true
}
''', '''
Resources:
  X:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: events
      EngineType: ActiveMQ
      PubliclyAccessible: "true"
      Tags: [{Key: owner, Value: q}]
      AutoMinorVersionUpgrade: true
''', {"name": "events", "engine_type": "ActiveMQ", "publicly_accessible": True,
      "general_logs": False, "audit_logs": False, "use_aws_owned_key": True,
      "auto_minor_version_upgrade": True,
      "tags": {"owner": "q"}}),
    "function_url": ('''
resource "aws_lambda_function_url" "x" {
  function_name      = "hook"
  authorization_type = "NONE"
}
''', '''
Resources:
  X:
    Type: AWS::Lambda::Url
    Properties: {TargetFunctionArn: hook, AuthType: NONE}
''', {"function_name": "hook", "authorization_type": "NONE"}),
    "permission": ('''
resource "aws_lambda_permission" "x" {
  function_name  = "orders"
  action         = "lambda:InvokeFunction"
  principal      = "*"
  source_account = "123456789012"
}
''', '''
Resources:
  X:
    Type: AWS::Lambda::Permission
    Properties: {FunctionName: orders, Action: lambda:InvokeFunction, Principal: "*",
                 SourceAccount: "123456789012"}
''', {"function_name": "orders", "action": "lambda:InvokeFunction", "principal": "*",
      "source_account": "123456789012"}),
    "vault": ('''
resource "aws_glacier_vault" "x" {
  name = "archive"
  access_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }]
  })
  tags = { owner = "a" }
}
''', '''
Resources:
  X:
    Type: AWS::Glacier::Vault
    Properties:
      VaultName: archive
      AccessPolicy:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: "*", Action: sqs:SendMessage, Resource: "*"}]
      Tags: {owner: a}
''', {"name": "archive", "policy": PUBLIC, "tags": {"owner": "a"}}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_attributes(name: str, tmp_path: Path) -> None:
    tf_text, cfn_text, expected = CASES[name]
    tf = _terraform(tmp_path, tf_text)
    cfn = _cloudformation(tmp_path, cfn_text)
    (tf_resource,) = tf.values()
    assert _same(tf_resource, cfn["X"]) == expected


def test_queue_policies_fold_into_every_queue_they_name(tmp_path: Path) -> None:
    tf = _terraform(tmp_path, '''
resource "aws_sqs_queue" "a" {}

resource "aws_sqs_queue_policy" "a" {
  queue_url = aws_sqs_queue.a.url
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }]
  })
}
''')
    cfn = _cloudformation(tmp_path, '''
Resources:
  A: {Type: AWS::SQS::Queue}
  B: {Type: AWS::SQS::Queue}
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref A, !Ref B]
      PolicyDocument:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: "*", Action: sqs:SendMessage, Resource: "*"}]
''')
    assert set(tf) == {"aws_sqs_queue.a"}
    assert tf["aws_sqs_queue.a"].attributes["policy"] == PUBLIC
    assert set(cfn) == {"A", "B"}
    assert cfn["A"].attributes["policy"] == cfn["B"].attributes["policy"] == PUBLIC
    assert cfn["B"].native == ["B", "Policy"]


def test_launch_template_metadata_options_reach_the_instance(tmp_path: Path) -> None:
    tf = _terraform(tmp_path, '''
resource "aws_launch_template" "t" {
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "from_template" {
  launch_template {
    id = aws_launch_template.t.id
  }
}

resource "aws_instance" "elsewhere" {
  launch_template {
    name = "shared"
  }
}
''')
    cfn = _cloudformation(tmp_path, '''
Resources:
  T:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {MetadataOptions: {HttpTokens: required}}
  FromTemplate:
    Type: AWS::EC2::Instance
    Properties: {LaunchTemplate: {LaunchTemplateId: !Ref T, Version: "1"}}
  Elsewhere:
    Type: AWS::EC2::Instance
    Properties: {LaunchTemplate: {LaunchTemplateName: shared, Version: "1"}}
''')
    for found, address in ((tf, "aws_instance.from_template"), (cfn, "FromTemplate")):
        assert found[address].attributes["metadata_options"] == {"http_tokens": "required"}
    for found, address in ((tf, "aws_instance.elsewhere"), (cfn, "Elsewhere")):
        assert isinstance(found[address].get("metadata_options.http_tokens"), Unknown)
