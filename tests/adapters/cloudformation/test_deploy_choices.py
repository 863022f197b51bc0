"""Parameters left to the deployer (a Default and AllowedValues, no value given): the
template is read with the defaults and with every allowed value. A rule fails what deploys
by default, passes only what every allowed value makes compliant, and is unknown
otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.model.unknown import Defaulted
from govern.parsers.deploy_choices import merge_values
from govern.scan import ScanOptions, ScanResult, run_scan

PARAMETERS = """\
Parameters:
  Encrypt:
    Type: String
    Default: "{encrypt}"
    AllowedValues: ["true", "false"]
  Env:
    Type: String
    Default: {env}
    AllowedValues: [dev, prod]
  Size:
    Type: Number
    Default: 10
Conditions:
  DoEncrypt: !Equals [!Ref Encrypt, "true"]
  IsDev: !Equals [!Ref Env, dev]
"""
RESOURCES = """\
Resources:
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: !Ref Size
      Encrypted: !If [DoEncrypt, true, false]
  Direct:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 10
      Encrypted: !Ref Encrypt
  DevDb:
    Type: AWS::RDS::DBInstance
    Condition: IsDev
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      StorageEncrypted: false
"""


def _statuses(result: ScanResult) -> dict[tuple[str, str], str]:
    """(rule, address) -> status; a volume without a finding of GOV-AWS-010 passed it."""
    statuses = {(f.rule_id, f.resource_address): f.status for f in result.report.findings}
    for volume in result.graph.of_kind("aws.ec2.volume"):
        statuses.setdefault(("GOV-AWS-010", volume.address), "pass")
    return statuses


def _scan(tmp_path: Path, encrypt: str, env: str, given: dict[str, str] | None = None
          ) -> tuple[dict[tuple[str, str], str], list[str]]:
    (tmp_path / "template.yaml").write_text(
        PARAMETERS.format(encrypt=encrypt, env=env) + RESOURCES)
    files: tuple[str, ...] = ()
    if given:
        (tmp_path / "params.json").write_text(
            "{" + ", ".join(f'"{k}": "{v}"' for k, v in given.items()) + "}")
        files = (str(tmp_path / "params.json"),)
    result = run_scan(ScanOptions(paths=(str(tmp_path / "template.yaml"),),
                                  cfn_parameter_files=files, keep_graph=True))
    statuses = _statuses(result)
    notes = [n.message for n in result.report.notices if n.code == "condition-unknown"]
    return statuses, notes


@pytest.mark.parametrize(("encrypt", "expected"), [("false", "fail"), ("true", "unknown")])
def test_a_default_that_fails_fails_and_one_that_passes_is_unknown(
        tmp_path: Path, encrypt: str, expected: str) -> None:
    statuses, _ = _scan(tmp_path, encrypt, "prod")
    assert statuses[("GOV-AWS-010", "Volume")] == expected
    assert statuses[("GOV-AWS-010", "Direct")] == expected


def test_a_value_every_choice_makes_compliant_passes(tmp_path: Path) -> None:
    (tmp_path / "template.yaml").write_text(
        PARAMETERS.format(encrypt="true", env="prod").replace(
            'AllowedValues: ["true", "false"]', 'AllowedValues: ["true", "yes"]')
        + RESOURCES.replace('!If [DoEncrypt, true, false]', 'true'))
    statuses = _statuses(run_scan(ScanOptions(paths=(str(tmp_path / "template.yaml"),),
                                              keep_graph=True)))
    assert statuses[("GOV-AWS-010", "Volume")] == "pass"


def test_a_resource_only_another_allowed_value_creates_is_checked_with_a_note(
        tmp_path: Path) -> None:
    statuses, notes = _scan(tmp_path, "true", "prod")
    assert statuses[("GOV-AWS-009", "DevDb")] == "fail"
    assert len(notes) == 1 and notes[0].startswith("DevDb: checked although")


def test_a_given_value_is_not_a_choice(tmp_path: Path) -> None:
    statuses, notes = _scan(tmp_path, "false", "prod", {"Encrypt": "true", "Env": "prod"})
    assert statuses[("GOV-AWS-010", "Volume")] == "pass"
    assert ("GOV-AWS-009", "DevDb") not in statuses and notes == []


def test_merging_keeps_what_both_readings_agree_on() -> None:
    merged = merge_values({"a": 1, "b": {"c": "x", "d": [1, 2]}, "e": "same"},
                          {"a": 2, "b": {"c": "x", "d": [1, 3]}, "e": "same", "f": True},
                          "parameter P is chosen at deploy time")
    assert merged["e"] == "same" and merged["b"]["c"] == "x" and merged["b"]["d"][0] == 1
    for key, default, chosen in (("a", 1, 2), ("f", None, True)):
        value = merged[key]
        assert isinstance(value, Defaulted)
        assert value.default == default and value.alternatives == (chosen,)
    assert isinstance(merged["b"]["d"][1], Defaulted)
