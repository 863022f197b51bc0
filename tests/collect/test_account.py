"""Account-level settings read from moto: EBS encryption by default (per region) and the
account's S3 public access block (s3control), with the Terraform adapter's values."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.scan import ScanOptions, run_scan
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls

OTHER = "eu-west-1"
EBS_US = f"arn:aws:ec2:{REGION}:{ACCOUNT}:ebs-encryption-by-default"
EBS_EU = f"arn:aws:ec2:{OTHER}:{ACCOUNT}:ebs-encryption-by-default"
BLOCK = f"arn:aws:s3::{ACCOUNT}:account-public-access-block"


def read(endpoint: str) -> tuple[dict[str, Resource], list[Any]]:
    graph, notices = collect(AwsOptions(regions=(REGION, OTHER), endpoint_url=endpoint))
    return {r.id: r for r in graph}, notices


def put_block(endpoint: str, **flags: bool) -> None:
    s3control = client(endpoint, "s3control")
    s3control.meta.events.register(  # moto has no <account>.127.0.0.1 host
        "before-sign.s3-control.*",
        lambda request, **_: setattr(request, "url", request.url.replace(f"//{ACCOUNT}.", "//")))
    s3control.put_public_access_block(AccountId=ACCOUNT,
                                      PublicAccessBlockConfiguration=flags)


def test_ebs_encryption_by_default_per_region(moto_endpoint: str) -> None:
    world.reset(moto_endpoint)
    world.ec2_in(moto_endpoint, OTHER).enable_ebs_encryption_by_default()
    resources, notices = read(moto_endpoint)
    us, eu = resources[EBS_US], resources[EBS_EU]
    assert (us.kind, us.address, us.arn, us.source_format, us.context) == (
        "aws.ec2.ebs_encryption_by_default", EBS_US, EBS_US, "aws-live",
        f"aws:{ACCOUNT}:{REGION}")
    assert us.attributes == {"enabled": False}
    assert eu.attributes == {"enabled": True}
    assert eu.context == f"aws:{ACCOUNT}:{OTHER}"
    assert [n for n in notices if n.level == "warning"] == []


def test_no_account_public_access_block_is_no_resource(moto_endpoint: str) -> None:
    world.reset(moto_endpoint)
    resources, notices = read(moto_endpoint)
    assert not [r for r in resources.values()
                if r.kind == "aws.s3.account_public_access_block"]
    assert [n for n in notices if n.level == "warning"] == []


def test_account_public_access_block_flags(moto_endpoint: str) -> None:
    world.reset(moto_endpoint)
    put_block(moto_endpoint, BlockPublicAcls=True, BlockPublicPolicy=True)
    resources, _ = read(moto_endpoint)
    block = resources[BLOCK]
    assert (block.kind, block.address, block.source_format, block.context) == (
        "aws.s3.account_public_access_block", BLOCK, "aws-live", f"aws:{ACCOUNT}:global")
    assert block.attributes == {"block_public_acls": True, "block_public_policy": True,
                                "ignore_public_acls": False,
                                "restrict_public_buckets": False}


def test_an_incomplete_account_block_fails_gov_aws_071_live(moto_endpoint: str) -> None:
    world.reset(moto_endpoint)
    put_block(moto_endpoint, BlockPublicAcls=True, IgnorePublicAcls=True,
              BlockPublicPolicy=True, RestrictPublicBuckets=False)
    assert scan_statuses(moto_endpoint, BLOCK) == {("GOV-AWS-071", "fail")}
    put_block(moto_endpoint, BlockPublicAcls=True, IgnorePublicAcls=True,
              BlockPublicPolicy=True, RestrictPublicBuckets=True)
    assert scan_statuses(moto_endpoint, BLOCK) == set()  # passes are not listed


def scan_statuses(endpoint: str, address: str) -> set[tuple[str, str]]:
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--region", REGION, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return {(f["rule_id"], f["status"]) for f in json.loads(result.output)["findings"]
            if f["resource"]["address"] == address}


def test_live_and_terraform_give_the_same_attributes(moto_endpoint: str,
                                                     tmp_path: Path) -> None:
    world.reset(moto_endpoint)
    put_block(moto_endpoint, BlockPublicAcls=True, IgnorePublicAcls=True,
              BlockPublicPolicy=True, RestrictPublicBuckets=False)
    live, _ = read(moto_endpoint)
    (tmp_path / "main.tf").write_text(
        'resource "aws_s3_account_public_access_block" "this" {\n'
        '  block_public_acls   = true\n  ignore_public_acls  = true\n'
        '  block_public_policy = true\n}\n\n'
        'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n')
    graph = run_scan(ScanOptions(paths=(str(tmp_path),), keep_graph=True)).graph
    static = {r.kind: r.attributes for r in graph}
    assert static["aws.s3.account_public_access_block"] == live[BLOCK].attributes
    assert static["aws.ec2.ebs_encryption_by_default"] == live[EBS_US].attributes


def test_disabled_ebs_default_encryption_fails_gov_aws_044_live(moto_endpoint: str) -> None:
    world.reset(moto_endpoint)
    assert scan_statuses(moto_endpoint, EBS_US) == {("GOV-AWS-044", "fail")}


def test_access_denied_makes_the_settings_unknown(moto_endpoint: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    world.reset(moto_endpoint)
    deny_calls(monkeypatch, "ec2.GetEbsEncryptionByDefault", "s3-control.GetPublicAccessBlock")
    resources, notices = read(moto_endpoint)
    assert resources[EBS_US].attributes == {
        "enabled": Unknown("access denied: GetEbsEncryptionByDefault")}
    denied = Unknown("access denied: GetAccountPublicAccessBlock")
    assert resources[BLOCK].attributes == {"block_public_acls": denied,
                                           "block_public_policy": denied,
                                           "ignore_public_acls": denied,
                                           "restrict_public_buckets": denied}
    warnings = sorted((n.message, n.hint) for n in notices if n.level == "warning")
    assert warnings == [
        (f"access denied: GetAccountPublicAccessBlock ({BLOCK}); what it reads is unknown",
         "grant s3:GetAccountPublicAccessBlock to the scanning role (docs/live-aws.md)"),
        (f"access denied: GetEbsEncryptionByDefault ({EBS_EU} and 1 more); what it reads "
         "is unknown",
         "grant ec2:GetEbsEncryptionByDefault to the scanning role (docs/live-aws.md)")]
    assert scan_statuses(moto_endpoint, EBS_US) == {("GOV-AWS-044", "unknown")}
    assert scan_statuses(moto_endpoint, BLOCK) == {("GOV-AWS-071", "unknown")}
