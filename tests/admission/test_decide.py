"""Admission decisions: a change alone, the same change merged onto a live inventory,
advisory vs mandatory rules, and errors failing closed or open."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from govern.admission.decide import Admitter, Decision
from govern.admission.policy import AdmissionPolicy
from govern.config import Config
from govern.errors import ConfigError
from govern.model.inventory import load_inventory
from tests.admission.helpers import ACCOUNT, PUBLIC_POLICY, change, write_inventory, write_plan
from tests.tagging import TAGS_ASKED

ADMIN_ARN = f"arn:aws:iam::{ACCOUNT}:policy/Admin"


@pytest.fixture(scope="module")
def admitter() -> Admitter:
    return Admitter(TAGS_ASKED)  # GOV-AWS-015 judges the tags of the resources here


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def rules_of(decision: Decision) -> list[tuple[str, str, str, str]]:
    return [(r["rule"], r["enforcement"], r["status"], r["resource"])
            for r in decision.reasons]


def public_policy_plan(directory: Path) -> str:
    return write_plan(directory, change("aws_s3_bucket_policy", "shared",
                                        {"bucket": "shared-data", "policy": PUBLIC_POLICY}))


def public_acl_plan(directory: Path) -> str:
    return write_plan(directory, change("aws_s3_bucket_acl", "shared",
                                        {"bucket": "shared-data", "acl": "public-read"}))


def attach_admin_plan(directory: Path) -> str:
    return write_plan(directory, change("aws_iam_role_policy_attachment", "admin",
                                        {"role": "deployer", "policy_arn": ADMIN_ARN}))


def test_bucket_policy_on_a_live_bucket_alone_has_nothing_to_judge(
        admitter: Admitter, tmp_path: Path) -> None:
    # judged on a stand-in for the bucket: what the change does not say of it is unknown,
    # and not the change's to judge
    decision = admitter.admit_file(public_policy_plan(tmp_path))
    assert decision.to_dict() == {"decision": "allow", "reasons": [], "errors": [],
                                  "context": {"resources": 1}}
    assert decision.exit_code == 0


def test_a_known_violation_on_a_parent_outside_the_change_is_denied(
        admitter: Admitter, tmp_path: Path) -> None:
    # SSH from anywhere added to a group neither in the change nor in the inventory
    plan = write_plan(tmp_path, change("aws_security_group_rule", "ssh", {
        "type": "ingress", "security_group_id": "sg-0123abcd", "protocol": "tcp",
        "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}))
    decision = admitter.admit_file(plan)
    assert decision.decision == "deny"
    assert rules_of(decision) == [("GOV-AWS-005", "mandatory", "fail", "sg-0123abcd")]


def test_bucket_policy_on_a_live_bucket_is_denied_with_the_inventory(
        admitter: Admitter, tmp_path: Path) -> None:
    decision = admitter.admit_file(public_policy_plan(tmp_path), write_inventory(tmp_path))
    assert decision.decision == "deny"
    assert decision.exit_code == 1
    assert rules_of(decision) == [
        ("GOV-AWS-003", "mandatory", "fail", "arn:aws:s3:::shared-data"),
        ("GOV-AWS-004", "advisory", "fail", "arn:aws:s3:::shared-data"),
        ("GOV-AWS-015", "advisory", "fail", "arn:aws:s3:::shared-data"),
        # the inventory's bucket has neither versioning nor MFA delete
        ("GOV-AWS-189", "advisory", "fail", "arn:aws:s3:::shared-data"),
        ("GOV-AWS-265", "advisory", "fail", "arn:aws:s3:::shared-data"),
    ]
    first = decision.reasons[0]
    assert first["arn"] == "arn:aws:s3:::shared-data"
    assert first["location"] == {"file": "change.json", "start_line": 5, "end_line": 5}
    assert first["severity"] == "high"
    # the already public live bucket `open-logs` is not part of the change (nor its missing
    # access logging, customer managed key and TLS policy: GOV-AWS-155, 156, 162)
    assert all(r["arn"] != "arn:aws:s3:::open-logs" for r in decision.reasons)
    assert decision.context == {"resources": 1, "live_resources": 4, "touched": 1,
                                "findings_outside_change": 9}


def test_public_acl_on_a_live_bucket_is_denied_only_with_the_inventory(
        admitter: Admitter, tmp_path: Path) -> None:
    plan = public_acl_plan(tmp_path)
    assert admitter.admit_file(plan).decision == "allow"
    decision = admitter.admit_file(plan, write_inventory(tmp_path))
    assert decision.decision == "deny"
    assert rules_of(decision) == [
        ("GOV-AWS-002", "mandatory", "fail", "arn:aws:s3:::shared-data"),
        ("GOV-AWS-004", "advisory", "fail", "arn:aws:s3:::shared-data"),
        ("GOV-AWS-015", "advisory", "fail", "arn:aws:s3:::shared-data"),
        # the inventory's bucket has neither versioning nor MFA delete
        ("GOV-AWS-189", "advisory", "fail", "arn:aws:s3:::shared-data"),
        ("GOV-AWS-265", "advisory", "fail", "arn:aws:s3:::shared-data"),
    ]


def test_attaching_a_live_admin_policy_to_a_live_role_is_denied(
        admitter: Admitter, tmp_path: Path) -> None:
    plan = attach_admin_plan(tmp_path)
    assert admitter.admit_file(plan).decision == "allow"
    decision = admitter.admit_file(plan, write_inventory(tmp_path))
    assert decision.decision == "deny"
    role = f"arn:aws:iam::{ACCOUNT}:role/deployer"
    assert ("GOV-AWS-012", "mandatory", "fail", role) in rules_of(decision)
    reason = next(r for r in decision.reasons if r["rule"] == "GOV-AWS-012")
    assert "managed policy 'Admin'" in reason["message"]


def test_the_live_inventory_is_not_changed_by_a_decision(
        admitter: Admitter, tmp_path: Path) -> None:
    inventory = write_inventory(tmp_path)
    before = load_inventory(inventory)
    live = load_inventory(inventory)
    decision = admitter.admit(attach_admin_plan(tmp_path), live, str(tmp_path))
    assert decision.decision == "deny"
    assert [(r.id, r.attributes) for r in live] == [(r.id, r.attributes) for r in before]


def test_advisory_configuration_turns_deny_into_warn(tmp_path: Path) -> None:
    config = Config(admission={"mandatory": [], "default": "advisory"})
    decision = Admitter(config).admit_file(public_policy_plan(tmp_path),
                                           write_inventory(tmp_path))
    assert decision.decision == "warn"
    assert decision.exit_code == 0
    assert {r["enforcement"] for r in decision.reasons} == {"advisory"}


def test_a_rule_id_made_mandatory_denies(tmp_path: Path) -> None:
    config = replace(TAGS_ASKED, admission={"mandatory": ["GOV-AWS-015"],
                                            "advisory": ["public-exposure"]})
    decision = Admitter(config).admit_file(public_policy_plan(tmp_path),
                                           write_inventory(tmp_path))
    assert decision.decision == "deny"
    assert [(r["rule"], r["enforcement"]) for r in decision.reasons] == [
        ("GOV-AWS-003", "advisory"), ("GOV-AWS-004", "advisory"),
        ("GOV-AWS-015", "mandatory"), ("GOV-AWS-189", "advisory"),
        ("GOV-AWS-265", "advisory")]


def test_an_entry_both_mandatory_and_advisory_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="iam is both mandatory and advisory"):
        AdmissionPolicy.from_config({"mandatory": ["iam"], "advisory": ["iam"]})


def test_a_new_clean_resource_is_allowed_and_a_new_risky_one_denied(
        admitter: Admitter, tmp_path: Path) -> None:
    open_sg = change("aws_security_group", "web", {
        "name": "web", "description": "web", "tags": {"cost-center": "1", "owner": "a"},
        "ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp",
                     "cidr_blocks": ["0.0.0.0/0"], "description": "ssh"}], "egress": []})
    decision = admitter.admit_file(write_plan(tmp_path, open_sg, name="sg.json"))
    assert decision.decision == "deny"
    assert decision.reasons[0]["resource"] == "aws_security_group.web"
    assert decision.reasons[0]["arn"] is None


def test_a_broken_change_fails_closed(admitter: Admitter, tmp_path: Path) -> None:
    broken = tmp_path / "change.json"
    broken.write_text('{"format_version": "1.2", "resource_changes": [')
    decision = admitter.admit_file(str(broken))
    assert decision.decision == "deny"
    assert decision.exit_code == 3
    assert decision.errors and decision.errors[0]["file"] == "change.json"


def test_a_broken_change_fails_open_when_configured(tmp_path: Path) -> None:
    broken = tmp_path / "notes.json"
    broken.write_text('{"hello": "world"}')
    decision = Admitter(Config(admission={"on-error": "fail-open"})).admit_file(str(broken))
    assert decision.decision == "allow"
    assert decision.exit_code == 0
    assert decision.errors == [{
        "message": "notes.json: not a Terraform plan (JSON), CloudFormation or ARM template",
        "file": "notes.json"}]


def test_a_bad_inventory_fails_closed(admitter: Admitter, tmp_path: Path) -> None:
    bad = tmp_path / "inventory.json"
    bad.write_text("[]")
    decision = admitter.admit_file(public_policy_plan(tmp_path), str(bad))
    assert (decision.decision, decision.exit_code) == ("deny", 3)
    assert "not a govern inventory file" in decision.errors[0]["message"]


def test_admit_text_matches_admit_file(admitter: Admitter, tmp_path: Path) -> None:
    plan = public_policy_plan(tmp_path)
    inventory = write_inventory(tmp_path)
    by_file = admitter.admit_file(plan, inventory)
    by_text = admitter.admit_text(Path(plan).read_text(), "tfplan",
                                  json.loads(Path(inventory).read_text()))
    assert by_text.to_dict() == by_file.to_dict()


def test_a_declared_format_that_does_not_match_is_an_error(admitter: Admitter,
                                                           tmp_path: Path) -> None:
    decision = admitter.admit_text(Path(public_policy_plan(tmp_path)).read_text(), "arm")
    assert decision.errors == [{"message": "the change is tfplan, not arm",
                                "file": "change.json"}]


def test_without_an_inventory_every_proposed_resource_counts(admitter: Admitter,
                                                              tmp_path: Path) -> None:
    template = tmp_path / "template.yaml"
    template.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Data:\n"
        "    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n")
    decision = admitter.admit(str(template), None, str(tmp_path))
    assert decision.decision == "deny"
    assert {r["resource"] for r in decision.reasons} == {"Data"}


def test_a_bucket_public_access_block_in_the_change_fixes_the_live_bucket(
        admitter: Admitter, tmp_path: Path) -> None:
    flags = {flag: True for flag in ("block_public_acls", "block_public_policy",
                                     "ignore_public_acls", "restrict_public_buckets")}
    plan = write_plan(tmp_path, change("aws_s3_bucket_public_access_block", "shared",
                                       {"bucket": "shared-data", **flags}))
    decision = admitter.admit(plan, load_inventory(write_inventory(tmp_path)),
                              str(tmp_path))
    assert rules_of(decision) == [
        ("GOV-AWS-015", "advisory", "fail", "arn:aws:s3:::shared-data"),
        ("GOV-AWS-189", "advisory", "fail", "arn:aws:s3:::shared-data"),
        ("GOV-AWS-265", "advisory", "fail", "arn:aws:s3:::shared-data")]
    assert decision.decision == "warn"


def versioning_plan(directory: Path) -> str:
    """Turns on versioning of `open-logs`, a live bucket that is public already."""
    return write_plan(directory, change("aws_s3_bucket_versioning", "logs", {
        "bucket": "open-logs", "versioning_configuration": [{"status": "Enabled"}]}))


def test_failures_the_live_resource_already_had_are_marked_and_deny_by_default(
        admitter: Admitter, tmp_path: Path) -> None:
    decision = admitter.admit_file(versioning_plan(tmp_path), write_inventory(tmp_path))
    assert decision.decision == "deny"
    introduced = {(r["rule"], r["introduced"]) for r in decision.reasons}
    assert ("GOV-AWS-002", False) in introduced
    assert all(not flag for _, flag in introduced)


def test_existing_warn_denies_only_what_the_change_introduces(tmp_path: Path) -> None:
    lenient = Admitter(Config(admission={"existing": "warn"}))
    inventory = write_inventory(tmp_path)
    assert lenient.admit_file(versioning_plan(tmp_path), inventory).decision == "warn"
    decision = lenient.admit_file(public_policy_plan(tmp_path), inventory)
    assert decision.decision == "deny"
    assert ("GOV-AWS-003", True) in {(r["rule"], r["introduced"]) for r in decision.reasons}


def test_a_waiver_for_a_live_bucket_keeps_its_failure_from_denying(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text("- rule: GOV-AWS-003\n  resource: 'arn:aws:s3:::shared-*'\n"
                       "  reason: public dataset\n  owner: data-team\n"
                       "  expires: 2999-01-01\n")
    waived = Admitter(Config(waivers=str(waivers)))
    decision = waived.admit_file(public_policy_plan(tmp_path), write_inventory(tmp_path))
    public = [r for r in decision.reasons if r["rule"] == "GOV-AWS-003"]
    assert public and public[0]["suppressed"] == {"source": "waiver",
                                                 "justification": "public dataset"}
    assert decision.decision == "warn"  # GOV-AWS-004, advisory, still stands
    assert Admitter(Config()).admit_file(public_policy_plan(tmp_path),
                                         write_inventory(tmp_path)).decision == "deny"


def test_an_inline_suppression_in_the_change_applies(admitter: Admitter,
                                                     tmp_path: Path) -> None:
    template = tmp_path / "template.yaml"
    template.write_text(
        "Resources:\n"
        "  # govern:ignore GOV-AWS-005 reason=\"bastion, allow-listed by the firewall\"\n"
        "  Bastion:\n"
        "    Type: AWS::EC2::SecurityGroup\n"
        "    Properties:\n"
        "      GroupDescription: bastion\n"
        "      Tags: [{Key: owner, Value: ops}, {Key: cost-center, Value: '1'}]\n"
        "      SecurityGroupIngress:\n"
        "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n"
        "      SecurityGroupEgress:\n"
        "        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8}\n")
    decision = admitter.admit_file(str(template))
    assert decision.decision == "allow", decision.reasons
    [ssh] = decision.reasons
    assert ssh["rule"] == "GOV-AWS-005" and ssh["suppressed"]["source"] == "govern"
