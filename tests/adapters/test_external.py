"""Sub-resources whose parent is declared outside the scanned code are judged on a stand-in
for the parent (`govern.adapters.external`): the rule fails, passes or is unknown as on a
declared parent, at the sub-resource's lines, and what the code does not say is Unknown."""

from __future__ import annotations

import json
from pathlib import Path

from govern.adapters.external import input_address, value_address
from govern.engine.conditions import AttrTest, EvalContext
from govern.engine.operators import operator_named
from govern.model.graph import ResourceGraph
from govern.model.resource import Resource
from govern.model.unknown import PartialString, Undeclared, Unknown
from govern.scan import ScanOptions, ScanResult, run_scan
from tests.tagging import TAGS_ASKED

ARN = "arn:aws:iam::aws:policy/AdministratorAccess"
NSG = "Microsoft.Network/networkSecurityGroups"


def scan(tmp_path: Path, name: str, text: str) -> ScanResult:
    (tmp_path / name).write_text(text)
    return run_scan(ScanOptions(paths=(str(tmp_path),), keep_graph=True, config=TAGS_ASKED))


def findings(result: ScanResult, rule_id: str) -> list[tuple[str, str, int]]:
    """(status, address, first line) of each finding of `rule_id`."""
    return [(f.status, f.resource_address, f.location.start_line if f.location else 0)
            for f in result.report.findings if f.rule_id == rule_id]


def resource(result: ScanResult, address: str) -> Resource:
    [found] = [r for r in result.graph if r.address == address]
    return found


def codes(result: ScanResult) -> list[str]:
    return [n.code or "" for n in result.report.notices if n.level == "note"]


SSH = """
  type              = "ingress"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
"""


# ----- Terraform -----------------------------------------------------------------------


def test_ssh_open_on_a_data_source_group_fails_at_the_rule(tmp_path: Path) -> None:
    result = scan(tmp_path, "main.tf", f"""\
data "aws_security_group" "existing" {{
  name = "shared"
}}

resource "aws_security_group_rule" "ssh" {{
  security_group_id = data.aws_security_group.existing.id
{SSH}}}

resource "aws_vpc_security_group_ingress_rule" "https" {{
  security_group_id = data.aws_security_group.existing.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.0.0.0/8"
}}
""")
    address = "data.aws_security_group.existing"
    assert findings(result, "GOV-AWS-005") == [("fail", address, 12)]  # the cidr_blocks line
    group = resource(result, address)
    assert group.external and group.kind == "aws.ec2.security_group"
    assert group.native == ["aws_security_group_rule.ssh",
                            "aws_vpc_security_group_ingress_rule.https"]
    assert group.range is not None and group.range.start_line == 5
    ingress = group.attributes["ingress"]
    assert isinstance(ingress[0], Unknown) and len(ingress) == 3  # the rest, then both rules
    # what the configuration does not say is unknown, not absent
    for path in ("egress", "description", "tags", "name"):
        assert isinstance(group.get(path), Undeclared), path
    assert codes(result) == ["external-parent", "external-parent"]
    # RDP: the known rules do not open it, the others are unknown; tags are unknown
    assert findings(result, "GOV-AWS-006") == [("unknown", address, 5)]
    assert findings(result, "GOV-AWS-015") == [("unknown", address, 5)]


def test_admin_attached_to_a_user_named_by_a_variable_fails(tmp_path: Path) -> None:
    result = scan(tmp_path, "main.tf", f"""\
variable "user_name" {{
  type = string
}}

resource "aws_iam_user_policy_attachment" "admin" {{
  user       = var.user_name
  policy_arn = "{ARN}"
}}
""")
    assert findings(result, "GOV-AWS-012") == [("fail", "var.user_name", 5)]
    user = resource(result, "var.user_name")
    assert user.kind == "aws.iam.user" and "name" not in user.attributes
    assert isinstance(user.get("name"), Undeclared)


def test_literal_names_and_ids_identify_the_parent(tmp_path: Path) -> None:
    result = scan(tmp_path, "main.tf", f"""\
resource "aws_iam_role_policy_attachment" "a" {{
  role       = "deployer"
  policy_arn = "{ARN}"
}}

resource "aws_iam_role_policy_attachment" "b" {{
  role       = "deployer"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}}

resource "aws_security_group_rule" "r" {{
  security_group_id = "sg-0123abcd"
{SSH}}}
""")
    role = resource(result, "deployer")  # one stand-in for both attachments
    assert role.attributes["name"] == "deployer"
    assert [e.get("name") for e in role.attributes["policies"][1:]] == [
        "AdministratorAccess", "ReadOnlyAccess"]
    assert isinstance(role.get("trust_policy"), Undeclared)
    assert findings(result, "GOV-AWS-012") == [("fail", "deployer", 1)]
    assert findings(result, "GOV-AWS-005") == [("fail", "sg-0123abcd", 18)]


def test_a_declared_parent_is_unchanged(tmp_path: Path) -> None:
    result = scan(tmp_path, "main.tf", f"""\
resource "aws_security_group" "web" {{
  name        = "web"
  description = "web"
}}

resource "aws_security_group_rule" "ssh" {{
  security_group_id = aws_security_group.web.id
{SSH}}}
""")
    [group] = list(result.graph)
    assert not group.external and group.address == "aws_security_group.web"
    assert group.attributes["ingress"][0]["from_port"] == 22  # no Unknown element
    assert group.get("egress") is None
    assert codes(result) == []


def test_a_parent_another_resource_creates_is_judged_on_a_stand_in(
        tmp_path: Path) -> None:
    # the EKS cluster creates its own security group: it stands in, named by the
    # attribute; a role of a type govern does not map is in the configuration: not found
    result = scan(tmp_path, "main.tf", f"""\
resource "aws_eks_cluster" "this" {{
  name     = "c"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {{
    subnet_ids = ["subnet-1"]
  }}
}}

resource "aws_security_group_rule" "cluster" {{
  security_group_id = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
{SSH}}}

resource "aws_iam_service_linked_role" "es" {{
  aws_service_name = "es.amazonaws.com"
}}

resource "aws_iam_role_policy_attachment" "es" {{
  role       = aws_iam_service_linked_role.es.name
  policy_arn = "{ARN}"
}}
""")
    group = "aws_eks_cluster.this.vpc_config[0].cluster_security_group_id"
    assert sorted(r.address for r in result.graph) == ["aws_eks_cluster.this", group]
    assert sorted(codes(result)) == ["external-parent", "fold-target-not-found"]
    assert findings(result, "GOV-AWS-005") == [("fail", group, 16)]  # the rule's line


def test_nsg_rule_on_a_group_outside_the_configuration(tmp_path: Path) -> None:
    result = scan(tmp_path, "main.tf", """\
resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = "rg-shared"
  network_security_group_name = "nsg-shared"
}
""")
    assert findings(result, "GOV-AZURE-004") == [("fail", "rg-shared/nsg-shared", 9)]
    group = resource(result, "rg-shared/nsg-shared")
    assert (group.attributes["name"], group.attributes["resource_group_name"]) == (
        "nsg-shared", "rg-shared")


def test_bucket_policy_on_a_bucket_outside_the_configuration_is_unknown(
        tmp_path: Path) -> None:
    # public, but the bucket's public access block (which may restrict it) is elsewhere
    policy = json.dumps({"Statement": [{"Effect": "Allow", "Principal": "*",
                                         "Action": "s3:GetObject", "Resource": "*"}]})
    result = scan(tmp_path, "main.tf", f"""\
data "aws_s3_bucket" "b" {{
  bucket = "shared"
}}

resource "aws_s3_bucket_policy" "b" {{
  bucket = data.aws_s3_bucket.b.id
  policy = {json.dumps(policy)}
}}
""")
    address = "data.aws_s3_bucket.b"
    assert findings(result, "GOV-AWS-003") == [("unknown", address, 5)]
    # no false failure from what the configuration does not say; the policy it does say
    # (the whole policy: the separate resource replaces it) does not deny plain HTTP
    assert [(f.rule_id, f.resource_address) for f in result.report.findings
            if f.status == "fail"] == [("GOV-AWS-162", address)]


# ----- CloudFormation ------------------------------------------------------------------


def test_cloudformation_ingress_and_managed_policy_on_parameters(tmp_path: Path) -> None:
    result = scan(tmp_path, "template.yaml", """\
Parameters:
  GroupId:
    Type: AWS::EC2::SecurityGroup::Id
  UserName:
    Type: String
Resources:
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref GroupId
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
  Imported:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !ImportValue shared-sg
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 0.0.0.0/0
  Admin:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Users: [!Ref UserName]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: "*"
            Resource: "*"
""")
    assert sorted(findings(result, "GOV-AWS-005")) == [
        ("fail", "Ref(GroupId)", 14), ("unknown", "ImportValue(shared-sg)", 15)]
    assert findings(result, "GOV-AWS-012") == [("fail", "Ref(UserName)", 23)]
    assert resource(result, "Ref(UserName)").native == ["Admin"]


def test_cloudformation_parent_another_resource_creates_is_judged_on_a_stand_in(
        tmp_path: Path) -> None:
    result = scan(tmp_path, "template.yaml", """\
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Vpc.DefaultSecurityGroup
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
  Logs:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!GetAtt Vpc.CidrBlock]
      PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: "sqs:*"}]}
""")
    # the VPC's default group stands in; a VPC attribute is no queue: not found
    assert [r.address for r in result.graph] == ["Vpc", "GetAtt(Vpc.DefaultSecurityGroup)"]
    assert sorted(codes(result)) == ["external-parent", "fold-target-not-found"]
    assert findings(result, "GOV-AWS-005") == [
        ("fail", "GetAtt(Vpc.DefaultSecurityGroup)", 13)]  # the ingress's CidrIp


# ----- ARM -----------------------------------------------------------------------------


def test_arm_security_rule_of_a_group_outside_the_template(tmp_path: Path) -> None:
    rule = {"priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
            "sourcePortRange": "*", "destinationPortRange": "22",
            "sourceAddressPrefix": "*", "destinationAddressPrefix": "*"}
    template = {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
                   "deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"nsgName": {"type": "string"}},
        "resources": [
            {"type": f"{NSG}/securityRules", "apiVersion": "2023-04-01",
             "name": "shared-nsg/ssh", "properties": rule},
            {"type": f"{NSG}/securityRules", "apiVersion": "2023-04-01",
             "name": "[concat(parameters('nsgName'), '/https')]",
             "properties": {**rule, "destinationPortRange": "443"}}]}
    result = scan(tmp_path, "azuredeploy.json", json.dumps(template, indent=2))
    outside = f"{NSG}/shared-nsg"
    by_parameter = f"{NSG}/[parameters('nsgName')]"
    statuses = sorted(findings(result, "GOV-AZURE-004"))
    assert [(s, a) for s, a, _ in statuses] == [("fail", outside), ("unknown", by_parameter)]
    group = resource(result, outside)
    assert group.external and group.attributes["name"] == "shared-nsg"
    [failure] = [f for f in result.report.findings
                 if f.rule_id == "GOV-AZURE-004" and f.status == "fail"]
    assert failure.location is not None and failure.location.start_line > 1


# ----- the model and the engine --------------------------------------------------------


def test_undeclared_attributes_make_exists_and_absent_unknown() -> None:
    stand_in = Resource(id="x", kind="aws.sqs.queue", address="var.q",
                        source_format="terraform", native_type="aws_sqs_queue", range=None,
                        attributes={"policy": {}}, external=True)
    graph = ResourceGraph([stand_in], [])
    for operator in ("exists", "absent", "is_true", "equals"):
        test = AttrTest(("kms_key",), operator_named(operator), "x")
        assert test.evaluate(EvalContext(graph, stand_in), ()).status == "unknown"
    # below an attribute the code sets, absent is "not set" as usual
    assert stand_in.get("policy.Statement") is None
    declared = Resource(id="y", kind="aws.sqs.queue", address="aws_sqs_queue.q",
                        source_format="terraform", native_type="aws_sqs_queue", range=None)
    assert declared.get("kms_key") is None


def test_addresses_say_what_the_code_knows() -> None:
    for origin in ("var.user_name", "Ref(UserName)", "ImportValue(shared-sg)",
                   "parameters('nsgName')"):
        assert input_address(Unknown("no value", origin=origin)) == origin
    # the reason is for people: a value without an origin is no input, whatever it says
    assert input_address(Unknown("variable user_name has no value")) is None
    assert value_address("sg-0123", "x") == "sg-0123"
    assert value_address(Unknown("known after apply", ref="data.aws_iam_role.r"),
                         "x") == "data.aws_iam_role.r"
    assert value_address(PartialString(("arn:aws:sns:", Unknown("r", ref="data.x.y"),
                                        ":topic")), "x") == "arn:aws:sns:${data.x.y}:topic"
    assert value_address(Unknown("something else"), "a.b.c") == "(a.b.c)"
    assert value_address("", "x") is None
    assert value_address(3, "x") is None


def test_parsers_give_inputs_without_a_value_their_origin(tmp_path: Path) -> None:
    """The origin comes from the parsers (a structured field), not from reason texts."""
    from govern.parsers.arm.template import parse_template
    from govern.parsers.cloudformation.intrinsics import Evaluator
    from govern.parsers.cloudformation.parameters import parameter_values
    from govern.parsers.cloudformation.yaml_loader import read_yaml

    root, _ = read_yaml("Parameters:\n  UserName: {Type: String}\n"
                        "  Key: {Type: String, NoEcho: true}\n"
                        "  Env: {Type: String, AllowedValues: [a, b]}\n"
                        "Resources:\n  X: {Type: AWS::SNS::Topic, Properties: "
                        "{TopicName: !ImportValue shared-topic}}\n", "t.yaml")
    values = parameter_values(root.get("Parameters"), {})
    assert {name: value.origin for name, value in values.items()} == {
        "UserName": "Ref(UserName)", "Key": "Ref(Key)", "Env": "Ref(Env)"}
    evaluator = Evaluator("t.yaml", values, {}, {"X"}, None, None, False)
    topic = root.get("Resources").get("X").get("Properties")
    assert evaluator.value(topic, (), {})["TopicName"].origin == "ImportValue(shared-topic)"

    template = tmp_path / "azuredeploy.json"
    template.write_text(json.dumps({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
                   "deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"topicName": {"type": "string"}},
        "resources": [{"type": "Microsoft.EventGrid/topics", "apiVersion": "2022-06-15",
                       "name": "t", "location": "[parameters('topicName')]"}]}))
    (native,), _ = parse_template(str(template), {})
    assert native.attributes["location"].origin == "parameters('topicName')"

