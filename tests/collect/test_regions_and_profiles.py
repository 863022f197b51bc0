"""`govern scan --aws --region all` reads every region DescribeRegions answers, and
`--profile NAME` reads with that profile's credentials and region (a temporary AWS shared
config and credentials file); an unknown profile is a one-line usage error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls

FAR = "ap-southeast-2"
OTHER = "eu-west-1"
PROFILE_REGION = "eu-west-1"
PROFILE_ACCOUNT = "111122223333"  # moto keys its state by the account of the credentials


def scan(*args: str) -> Any:
    return CliRunner().invoke(cli, ["scan", "--aws", "--format", "json", *args])


def open_ssh_group(ec2: Any, name: str) -> str:
    """A security group with SSH open to the world (GOV-AWS-005); its id."""
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
    group = str(ec2.create_security_group(GroupName=name, Description="ssh open",
                                          VpcId=vpc)["GroupId"])
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
        "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    return group


def failed(output: str, rule: str) -> set[str]:
    return {f["resource"]["address"] for f in json.loads(output)["findings"]
            if f["rule_id"] == rule and f["status"] == "fail"}


@pytest.fixture
def three_regions(monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    """DescribeRegions asked for three regions only (moto answers the 38 it knows, and
    reading each of them takes minutes: moto answers HTTP 500 for services it lacks in
    the newest regions, which botocore retries); the scan still reads whatever
    DescribeRegions answers."""
    import boto3

    chosen = (REGION, OTHER, FAR)
    original = boto3.Session.client

    def narrow(params: dict[str, Any], **_: Any) -> None:
        params.setdefault("RegionNames", list(chosen))

    def make(self: Any, *args: Any, **kwargs: Any) -> Any:
        made = original(self, *args, **kwargs)
        made.meta.events.register("provide-client-params.ec2.DescribeRegions", narrow)
        return made

    monkeypatch.setattr(boto3.Session, "client", make)
    return chosen


def test_region_all_reads_every_region_describe_regions_answers(
        moto_endpoint: str, three_regions: tuple[str, ...]) -> None:
    world.reset(moto_endpoint)
    made = {region: open_ssh_group(world.ec2_in(moto_endpoint, region), f"open-{region}")
            for region in (REGION, FAR)}
    result = scan("--endpoint-url", moto_endpoint, "--region", "all")
    assert result.exit_code == 1, result.output
    assert failed(result.output, "GOV-AWS-005") == {
        f"arn:aws:ec2:{region}:{ACCOUNT}:security-group/{group}"
        for region, group in made.items()}
    # one EBS encryption-by-default setting per region: each region answered was read
    assert failed(result.output, "GOV-AWS-044") == {
        f"arn:aws:ec2:{region}:{ACCOUNT}:ebs-encryption-by-default"
        for region in three_regions}


def test_region_all_stops_when_the_regions_cannot_be_listed(
        moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "ec2.DescribeRegions", code="UnauthorizedOperation")
    result = scan("--endpoint-url", moto_endpoint, "--region", "all")
    assert result.exit_code == 2
    assert result.stderr.startswith("govern: error: --region all: cannot list")


def profile_credentials(endpoint: str) -> dict[str, str]:
    """Credentials of another account (a role assumed in it: moto accepts any)."""
    assumed = client(endpoint, "sts").assume_role(
        RoleArn=f"arn:aws:iam::{PROFILE_ACCOUNT}:role/audit",
        RoleSessionName="profile")["Credentials"]
    return {"aws_access_key_id": assumed["AccessKeyId"],
            "aws_secret_access_key": assumed["SecretAccessKey"],
            "aws_session_token": assumed["SessionToken"]}


def write_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  credentials: dict[str, str]) -> None:
    """The `audit` profile (region eu-west-1) in a temporary shared config and
    credentials file; the environment's region and keys would otherwise win."""
    config = tmp_path / "config"
    config.write_text(f"[profile audit]\nregion = {PROFILE_REGION}\noutput = json\n")
    shared = tmp_path / "credentials"
    shared.write_text("[audit]\n" + "".join(f"{k} = {v}\n" for k, v in credentials.items()))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(shared))
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    monkeypatch.delenv("AWS_REGION", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)


def test_profile_gives_the_credentials_and_the_region(
        moto_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import boto3

    world.reset(moto_endpoint)
    credentials = profile_credentials(moto_endpoint)
    theirs = boto3.client("ec2", region_name=PROFILE_REGION, endpoint_url=moto_endpoint,
                          **credentials)
    their_group = open_ssh_group(theirs, "theirs")
    ours_us = open_ssh_group(client(moto_endpoint, "ec2"), "ours")
    ours_eu = open_ssh_group(world.ec2_in(moto_endpoint, PROFILE_REGION), "ours-eu")
    write_profile(tmp_path, monkeypatch, credentials)
    inventory = tmp_path / "inventory.json"
    result = scan("--endpoint-url", moto_endpoint, "--profile", "audit",
                  "--save-inventory", str(inventory))
    assert result.exit_code == 1, result.output
    assert failed(result.output, "GOV-AWS-005") == {
        f"arn:aws:ec2:{PROFILE_REGION}:{PROFILE_ACCOUNT}:security-group/{their_group}"}
    assert ours_us not in result.output and ours_eu not in result.output
    contexts = {r["context"] for r in _resources(inventory)}
    assert contexts <= {f"aws:{PROFILE_ACCOUNT}:{PROFILE_REGION}",
                        f"aws:{PROFILE_ACCOUNT}:global"}
    assert f"aws:{PROFILE_ACCOUNT}:{PROFILE_REGION}" in contexts


def _resources(inventory: Path) -> list[dict[str, Any]]:
    doc = json.loads(inventory.read_text())
    resources: list[dict[str, Any]] = doc["resources"] if isinstance(doc, dict) else doc
    return resources


def test_region_option_wins_over_the_profiles_region(
        moto_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    world.reset(moto_endpoint)
    credentials = profile_credentials(moto_endpoint)
    write_profile(tmp_path, monkeypatch, credentials)
    result = scan("--endpoint-url", moto_endpoint, "--profile", "audit", "--region", FAR)
    assert result.exit_code == 1, result.output
    assert failed(result.output, "GOV-AWS-044") == {
        f"arn:aws:ec2:{FAR}:{PROFILE_ACCOUNT}:ebs-encryption-by-default"}


def test_an_unknown_profile_is_a_one_line_error(
        moto_endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_profile(tmp_path, monkeypatch, {"aws_access_key_id": "testing",
                                          "aws_secret_access_key": "testing"})
    result = scan("--endpoint-url", moto_endpoint, "--profile", "nope")
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("govern: error: cannot open an AWS session:")
    assert "nope" in lines[0]
    assert result.stdout == ""
