"""A bug in govern met on one resource loses that resource's judgement only: an error
notice at its line names it (exit 3), and every other resource and file of the scan is
still judged. And the inputs that met such bugs (found by benchmarks/fuzz.py): ports of
thousands of digits or in other scripts' digits, NaN, versions of thousands of digits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.engine.operators import compare, version_key

BIG = "9" * 5000
PUBLIC_BUCKET = 'resource "aws_s3_bucket" "public" {\n  acl = "public-read"\n}\n'
SG_TF = '''\
resource "aws_security_group" "sg" {
  ingress {
    protocol    = "tcp"
    from_port   = "{port}"
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
'''
NSG_ARM = json.dumps({
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
               "deploymentTemplate.json#",
    "contentVersion": "1.0.0.0",
    "resources": [{
        "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2021-05-01",
        "name": "nsg", "location": "x",
        "properties": {"securityRules": [{"name": "r", "properties": {
            "protocol": "Tcp", "sourcePortRange": "*", "destinationPortRange": "{port}",
            "sourceAddressPrefix": "*", "destinationAddressPrefix": "*", "access": "Allow",
            "priority": 100, "direction": "Inbound"}}]}}]})
SG_CFN = '''\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: {port}
          ToPort: 22
          CidrIp: 0.0.0.0/0
'''


def scan(directory: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(cli, ["scan", str(directory), "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout), result.stderr


def rules_on(doc: dict[str, Any], address: str) -> set[str]:
    return {f["rule_id"] for f in doc["findings"] if f["resource"]["address"] == address}


@pytest.mark.parametrize(("name", "template"), [
    ("main.tf", SG_TF), ("azuredeploy.json", NSG_ARM), ("template.yaml", SG_CFN)])
@pytest.mark.parametrize("port", [BIG, "²²", "٢٢"], ids=["5000-digits", "superscript",
                                                          "arabic-indic"])
def test_a_port_that_is_no_port_is_judged_not_a_crash(
        tmp_path: Path, name: str, template: str, port: str) -> None:
    (tmp_path / name).write_text(template.replace("{port}", port))
    (tmp_path / "bucket.tf").write_text(PUBLIC_BUCKET)
    code, doc, err = scan(tmp_path)
    assert "internal error" not in err + json.dumps(doc)
    assert code == 1
    assert [n for n in doc["notices"] if n["level"] == "error"] == []
    assert "GOV-AWS-002" in rules_on(doc, "aws_s3_bucket.public")  # the rest is judged
    assert doc["findings"]  # the security group: fail or unknown, never a silent pass


def test_a_builder_that_raises_loses_that_resource_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govern.adapters.terraform import lazy_registry

    def broken(native: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setitem(lazy_registry._resolved, ("builder", "aws_security_group"), broken)
    (tmp_path / "main.tf").write_text(SG_TF.replace("{port}", "22"))
    (tmp_path / "bucket.tf").write_text(PUBLIC_BUCKET)
    code, doc, _ = scan(tmp_path)
    assert code == 3
    assert [(n["level"], n["code"], n["file"], n["line"], n["message"])
            for n in doc["notices"]] == [
        ("error", "internal-error", "main.tf", 1,
         "aws_security_group.sg: internal error in govern while reading this "
         "aws_security_group (RuntimeError: a bug); its rules were not evaluated")]
    assert "GOV-AWS-002" in rules_on(doc, "aws_s3_bucket.public")


def test_a_check_that_raises_is_unknown_there_and_the_scan_exits_3(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govern.engine.predicates import network

    def broken(*_: Any) -> Any:
        raise ValueError("a bug")

    monkeypatch.setattr(network, "parse_port_range", broken)
    (tmp_path / "azuredeploy.json").write_text(NSG_ARM.replace("{port}", "22"))
    (tmp_path / "bucket.tf").write_text(PUBLIC_BUCKET)
    code, doc, _ = scan(tmp_path)
    assert code == 3
    errors = [(n["code"], n["file"], n["line"]) for n in doc["notices"]
              if n["level"] == "error"]
    assert errors and set(errors) == {("internal-error", "azuredeploy.json", 1)}
    unknown = [f for f in doc["findings"] if f["status"] == "unknown"
               and "internal error in govern: ValueError: a bug" in f["message"]]
    assert unknown  # the rule is unknown on the resource, not a pass
    assert "GOV-AWS-002" in rules_on(doc, "aws_s3_bucket.public")


@pytest.mark.parametrize(("actual", "expected"), [
    ("nan", 5), (float("nan"), 5), (5, float("nan")), (10**5000, "1.2")],
    ids=["nan-text", "nan", "nan-expected", "int-of-5000-digits"])
def test_what_is_no_number_does_not_compare(actual: Any, expected: Any) -> None:
    assert compare(actual, expected) is None


def test_versions_of_thousands_of_digits_compare_as_numbers() -> None:
    assert compare("1.2." + "9" * 5000, "1.2.3") == 1
    assert compare("1.2.0003", "1.2.3") == 0
    assert version_key("v" + "0" * 10 + "12") == version_key("v12")
    assert compare("1.10", "1.9") == 1
