"""`AWS::IAM::AccessKey` folded into its user as `active_access_keys` (GOV-AWS-267)."""

from __future__ import annotations

from pathlib import Path

from govern.model.unknown import Unknown
from tests.adapters.cloudformation.test_adapter import adapt


def test_keys_count_unless_inactive(tmp_path: Path) -> None:
    found, _ = adapt(tmp_path, """
Resources:
  Alice:
    Type: AWS::IAM::User
    Properties: {UserName: alice}
  Ci:
    Type: AWS::IAM::User
  KeyA:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: !Ref Alice}
  KeyB:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: alice, Status: Inactive}
  KeyC:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: !Ref Alice, Status: Active}
""")
    alice, ci = found["Alice"], found["Ci"]
    assert alice.attributes["active_access_keys"] == 2
    assert alice.native == ["Alice", "KeyA", "KeyB", "KeyC"]
    assert ci.attributes["active_access_keys"] == 0
    assert ("active_access_keys",) in ci.defaulted


def test_a_status_chosen_at_deployment_makes_the_count_unknown(tmp_path: Path) -> None:
    found, _ = adapt(tmp_path, """
Parameters:
  Retire: {Type: String, AllowedValues: ["yes", "no"]}
  Free: {Type: String}
Conditions:
  Retired: !Equals [!Ref Retire, "yes"]
Resources:
  Alice:
    Type: AWS::IAM::User
  Bob:
    Type: AWS::IAM::User
  Carol:
    Type: AWS::IAM::User
  AliceKey:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: !Ref Alice, Status: !If [Retired, Inactive, Active]}
  BobKey:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: !Ref Bob, Status: !If [Retired, Active, Active]}
  CarolKey:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: !Ref Carol, Status: !Ref Free}
""")
    alice = found["Alice"].attributes["active_access_keys"]
    assert isinstance(alice, Unknown) and alice.alternatives == (0, 1)
    assert found["Bob"].attributes["active_access_keys"] == 1  # active in every branch
    carol = found["Carol"].attributes["active_access_keys"]
    assert isinstance(carol, Unknown) and carol.alternatives == (0, 1)


def test_keys_of_a_user_declared_elsewhere_count_on_a_stand_in(tmp_path: Path) -> None:
    found, _ = adapt(tmp_path, """
Parameters:
  Existing: {Type: String}
Resources:
  KeyA:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: !Ref Existing}
  KeyB:
    Type: AWS::IAM::AccessKey
    Properties: {UserName: !Ref Existing}
""")
    stand_in = found["Ref(Existing)"]
    assert stand_in.external
    assert stand_in.attributes["active_access_keys"] == Unknown(
        "other access keys of Ref(Existing) may be declared outside the scanned code",
        alternatives=(2, 3, 4))
