"""DynamoDB tables, EFS file systems, ElastiCache replication groups, Redshift clusters,
Neptune and DocumentDB clusters, DMS replication instances, Backup vaults and OpenSearch
domains read from moto, with the rules they fire."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import on_every_client, refusal

TAGS = world.TAGS
TAG_MAP = {t["Key"]: t["Value"] for t in TAGS}
AWS_MANAGED = "an AWS managed key (the test marks it so)"
KEY_SCHEMA = {"AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
              "BillingMode": "PAY_PER_REQUEST"}
DOCDB_GOOD = f"arn:aws:rds:{REGION}:{ACCOUNT}:cluster:catalog"
DOCDB_BAD = f"arn:aws:rds:{REGION}:{ACCOUNT}:cluster:catalog-plain"
DOCDB_INSTANCE = f"arn:aws:rds:{REGION}:{ACCOUNT}:db:catalog-1"
# the OpenSearch rules test_opensearch_domains.py judges: both domains here fail them
OPENSEARCH_SETTINGS = ("GOV-AWS-212", "GOV-AWS-213", "GOV-AWS-214", "GOV-AWS-215",
                       "GOV-AWS-216", "GOV-AWS-217")


def _tables(endpoint: str, key: str, managed_key: str) -> dict[str, str]:
    dynamodb = client(endpoint, "dynamodb")

    def table(name: str, **extra: Any) -> str:
        made = dynamodb.create_table(TableName=name, **KEY_SCHEMA, **extra)
        return str(made["TableDescription"]["TableArn"])

    return {"cmk_table": table("orders", Tags=TAGS, SSESpecification={
                "Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": key}),
            "owned_table": table("orders-plain"),
            "managed_table": table("orders-managed", Tags=TAGS, SSESpecification={
                "Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": managed_key})}


def _file_systems(endpoint: str) -> dict[str, str]:
    efs = client(endpoint, "efs")
    sealed = efs.create_file_system(CreationToken="sealed", Encrypted=True, Tags=TAGS)
    plain = efs.create_file_system(CreationToken="plain")
    return {"sealed_fs": sealed["FileSystemArn"], "plain_fs": plain["FileSystemArn"]}


def _replication_groups(endpoint: str, key: str) -> dict[str, str]:
    elasticache = client(endpoint, "elasticache")

    def group(name: str, encrypted: bool, **extra: Any) -> str:
        made = elasticache.create_replication_group(
            ReplicationGroupId=name, ReplicationGroupDescription="sessions", Engine="redis",
            CacheNodeType="cache.t3.micro", AtRestEncryptionEnabled=encrypted,
            TransitEncryptionEnabled=encrypted, **extra)
        return str(made["ReplicationGroup"]["ARN"])

    return {"sealed_cache": group("sessions", True, Tags=TAGS, KmsKeyId=key),
            "plain_cache": group("sessions-plain", False)}


def _warehouses(endpoint: str) -> dict[str, str]:
    redshift = client(endpoint, "redshift")

    def cluster(name: str, private: bool, **extra: Any) -> str:
        redshift.create_cluster(ClusterIdentifier=name, NodeType="ra3.xlplus",
                                MasterUsername="admin_user", MasterUserPassword="Password1",
                                Encrypted=private, PubliclyAccessible=not private, **extra)
        return f"arn:aws:redshift:{REGION}:{ACCOUNT}:cluster:{name}"

    return {"private_warehouse": cluster("warehouse", True, Tags=TAGS),
            "public_warehouse": cluster("warehouse-public", False)}


def _graphs(endpoint: str, key: str) -> dict[str, str]:
    rds = client(endpoint, "rds")

    def cluster(name: str, encrypted: bool, tags: list[dict[str, str]]) -> str:
        # the encrypted one also exports its audit log; moto refuses IAM authentication
        # for Neptune (test_database_access_and_logs.py reads it from a changed answer)
        made = rds.create_db_cluster(DBClusterIdentifier=name, Engine="neptune",
                                     StorageEncrypted=encrypted, Tags=tags,
                                     EnableCloudwatchLogsExports=["audit"] if encrypted
                                     else [], **({"KmsKeyId": key} if encrypted else {}))
        return str(made["DBCluster"]["DBClusterArn"])

    made = {"sealed_graph": cluster("graph", True, TAGS),
            "plain_graph": cluster("graph-plain", False, [])}
    instance = rds.create_db_instance(DBInstanceIdentifier="graph-1", Engine="neptune",
                                      DBInstanceClass="db.r5.large",
                                      DBClusterIdentifier="graph")
    made["graph_instance"] = instance["DBInstance"]["DBInstanceArn"]
    return made


def _migrations(endpoint: str) -> dict[str, str]:
    dms = client(endpoint, "dms")

    def instance(name: str, **extra: Any) -> str:
        made = dms.create_replication_instance(ReplicationInstanceIdentifier=name,
                                               ReplicationInstanceClass="dms.t3.medium",
                                               **extra)
        return str(made["ReplicationInstance"]["ReplicationInstanceArn"])

    return {"private_migration": instance("migration", PubliclyAccessible=False, Tags=TAGS),
            "public_migration": instance("migration-public")}  # the API's default: public


def _vaults(endpoint: str, key: str, managed_key: str) -> dict[str, str]:
    backup = client(endpoint, "backup")

    def vault(name: str, **extra: Any) -> str:
        return str(backup.create_backup_vault(BackupVaultName=name, **extra)["BackupVaultArn"])

    return {"cmk_vault": vault("backups", EncryptionKeyArn=key, BackupVaultTags=TAG_MAP),
            "default_vault": vault("backups-default"),
            "managed_vault": vault("backups-managed", EncryptionKeyArn=managed_key,
                                   BackupVaultTags=TAG_MAP)}


def _domains(endpoint: str) -> dict[str, str]:
    opensearch = client(endpoint, "opensearch")
    sealed = opensearch.create_domain(
        DomainName="search", EngineVersion="OpenSearch_2.13", TagList=TAGS,
        EncryptionAtRestOptions={"Enabled": True},
        NodeToNodeEncryptionOptions={"Enabled": True})["DomainStatus"]
    plain = opensearch.create_domain(DomainName="search-plain",
                                     EngineVersion="Elasticsearch_7.10")["DomainStatus"]
    return {"sealed_domain": sealed["ARN"], "plain_domain": plain["ARN"]}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    kms = client(moto_endpoint, "kms")
    key = kms.create_key(Description="orders")["KeyMetadata"]["Arn"]
    managed = kms.create_key(Description=AWS_MANAGED)["KeyMetadata"]["Arn"]
    return {**_tables(moto_endpoint, key, managed), **_file_systems(moto_endpoint),
            **_replication_groups(moto_endpoint, key), **_warehouses(moto_endpoint),
            **_graphs(moto_endpoint, key), **_migrations(moto_endpoint),
            **_vaults(moto_endpoint, key, managed), **_domains(moto_endpoint),
            "managed_key": managed}


_deny = refusal()


def _mark_aws_managed(parsed: dict[str, Any], **_: Any) -> None:
    """moto has no AWS managed keys: the test's stand-in is reported as AWS's."""
    meta = parsed.get("KeyMetadata", {})
    if meta.get("Description") == AWS_MANAGED:
        meta["KeyManager"] = "AWS"


def _docdb(name: str, encrypted: bool, tags: list[dict[str, str]]) -> dict[str, Any]:
    cluster: dict[str, Any] = {
        "DBClusterIdentifier": name, "Engine": "docdb", "StorageEncrypted": encrypted,
        "DBClusterArn": f"arn:aws:rds:{REGION}:{ACCOUNT}:cluster:{name}", "TagList": tags,
        "BackupRetentionPeriod": 7 if encrypted else 1}
    if encrypted:  # and exporting its audit log, and keeping a week of backups
        cluster["KmsKeyId"] = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/docdb"
        cluster["EnabledCloudwatchLogsExports"] = ["audit", "profiler"]
    return cluster


def _add_docdb_clusters(parsed: dict[str, Any], **_: Any) -> None:
    """moto's RDS refuses the `docdb` engine: its clusters are added to the answer."""
    parsed.setdefault("DBClusters", []).extend([_docdb("catalog", True, TAGS),
                                                _docdb("catalog-plain", False, [])])


def _add_docdb_instance(parsed: dict[str, Any], **_: Any) -> None:
    parsed.setdefault("DBInstances", []).append({
        "DBInstanceIdentifier": "catalog-1", "Engine": "docdb", "DBInstanceArn": DOCDB_INSTANCE,
        "StorageEncrypted": False, "PubliclyAccessible": True, "TagList": []})


def scan(endpoint: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--region", REGION, "--format", "json",
                                      "--allow-partial"])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code == 1, result.output
    findings: list[dict[str, Any]] = json.loads(result.output)["findings"]
    return findings


def statuses(findings: list[dict[str, Any]], arns: set[str]) -> set[tuple[str, str, str]]:
    return {(f["rule_id"], f["status"], f["resource"]["address"]) for f in findings
            if f["resource"]["address"] in arns}


def read(endpoint: str) -> tuple[dict[str, Resource], list[Any]]:
    graph, notices = collect(AwsOptions(regions=(REGION,), endpoint_url=endpoint))
    return {r.id: r for r in graph}, notices


def test_each_kind_fires_exactly_its_rules(moto_endpoint: str,
                                           made: dict[str, str]) -> None:
    ours = {arn for role, arn in made.items() if not role.startswith("managed")}
    found = statuses(scan(moto_endpoint), ours)
    assert found == {
        ("GOV-AWS-023", "fail", made["owned_table"]),
        ("GOV-AWS-015", "fail", made["owned_table"]),
        ("GOV-AWS-024", "fail", made["plain_fs"]), ("GOV-AWS-015", "fail", made["plain_fs"]),
        ("GOV-AWS-025", "fail", made["plain_cache"]),
        ("GOV-AWS-026", "fail", made["plain_cache"]),
        ("GOV-AWS-187", "fail", made["plain_cache"]),
        ("GOV-AWS-015", "fail", made["plain_cache"]),
        ("GOV-AWS-027", "fail", made["public_warehouse"]),
        ("GOV-AWS-031", "fail", made["public_warehouse"]),
        ("GOV-AWS-015", "fail", made["public_warehouse"]),
        ("GOV-AWS-037", "fail", made["plain_graph"]),
        ("GOV-AWS-015", "fail", made["plain_graph"]),
        ("GOV-AWS-177", "fail", made["plain_graph"]),
        ("GOV-AWS-177", "fail", made["sealed_graph"]),
        ("GOV-AWS-180", "fail", made["plain_graph"]),
        ("GOV-AWS-186", "fail", made["plain_graph"]),
        ("GOV-AWS-033", "fail", made["public_migration"]),
        ("GOV-AWS-015", "fail", made["public_migration"]),
        ("GOV-AWS-039", "fail", made["default_vault"]),
        ("GOV-AWS-015", "fail", made["default_vault"]),
        ("GOV-AWS-041", "fail", made["plain_domain"]),
        ("GOV-AWS-042", "fail", made["plain_domain"]),
        ("GOV-AWS-015", "fail", made["plain_domain"]),
        # HTTPS, TLS policy, key, audit and error logs, fine-grained access control
        *{(rule, "fail", made[domain]) for rule in OPENSEARCH_SETTINGS
          for domain in ("plain_domain", "sealed_domain")},
        # encrypted with AWS managed keys, not customer managed ones
        *{(rule, "fail", made[role]) for rule, role in (
            ("GOV-AWS-111", "private_warehouse"), ("GOV-AWS-111", "public_warehouse"),
            ("GOV-AWS-112", "sealed_fs"), ("GOV-AWS-112", "plain_fs"),
            ("GOV-AWS-113", "private_migration"), ("GOV-AWS-113", "public_migration"))},
        # no point-in-time recovery, automatic backups, or deletion protection: the APIs'
        # defaults
        *{(rule, "fail", made[role]) for rule, role in (
            ("GOV-AWS-188", "cmk_table"), ("GOV-AWS-188", "owned_table"),
            ("GOV-AWS-194", "sealed_cache"), ("GOV-AWS-194", "plain_cache"),
            ("GOV-AWS-197", "sealed_graph"), ("GOV-AWS-197", "plain_graph"),
            ("GOV-AWS-198", "sealed_graph"), ("GOV-AWS-198", "plain_graph"))},
        # none made in a VPC or with dedicated master nodes, automatic failover, enhanced
        # VPC routing or audit logging
        *{(rule, "fail", made[role]) for rule, roles in (
            ("GOV-AWS-240", ("plain_domain", "sealed_domain")),
            ("GOV-AWS-241", ("plain_domain", "sealed_domain")),
            ("GOV-AWS-238", ("plain_cache", "sealed_cache")),
            ("GOV-AWS-237", ("private_warehouse", "public_warehouse")),
            ("GOV-AWS-243", ("private_warehouse", "public_warehouse")),
            # tags not copied to snapshots, the API's default
            ("GOV-AWS-228", ("sealed_graph", "plain_graph"))) for role in roles}}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources, notices = read(moto_endpoint)
    table = resources[made["cmk_table"]]
    assert (table.kind, table.native_type, table.context) == (
        "aws.dynamodb.table", "AWS::DynamoDB::Table", f"aws:{ACCOUNT}:{REGION}")
    assert table.attributes["server_side_encryption"]["enabled"] is True
    assert table.attributes["tags"] == TAG_MAP
    assert resources[made["owned_table"]].attributes == {
        "name": "orders-plain", "server_side_encryption": {"enabled": False},
        "point_in_time_recovery": False, "tags": {}}
    assert resources[made["plain_cache"]].attributes == {
        "name": "sessions-plain", "engine": "redis", "at_rest_encryption_enabled": False,
        "transit_encryption_enabled": False, "node_type": "cache.t3.micro",
        "snapshot_retention_limit": 0, "automatic_failover_enabled": False, "tags": {}}
    assert resources[made["sealed_graph"]].kind == "aws.neptune.cluster"
    assert resources[made["sealed_graph"]].native_type == "AWS::Neptune::DBCluster"
    assert made["graph_instance"] not in resources  # no canonical kind for it
    assert resources[made["plain_domain"]].native_type == "AWS::Elasticsearch::Domain"
    assert resources[made["sealed_domain"]].attributes == {
        "name": "search", "encrypt_at_rest": True, "node_to_node_encryption": True,
        "enforce_https": False, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07",
        "fine_grained_access_control": False, "in_vpc": False,
        "dedicated_master_enabled": False, "tags": TAG_MAP}
    assert resources[made["public_migration"]].attributes == {
        "name": "migration-public", "publicly_accessible": True,
        "auto_minor_version_upgrade": True, "tags": {}}
    assert [n for n in notices if n.level == "warning"] == []


def test_an_aws_managed_key_is_the_omitted_key(moto_endpoint: str, made: dict[str, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {"after-call.kms.DescribeKey": _mark_aws_managed})
    table, vault = made["managed_table"], made["managed_vault"]
    resources, _ = read(moto_endpoint)
    assert resources[table].attributes["server_side_encryption"] == {"enabled": True}
    assert "kms_key" not in resources[vault].attributes
    assert statuses(scan(moto_endpoint), {table, vault}) == {
        ("GOV-AWS-023", "fail", table), ("GOV-AWS-039", "fail", vault),
        ("GOV-AWS-188", "fail", table)}


def test_docdb_clusters_come_from_the_rds_listing(moto_endpoint: str, made: dict[str, str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {"after-call.rds.DescribeDBClusters": _add_docdb_clusters,
                                   "after-call.rds.DescribeDBInstances": _add_docdb_instance})
    resources, _ = read(moto_endpoint)
    good = resources[DOCDB_GOOD]
    assert (good.kind, good.native_type) == ("aws.docdb.cluster", "AWS::DocDB::DBCluster")
    assert good.attributes == {"name": "catalog", "storage_encrypted": True,
                               "kms_key": f"arn:aws:kms:{REGION}:{ACCOUNT}:key/docdb",
                               "log_exports": ["audit", "profiler"],
                               "backup_retention_period": 7, "tags": TAG_MAP}
    assert DOCDB_INSTANCE not in resources
    assert [r.id for r in resources.values() if r.kind == "aws.rds.cluster"] == []
    assert statuses(scan(moto_endpoint), {DOCDB_GOOD, DOCDB_BAD, DOCDB_INSTANCE}) == {
        ("GOV-AWS-030", "fail", DOCDB_BAD), ("GOV-AWS-015", "fail", DOCDB_BAD),
        ("GOV-AWS-179", "fail", DOCDB_BAD), ("GOV-AWS-185", "fail", DOCDB_BAD),
        # one day of automated backups, the API's default
        ("GOV-AWS-196", "fail", DOCDB_BAD)}


def test_access_denied_makes_values_unknown(moto_endpoint: str, made: dict[str, str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {
        "before-call.dynamodb.DescribeTable": _deny,
        "before-call.elasticache.ListTagsForResource": _deny,
        "before-call.opensearch.DescribeDomains": _deny,
        "before-call.backup.ListTags": _deny,
        "before-call.database-migration-service.DescribeReplicationInstances": _deny})
    resources, notices = read(moto_endpoint)
    described = Unknown("access denied: DescribeTable")
    maybe = Unknown(described.reason, alternatives=(described, None))  # a key or absent
    assert resources[made["owned_table"]].attributes == {
        "name": "orders-plain", "tags": {}, "point_in_time_recovery": False,
        "server_side_encryption": {"enabled": described, "kms_key": maybe}}
    assert resources[made["sealed_cache"]].attributes["tags"] == Unknown(
        "access denied: ListTagsForResource")
    assert resources[made["cmk_vault"]].attributes["tags"] == Unknown(
        "access denied: ListTags")
    domain = resources[made["plain_domain"]].attributes
    assert domain["encrypt_at_rest"] == domain["node_to_node_encryption"] == Unknown(
        "access denied: DescribeDomains")
    assert made["public_migration"] not in resources
    hints = {n.hint for n in notices if n.level == "warning"}
    assert {f"grant {action} to the scanning role (docs/live-aws.md)" for action in (
        "dynamodb:DescribeTable", "elasticache:ListTagsForResource", "es:DescribeDomains",
        "backup:ListTags", "dms:DescribeReplicationInstances")} <= hints
    found = statuses(scan(moto_endpoint), {made["owned_table"], made["cmk_table"],
                                           made["sealed_cache"], made["sealed_domain"]})
    assert found == {("GOV-AWS-023", "unknown", made["owned_table"]),
                     ("GOV-AWS-023", "unknown", made["cmk_table"]),
                     ("GOV-AWS-015", "fail", made["owned_table"]),
                     ("GOV-AWS-015", "unknown", made["sealed_cache"]),
                     ("GOV-AWS-041", "unknown", made["sealed_domain"]),
                     ("GOV-AWS-042", "unknown", made["sealed_domain"]),
                     *{(rule, "unknown", made["sealed_domain"])
                       for rule in (*OPENSEARCH_SETTINGS, "GOV-AWS-240", "GOV-AWS-241")},
                     # read by calls that were not denied: no point-in-time recovery, no
                     # automatic backups, no automatic failover
                     ("GOV-AWS-188", "fail", made["owned_table"]),
                     ("GOV-AWS-188", "fail", made["cmk_table"]),
                     ("GOV-AWS-194", "fail", made["sealed_cache"]),
                     ("GOV-AWS-238", "fail", made["sealed_cache"])}


def test_an_unreadable_key_manager_leaves_the_key_maybe_absent(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """DescribeKey denied: the key may be customer managed (named) or AWS managed (the
    omitted key), so `kms_key` is not a plain Unknown, which `op: exists` would pass."""
    on_every_client(monkeypatch, {"before-call.kms.DescribeKey": _deny})
    resources, _ = read(moto_endpoint)
    denied = Unknown("access denied: DescribeKey")
    maybe = Unknown(denied.reason, alternatives=(denied, None))
    assert resources[made["cmk_table"]].attributes["server_side_encryption"] == {
        "enabled": True, "kms_key": maybe}
    assert resources[made["cmk_vault"]].attributes["kms_key"] == maybe
    found = statuses(scan(moto_endpoint), {made["cmk_table"]})
    assert found == {("GOV-AWS-023", "unknown", made["cmk_table"]),
                     ("GOV-AWS-188", "fail", made["cmk_table"])}


def test_customer_keys_says_unknown_whether_an_unreadable_key_is_set() -> None:
    from botocore.exceptions import ClientError

    from govern.collect.aws.kms_keys import CustomerKeys
    from govern.collect.aws.reader import Reader

    class DeniedKms:
        def describe_key(self, **_: Any) -> Any:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "no"}},
                              "DescribeKey")

    key = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/unreadable"
    denied = Unknown("access denied: DescribeKey")
    keys = CustomerKeys(DeniedKms(), Reader(), ACCOUNT)
    assert keys.customer_key(key) == Unknown(denied.reason, alternatives=(denied, None))
    assert keys.customer_key(f"arn:aws:kms:{REGION}:210987654321:key/other") == \
        f"arn:aws:kms:{REGION}:210987654321:key/other"  # another account's: customer's
