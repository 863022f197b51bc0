"""Redshift clusters, ElastiCache replication groups, DAX clusters, OpenSearch domains and
MSK clusters read from moto for GOV-AWS-235 (Redshift version upgrades), GOV-AWS-236
(Redshift automated snapshots), GOV-AWS-237 (Redshift enhanced VPC routing), GOV-AWS-238
(ElastiCache automatic failover), GOV-AWS-239 (DAX endpoint TLS), GOV-AWS-240 (OpenSearch
domain in a VPC), GOV-AWS-241 (OpenSearch dedicated master nodes), GOV-AWS-242 (MSK
public access) and GOV-AWS-243 (Redshift audit logging, DescribeLoggingStatus: unknown
when the call fails)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls, on_every_client
from tests.collect.live_scan import read, scan, statuses

RULES = {"GOV-AWS-235", "GOV-AWS-236", "GOV-AWS-237", "GOV-AWS-238", "GOV-AWS-239",
         "GOV-AWS-240", "GOV-AWS-241", "GOV-AWS-242", "GOV-AWS-243"}
SUBNETS = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]


def _warehouses(redshift: Any) -> dict[str, str]:
    def cluster(name: str, **extra: Any) -> str:
        redshift.create_cluster(ClusterIdentifier=name, NodeType="dc2.large",
                                MasterUsername="admin_user", MasterUserPassword="Password1",
                                Encrypted=True, **extra)
        return f"arn:aws:redshift:{REGION}:{ACCOUNT}:cluster:{name}"

    made = {"default_warehouse": cluster("warehouse"),
            "pinned_warehouse": cluster("warehouse-pinned", AllowVersionUpgrade=False,
                                        EnhancedVpcRouting=True),
            "routed_warehouse": cluster("warehouse-routed", EnhancedVpcRouting=True,
                                        AutomatedSnapshotRetentionPeriod=7)}
    for name in ("warehouse-pinned", "warehouse-routed"):
        redshift.enable_logging(ClusterIdentifier=name, LogDestinationType="cloudwatch",
                                LogExports=["connectionlog", "userlog"])
    return made


def _no_snapshots(parsed: dict[str, Any], **_: Any) -> None:
    """moto takes a retention period of 0 for its default of 1: the answer says 0 for the
    pinned warehouse, as AWS would."""
    for cluster in parsed.get("Clusters", []):
        if cluster.get("ClusterIdentifier") == "warehouse-pinned":
            cluster["AutomatedSnapshotRetentionPeriod"] = 0


def _groups(elasticache: Any) -> dict[str, str]:
    def group(name: str, **extra: Any) -> str:
        made = elasticache.create_replication_group(
            ReplicationGroupId=name, ReplicationGroupDescription="sessions", Engine="redis",
            CacheNodeType="cache.t3.micro", NumCacheClusters=2, **extra)
        return str(made["ReplicationGroup"]["ARN"])

    return {"failover_group": group("sessions", AutomaticFailoverEnabled=True),
            "manual_group": group("sessions-manual")}


def _dax(dax: Any) -> dict[str, str]:
    def cluster(name: str, **extra: Any) -> str:
        made = dax.create_cluster(ClusterName=name, NodeType="dax.t3.small",
                                  ReplicationFactor=1,
                                  IamRoleArn=f"arn:aws:iam::{ACCOUNT}:role/dax",
                                  SSESpecification={"Enabled": True}, **extra)
        return str(made["Cluster"]["ClusterArn"])

    return {"tls_dax": cluster("orders", ClusterEndpointEncryptionType="TLS"),
            "plain_dax": cluster("orders-plain")}


def _domains(opensearch: Any) -> dict[str, str]:
    inside = opensearch.create_domain(
        DomainName="search", EngineVersion="OpenSearch_2.13",
        VPCOptions={"SubnetIds": SUBNETS[:1]},
        ClusterConfig={"InstanceType": "r6g.large.search", "InstanceCount": 2,
                       "DedicatedMasterEnabled": True, "DedicatedMasterCount": 3,
                       "DedicatedMasterType": "m6g.large.search"})["DomainStatus"]
    public = opensearch.create_domain(DomainName="search-public",
                                      EngineVersion="Elasticsearch_7.10")["DomainStatus"]
    return {"vpc_domain": inside["ARN"], "public_domain": public["ARN"]}


def _streams(kafka: Any) -> dict[str, str]:
    def cluster(name: str, access: str | None) -> str:
        info: dict[str, Any] = {"InstanceType": "kafka.m5.large", "ClientSubnets": SUBNETS}
        if access:
            info["ConnectivityInfo"] = {"PublicAccess": {"Type": access}}
        return str(kafka.create_cluster(ClusterName=name, KafkaVersion="3.6.0",
                                        NumberOfBrokerNodes=2,
                                        BrokerNodeGroupInfo=info)["ClusterArn"])

    return {"default_stream": cluster("events", None),
            "private_stream": cluster("events-private", "DISABLED"),
            "public_stream": cluster("events-public", "SERVICE_PROVIDED_EIPS")}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    return {**_warehouses(client(moto_endpoint, "redshift")),
            **_groups(client(moto_endpoint, "elasticache")),
            **_dax(client(moto_endpoint, "dax")),
            **_domains(client(moto_endpoint, "opensearch")),
            **_streams(client(moto_endpoint, "kafka"))}


@pytest.fixture()
def snapshots_off(monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {"after-call.redshift.DescribeClusters": _no_snapshots})


def test_each_resource_fails_exactly_its_rules(moto_endpoint: str, made: dict[str, str],
                                               snapshots_off: None) -> None:
    assert {s for s in statuses(scan(moto_endpoint), made) if s[0] in RULES} == {
        ("GOV-AWS-235", "pinned_warehouse", "fail"),
        ("GOV-AWS-236", "pinned_warehouse", "fail"),
        ("GOV-AWS-237", "default_warehouse", "fail"),
        ("GOV-AWS-238", "manual_group", "fail"),
        ("GOV-AWS-239", "plain_dax", "fail"),
        ("GOV-AWS-240", "public_domain", "fail"),
        ("GOV-AWS-241", "public_domain", "fail"),
        ("GOV-AWS-242", "public_stream", "fail"),
        ("GOV-AWS-243", "default_warehouse", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str],
                          snapshots_off: None) -> None:
    found = read(moto_endpoint)

    def values(role: str, *names: str) -> tuple[Any, ...]:
        return tuple(found[made[role]].get(name) for name in names)

    upkeep = ("allow_version_upgrade", "automated_snapshot_retention_period",
              "enhanced_vpc_routing")
    assert values("default_warehouse", *upkeep, "audit_logging") == (True, 1, False, False)
    assert values("pinned_warehouse", *upkeep, "audit_logging") == (False, 0, True, True)
    assert values("routed_warehouse", *upkeep, "audit_logging") == (True, 7, True, True)
    assert values("failover_group", "automatic_failover_enabled") == (True,)
    assert values("manual_group", "automatic_failover_enabled") == (False,)
    assert values("tls_dax", "endpoint_encryption") == ("TLS",)
    assert values("plain_dax", "endpoint_encryption") == ("NONE",)
    domain = ("in_vpc", "dedicated_master_enabled")
    assert values("vpc_domain", *domain) == (True, True)
    assert values("public_domain", *domain) == (False, False)
    assert [found[made[role]].get("public_access") for role in (
        "default_stream", "private_stream", "public_stream")] == [
        "DISABLED", "DISABLED", "SERVICE_PROVIDED_EIPS"]


def test_audit_logging_that_cannot_be_read_is_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "redshift.DescribeLoggingStatus")
    warehouse = read(moto_endpoint)[made["routed_warehouse"]]
    assert warehouse.get("audit_logging") == Unknown("access denied: DescribeLoggingStatus")
    assert ("GOV-AWS-243", "routed_warehouse", "unknown") in statuses(scan(moto_endpoint),
                                                                       made)
