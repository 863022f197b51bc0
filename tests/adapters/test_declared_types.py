"""Values are read as their declared type, as Terraform and CloudFormation read them."""

from __future__ import annotations

from pathlib import Path

from govern.adapters.declared_types import read_declared_types
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.scan import ScanOptions, run_scan


def resource(kind: str, attributes: dict[str, object]) -> Resource:
    return Resource(id="x", kind=kind, address="x", source_format="terraform",
                    native_type="x", range=None, attributes=attributes)


def test_scalars_take_their_declared_type() -> None:
    group = resource("azure.network.security_group", {"security_rules": [
        {"priority": "100", "destination_port_ranges": [22, "80"], "name": "ssh"}]})
    read_declared_types(group)
    rule = group.attributes["security_rules"][0]
    assert rule["priority"] == 100
    assert rule["destination_port_ranges"] == ["22", "80"]
    key = resource("aws.kms.key", {"enable_key_rotation": "TRUE"})
    read_declared_types(key)
    assert key.attributes["enable_key_rotation"] is True


def test_a_value_that_cannot_be_the_declared_type_is_unknown() -> None:
    key = resource("aws.kms.key", {"enable_key_rotation": "yes please"})
    read_declared_types(key)
    assert isinstance(key.attributes["enable_key_rotation"], Unknown)
    group = resource("aws.logs.log_group", {"retention_in_days": "a week"})
    read_declared_types(group)
    assert isinstance(group.attributes["retention_in_days"], Unknown)


def test_alternatives_and_open_types_are_kept() -> None:
    key = resource("aws.kms.key", {
        "enable_key_rotation": Unknown("conditional", None, ("true", False)),
        "policy": {"Statement": [{"Effect": "Allow"}]}})
    read_declared_types(key)
    rotation = key.attributes["enable_key_rotation"]
    assert isinstance(rotation, Unknown) and rotation.alternatives == (True, False)
    assert key.attributes["policy"] == {"Statement": [{"Effect": "Allow"}]}


def test_a_cloudformation_number_parameter_is_a_number(tmp_path: Path) -> None:
    """RetentionInDays from a String parameter (text, as CloudFormation passes it) is the
    number the rule compares."""
    (tmp_path / "template.yaml").write_text(
        "Parameters:\n  Days: {Type: String, Default: '14'}\n"
        "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n      RetentionInDays: !Ref Days\n")
    graph = run_scan(ScanOptions(paths=(str(tmp_path),), keep_graph=True)).graph
    (logs,) = graph.of_kind("aws.logs.log_group")
    assert logs.attributes["retention_in_days"] == 14


def test_a_quoted_terraform_number_is_a_number(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n'
        '  size = "5"\n  encrypted = "true"\n}\n')
    graph = run_scan(ScanOptions(paths=(str(tmp_path),), keep_graph=True)).graph
    (volume,) = graph.of_kind("aws.ec2.volume")
    assert volume.attributes["size"] == 5 and volume.attributes["encrypted"] is True
