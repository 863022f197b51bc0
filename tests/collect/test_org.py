"""`govern scan --aws --org ROLE`: the fan-out over an AWS Organization's accounts (with a
recording fake single-account collector) and one end-to-end run against moto."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.options import AwsOptions
from govern.collect.aws.org import collect_org
from govern.errors import ConfigError
from govern.model.finding import Notice
from govern.model.graph import ResourceGraph
from govern.model.resource import Resource
from tests.collect import world
from tests.collect.conftest import ACCOUNT, boto3, client

MANAGEMENT = "111111111111"
MEMBERS = ["222222222222", "333333333333", "444444444444", "555555555555",
           "666666666666", "777777777777"]


def resource(account: str) -> Resource:
    arn = f"arn:aws:ec2:us-east-1:{account}:security-group/sg-1"
    return Resource(id=arn, kind="aws.ec2.security_group", address=arn,
                    source_format="aws-live", native_type="AWS::EC2::SecurityGroup",
                    range=None, context=f"aws:{account}:us-east-1")


class FakeCollector:
    """Records the options of every call; fails for the accounts in `denied`."""

    def __init__(self, denied: frozenset[str] = frozenset(), delay: float = 0.0) -> None:
        self.denied = denied
        self.delay = delay
        self.calls: list[AwsOptions] = []
        self.running = 0
        self.peak = 0
        self.lock = threading.Lock()

    def __call__(self, options: AwsOptions) -> tuple[ResourceGraph, list[Notice]]:
        with self.lock:
            self.calls.append(options)
            self.running += 1
            self.peak = max(self.peak, self.running)
        try:
            time.sleep(self.delay)
            account = (options.role_arn or f"arn:aws:iam::{MANAGEMENT}:").split(":")[4]
            if options.role_arn and account in self.denied:
                raise ConfigError(f"cannot open an AWS session: AccessDenied {account}")
            graph = ResourceGraph()
            graph.add(resource(account))
            return graph, [Notice("warning", "access denied: DescribeVolumes")]
        finally:
            with self.lock:
                self.running -= 1


def accounts(_: AwsOptions) -> tuple[str, list[str]]:
    return MANAGEMENT, [MANAGEMENT, *MEMBERS]


def test_assumes_the_role_in_every_account_and_merges_them() -> None:
    fake = FakeCollector()
    graph, notices = collect_org(AwsOptions(org_role="Audit"), fake, accounts)
    assert sorted(o.role_arn or "" for o in fake.calls) == [
        f"arn:aws:iam::{a}:role/Audit" for a in [MANAGEMENT, *MEMBERS]]
    assert all(o.org_role is None for o in fake.calls)
    assert {r.context for r in graph} == {f"aws:{a}:us-east-1" for a in [MANAGEMENT, *MEMBERS]}
    assert f"account {MEMBERS[0]}: access denied: DescribeVolumes" in {n.message
                                                                       for n in notices}


@pytest.mark.parametrize(("allow_partial", "level"), [(False, "error"), (True, "warning")])
def test_an_account_that_cannot_be_read_is_an_error_and_the_others_go_on(
        allow_partial: bool, level: str) -> None:
    """Its resources are unknown: a scan error (exit 3) unless --allow-partial."""
    fake = FakeCollector(denied=frozenset({MEMBERS[1]}))
    graph, notices = collect_org(AwsOptions(org_role="Audit", allow_partial=allow_partial),
                                 fake, accounts)
    assert len(graph) == 1 + len(MEMBERS) - 1
    skipped = [n for n in notices if n.code == "aws-org-account"]
    assert [n.level for n in skipped] == [level]
    assert MEMBERS[1] in skipped[0].message and "AccessDenied" in skipped[0].message


def test_accounts_not_started_by_the_deadline_are_not_read() -> None:
    fake = FakeCollector()
    graph, notices = collect_org(AwsOptions(org_role="Audit", deadline=0.0), fake, accounts)
    assert len(graph) == 0
    assert {n.message for n in notices} == {
        f"account {a}: not read: the scan's deadline passed (--aws-timeout 1800)"
        for a in [MANAGEMENT, *MEMBERS]}
    assert {n.level for n in notices} == {"error"}


def test_the_management_account_falls_back_to_the_callers_credentials() -> None:
    fake = FakeCollector(denied=frozenset({MANAGEMENT, MEMBERS[0]}))
    graph, notices = collect_org(AwsOptions(org_role="Audit"), fake, accounts)
    assert f"aws:{MANAGEMENT}:us-east-1" in {r.context for r in graph}
    assert f"aws:{MEMBERS[0]}:us-east-1" not in {r.context for r in graph}
    assert [n.code for n in notices if n.code.startswith("aws-org")] == [
        "aws-org-fallback", "aws-org-account"]


def test_concurrency_is_bounded() -> None:
    fake = FakeCollector(delay=0.05)
    collect_org(AwsOptions(org_role="Audit", org_concurrency=2), fake, accounts)
    assert fake.peak == 2
    assert len(fake.calls) == 1 + len(MEMBERS)


def scan(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["scan", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("args", [["--org", "Audit"], ["--org-concurrency", "2"],
                                  ["--aws", "--org-concurrency", "2"],
                                  ["--aws", "--org", "A", "--role-arn", "arn:aws:iam::1:role/x"],
                                  ["--aws", "--org", "A", "--org-concurrency", "0"]])
def test_usage_errors(args: list[str]) -> None:
    assert scan(*args)[0] == 2


def organization(endpoint: str) -> str:
    """A fresh moto organization (managed by moto's default account) with one member."""
    world.reset(endpoint)
    org = client(endpoint, "organizations")
    org.create_organization(FeatureSet="ALL")
    member = org.create_account(AccountName="member", Email="member@example.com")
    return str(member["CreateAccountStatus"]["AccountId"])


def test_lists_the_accounts_and_assumes_the_role_in_moto(moto_endpoint: str) -> None:
    member = organization(moto_endpoint)
    seen: dict[str, str] = {}

    def assume(options: AwsOptions) -> tuple[ResourceGraph, list[Notice]]:
        """What the collector does first: assume the role, then sts:GetCallerIdentity."""
        sts = client(moto_endpoint, "sts")
        assert options.role_arn is not None
        credentials = sts.assume_role(RoleArn=options.role_arn,
                                      RoleSessionName="govern-scan")["Credentials"]
        who = boto3.client("sts", region_name="us-east-1", endpoint_url=moto_endpoint,
                           aws_access_key_id=credentials["AccessKeyId"],
                           aws_secret_access_key=credentials["SecretAccessKey"],
                           aws_session_token=credentials["SessionToken"]).get_caller_identity()
        seen[options.role_arn] = str(who["Account"])
        return ResourceGraph(), []

    _, notices = collect_org(AwsOptions(endpoint_url=moto_endpoint, org_role="Audit"), assume)
    assert seen == {f"arn:aws:iam::{a}:role/Audit": a for a in (ACCOUNT, member)}
    assert notices == []


def member_client(endpoint: str, account: str, service: str) -> Any:
    """A client acting in `account` (moto keeps each account's state apart by the
    credentials an assumed role gives)."""
    credentials = client(endpoint, "sts").assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
        RoleSessionName="setup")["Credentials"]
    return boto3.client(service, region_name="us-east-1", endpoint_url=endpoint,
                        aws_access_key_id=credentials["AccessKeyId"],
                        aws_secret_access_key=credentials["SecretAccessKey"],
                        aws_session_token=credentials["SessionToken"])


def open_ssh_group(ec2: Any, name: str) -> str:
    group = ec2.create_security_group(
        GroupName=name, Description="ssh open")["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=group, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                                       "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    return str(group)


def test_end_to_end_against_moto(moto_endpoint: str) -> None:
    """A group open to SSH in the member account and another in the management account:
    each is reported with its own account's ARN, read through the role in that account."""
    member = organization(moto_endpoint)
    in_member = open_ssh_group(member_client(moto_endpoint, member, "ec2"), "member-ssh")
    in_management = open_ssh_group(client(moto_endpoint, "ec2"), "management-ssh")
    code, output = scan("--aws", "--endpoint-url", moto_endpoint, "--org",
                        "OrganizationAccountAccessRole", "--org-concurrency", "2",
                        "--format", "json")
    assert code == 1, output
    doc = json.loads(output)
    ssh = {f["resource"]["address"] for f in doc["findings"] if f["rule_id"] == "GOV-AWS-005"}
    assert f"arn:aws:ec2:us-east-1:{member}:security-group/{in_member}" in ssh
    assert f"arn:aws:ec2:us-east-1:{ACCOUNT}:security-group/{in_management}" in ssh
    assert not any(in_member in a and ACCOUNT in a for a in ssh)
