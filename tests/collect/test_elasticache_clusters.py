"""ElastiCache cache clusters read from moto (govern/collect/aws/caches.py) as
`aws.elasticache.cluster`, and the rules the kind was added to: GOV-AWS-026 (no encryption
in transit) and GOV-AWS-015 (tags). A member of a replication group is judged on the
group, not read as a cluster."""

from __future__ import annotations

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

TAGS = world.TAGS
NODE = {"CacheNodeType": "cache.t3.micro", "NumCacheNodes": 1}


def arn(name: str) -> str:
    return f"arn:aws:elasticache:{REGION}:{ACCOUNT}:cluster:{name}"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    elasticache = client(moto_endpoint, "elasticache")
    elasticache.create_cache_cluster(CacheClusterId="sessions", Engine="memcached",
                                     Tags=TAGS, **NODE)  # TLS not asked for: off
    elasticache.create_cache_cluster(CacheClusterId="tokens", Engine="redis",
                                     TransitEncryptionEnabled=True, Tags=TAGS, **NODE)
    elasticache.create_cache_cluster(CacheClusterId="scratch", Engine="redis",
                                     TransitEncryptionEnabled=True, **NODE)
    group = elasticache.create_replication_group(
        ReplicationGroupId="group", ReplicationGroupDescription="group", Engine="redis",
        CacheNodeType="cache.t3.micro", TransitEncryptionEnabled=True,
        AtRestEncryptionEnabled=True, Tags=TAGS,
        KmsKeyId=f"arn:aws:kms:{REGION}:{ACCOUNT}:key/sessions")  # a customer managed key
    elasticache.create_cache_cluster(CacheClusterId="group-member", Engine="redis",
                                     ReplicationGroupId="group", **NODE)
    return {"plain_memcached": arn("sessions"), "tls_redis": arn("tokens"),
            "untagged_redis": arn("scratch"), "member": arn("group-member"),
            "group": str(group["ReplicationGroup"]["ARN"])}


def test_each_cluster_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                        made: dict[str, str]) -> None:
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-026", "plain_memcached", "fail"),
        ("GOV-AWS-015", "untagged_redis", "fail"),
        # no automatic backups (SnapshotRetentionLimit 0, the API's default); Memcached
        # has none to take
        ("GOV-AWS-194", "untagged_redis", "fail"), ("GOV-AWS-194", "tls_redis", "fail"),
        ("GOV-AWS-194", "group", "fail"),
        ("GOV-AWS-238", "group", "fail")}  # created without automatic failover


def test_canonical_values_and_members_left_out(moto_endpoint: str,
                                               made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    plain = resources[made["plain_memcached"]]
    assert (plain.kind, plain.native_type, plain.context) == (
        "aws.elasticache.cluster", "AWS::ElastiCache::CacheCluster", f"aws:{ACCOUNT}:{REGION}")
    assert plain.attributes == {"name": "sessions", "engine": "memcached",
                                "transit_encryption_enabled": False,
                                "node_type": "cache.t3.micro", "snapshot_retention_limit": 0,
                                "tags": {t["Key"]: t["Value"] for t in TAGS}}
    assert resources[made["untagged_redis"]].attributes == {
        "name": "scratch", "engine": "redis", "transit_encryption_enabled": True,
        "node_type": "cache.t3.micro", "snapshot_retention_limit": 0, "tags": {}}
    assert made["member"] not in resources  # judged on its group
    assert resources[made["group"]].kind == "aws.elasticache.replication_group"


def test_tags_that_cannot_be_listed_are_unknown_not_a_pass(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "elasticache.ListTagsForResource")
    tokens = read(moto_endpoint)[made["tls_redis"]]
    assert tokens.attributes["tags"] == Unknown("access denied: ListTagsForResource")
    assert ("GOV-AWS-015", "tls_redis", "unknown") in statuses(scan(moto_endpoint), made)
