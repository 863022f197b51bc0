"""Aurora cluster member instances read live: DescribeDBInstances lists them as DB
instances, and their `StorageEncrypted` is their cluster's, so GOV-AWS-009 judges a
member on its cluster's encryption (the Terraform `aws_rds_cluster_instance` mapping does
the same through its cluster)."""

from __future__ import annotations

import pytest

from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from tests.collect import world
from tests.collect.conftest import REGION, client


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    rds = client(moto_endpoint, "rds")
    arns = {}
    for name, encrypted in (("sealed", True), ("plain", False)):
        rds.create_db_cluster(DBClusterIdentifier=name, Engine="aurora-postgresql",
                              MasterUsername="admin", MasterUserPassword="password1",
                              StorageEncrypted=encrypted, Tags=world.TAGS)
        member = rds.create_db_instance(
            DBInstanceIdentifier=f"{name}-member", DBClusterIdentifier=name,
            Engine="aurora-postgresql", DBInstanceClass="db.r6g.large",
            Tags=world.TAGS)["DBInstance"]
        arns[name] = member["DBInstanceArn"]
    return arns


def test_a_member_instance_has_its_clusters_storage_encryption(
        moto_endpoint: str, made: dict[str, str]) -> None:
    graph, _ = collect(AwsOptions(regions=(REGION,), endpoint_url=moto_endpoint))
    resources = {r.id: r for r in graph}
    sealed, plain = resources[made["sealed"]], resources[made["plain"]]
    assert sealed.kind == plain.kind == "aws.rds.instance"
    assert (sealed.get("storage_encrypted"), plain.get("storage_encrypted")) == (True, False)
    assert (sealed.get("publicly_accessible"), sealed.get("name")) == (False, "sealed-member")
