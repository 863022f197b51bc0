"""`govern scan --aws --org ROLE --scheduler ADDRESS` against moto's server: each account
is read by a worker of a real Dask cluster on 127.0.0.1, which assumes the role itself;
the findings are the ones of the local run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli

pytest.importorskip("distributed")
pytest.importorskip("moto.server")

from tests.collect import narrow_regions
from tests.collect.conftest import ACCOUNT
from tests.collect.test_org import (
    member_client,
    open_ssh_group,
    organization,
    scan,
)
from tests.dask.cluster import Cluster, local_cluster

WORKER_APIS = Path(__file__).with_name("worker_apis.py")
_ALL = ("eu-west-1", "us-east-1")  # what DescribeRegions answers (narrow_regions.py)
_PARTS = {  # the tasks reading the two accounts: per account, its regions first if
    # they are not named, then its global part and each region
    "": ["regions_of"] * 2 + ["read_part"] * 4,
    "named": ["read_part"] * 6,
    "all": ["regions_of"] * 2 + ["read_part"] * 6,
}


@pytest.fixture
def cluster_with_credentials(tmp_path: Path, moto_endpoint: str) -> Iterator[Cluster]:
    """Workers whose own AWS credentials are moto's test ones (as a worker's instance
    profile would give them)."""
    env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-east-1", narrow_regions.ENV: ",".join(_ALL)}
    with local_cluster(tmp_path, env=env, preload=str(WORKER_APIS)) as running:
        yield running


# an account's global part and each of its regions are tasks of their own, added up
# into the account; with no region or `all`, a first task asks the account its regions
@pytest.mark.parametrize("regions", [[], ["--region", "us-east-1", "--region", "eu-west-1"],
                                     ["--region", "all"]], ids=["none", "named", "all"])
def test_the_org_through_dask_gives_the_local_findings(
        moto_endpoint: str, cluster_with_credentials: Cluster, regions: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import boto3
    from distributed import Client

    original_client = boto3.Session.client

    def narrowed(self: Any, *args: Any, **kwargs: Any) -> Any:  # as on the workers
        made = original_client(self, *args, **kwargs)
        narrow_regions.register(made, _ALL)
        return made

    monkeypatch.setattr(boto3.Session, "client", narrowed)

    submitted: list[str] = []
    real_submit = Client.submit

    def recording(self: Client, func: Any, *args: Any, **kwargs: Any) -> Any:
        submitted.append(getattr(func, "__name__", ""))
        return real_submit(self, func, *args, **kwargs)

    monkeypatch.setattr(Client, "submit", recording)
    member = organization(moto_endpoint)
    in_member = open_ssh_group(member_client(moto_endpoint, member, "ec2"), "member-ssh")
    in_management = open_ssh_group(member_client(moto_endpoint, ACCOUNT, "ec2"),
                                   "management-ssh")
    common = ["--aws", "--endpoint-url", moto_endpoint, "--org",
              "OrganizationAccountAccessRole", "--format", "json", *regions]
    local_code, local = scan(*common)
    on_dask = CliRunner().invoke(cli, ["scan", *common, "--scheduler",
                                       cluster_with_credentials.address, "--verbose"])
    dask_code, remote = on_dask.exit_code, on_dask.stdout
    assert (dask_code, local_code) == (1, 1), on_dask.output
    # each account read on the cluster is reported here as it comes back
    read = [line.split() for line in on_dask.stderr.splitlines()
            if line.startswith("govern: aws ") and " every region account: " in line]
    assert {words[2] for words in read} == {member, ACCOUNT}

    def findings(output: str) -> list[tuple[str, str, str]]:
        doc = json.loads(output)
        return sorted((f["rule_id"], f["resource"]["address"], f["status"])
                      for f in doc["findings"])

    reads = [name for name in submitted if name in ("read_part", "regions_of")]
    kind = "all" if "all" in regions else "named" if regions else ""
    assert sorted(reads) == sorted(_PARTS[kind])
    assert findings(remote) == findings(local)

    def notices(output: str) -> list[tuple[str, str]]:
        return [(n["level"], n["message"]) for n in json.loads(output)["notices"]]

    assert notices(remote) == notices(local)
    ssh = {a for rule, a, _ in findings(remote) if rule == "GOV-AWS-005"}
    assert f"arn:aws:ec2:us-east-1:{member}:security-group/{in_member}" in ssh
    assert f"arn:aws:ec2:us-east-1:{ACCOUNT}:security-group/{in_management}" in ssh
