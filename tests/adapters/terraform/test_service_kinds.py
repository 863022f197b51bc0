"""Table-driven AWS service kinds: CloudTrail, CloudWatch Logs, SQS, SNS, Kinesis,
DynamoDB, EFS, ElastiCache, Redshift, EKS, DocumentDB, DMS (defaults and Unknowns)."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native


def adapt_one(address: str, attributes: dict[str, Any], **kwargs: Any) -> Resource:
    [resource] = adapt_terraform([native(address, attributes, **kwargs)]).resources
    return resource


def test_cloudtrail_defaults_and_key_location() -> None:
    trail = adapt_one("aws_cloudtrail.t", {"name": "t", "kms_key_id": "arn:k"},
                      locations={"kms_key_id": 5})
    assert trail.kind == "aws.cloudtrail.trail"
    assert trail.attributes == {"name": "t", "kms_key": "arn:k",
                                "is_multi_region_trail": False,
                                "log_file_validation": False, "is_logging": True,
                                "tags": {}}
    assert trail.defaulted == {("is_multi_region_trail",), ("log_file_validation",),
                               ("is_logging",)}
    assert trail.location("kms_key") == lines(5)


def test_log_group_has_no_key_by_default() -> None:
    group = adapt_one("aws_cloudwatch_log_group.g", {"name": "/app", "retention_in_days": 30})
    assert group.attributes == {"name": "/app", "retention_in_days": 30, "tags": {}}


def test_sqs_managed_sse_is_the_default_only_without_a_key() -> None:
    plain = adapt_one("aws_sqs_queue.q", {"name": "q"})
    assert plain.attributes["sqs_managed_sse_enabled"] is True
    assert plain.defaulted == {("sqs_managed_sse_enabled",)}
    keyed = adapt_one("aws_sqs_queue.q", {"kms_master_key_id": "alias/aws/sqs"})
    assert keyed.attributes == {"kms_key": "alias/aws/sqs", "tags": {}}
    off = adapt_one("aws_sqs_queue.q", {"sqs_managed_sse_enabled": False})
    assert off.attributes["sqs_managed_sse_enabled"] is False
    assert off.defaulted == set()


def test_sns_and_kinesis() -> None:
    assert adapt_one("aws_sns_topic.t", {"name": "t"}).attributes == {"name": "t",
                                                                      "tags": {}}
    stream = adapt_one("aws_kinesis_stream.s", {"name": "s"})
    assert stream.attributes == {"name": "s", "encryption_type": "NONE", "tags": {}}
    assert stream.defaulted == {("encryption_type",)}


def test_dynamodb_table() -> None:
    default = adapt_one("aws_dynamodb_table.t", {"name": "t"})
    assert default.attributes == {"name": "t", "server_side_encryption": {"enabled": False},
                                  "point_in_time_recovery": False, "tags": {}}
    keyed = adapt_one("aws_dynamodb_table.t", {
        "server_side_encryption": [{"enabled": True, "kms_key_arn": "arn:k"}],
        "point_in_time_recovery": [{"enabled": True}]},
        locations={"server_side_encryption.0.kms_key_arn": 7})
    assert keyed.attributes["server_side_encryption"] == {"enabled": True, "kms_key": "arn:k"}
    assert keyed.attributes["point_in_time_recovery"] is True
    assert keyed.location("server_side_encryption.kms_key") == lines(7)


def test_efs_defaults_to_unencrypted() -> None:
    fs = adapt_one("aws_efs_file_system.f", {"creation_token": "f"})
    assert fs.attributes == {"encrypted": False, "tags": {}}
    assert fs.defaulted == {("encrypted",)}


def test_elasticache_at_rest_default_depends_on_the_engine() -> None:
    redis = adapt_one("aws_elasticache_replication_group.r", {"replication_group_id": "r"})
    assert redis.attributes == {"name": "r", "engine": "redis",
                                "at_rest_encryption_enabled": False,
                                "transit_encryption_enabled": False,
                                "snapshot_retention_limit": 0,
                                "automatic_failover_enabled": False, "tags": {}}
    valkey = adapt_one("aws_elasticache_replication_group.r", {"engine": "valkey"})
    assert valkey.attributes["at_rest_encryption_enabled"] is True
    engine = Unknown("var.engine has no value")
    unknown = adapt_one("aws_elasticache_replication_group.r", {"engine": engine})
    assert unknown.attributes["at_rest_encryption_enabled"] == Unknown(
        "the default depends on the engine (var.engine has no value)")
    assert ("at_rest_encryption_enabled",) not in unknown.defaulted


def test_redshift_defaults_depend_on_the_provider_version() -> None:
    cluster = adapt_one("aws_redshift_cluster.c", {"cluster_identifier": "c"})
    assert cluster.attributes["encrypted"] == Unknown(
        "the default depends on the AWS provider version (false before v6, true from v6)")
    assert cluster.attributes["publicly_accessible"] == Unknown(
        "the default depends on the AWS provider version (true before v6, false from v6)")
    restored = adapt_one("aws_redshift_cluster.c", {"snapshot_identifier": "snap"})
    assert restored.attributes["encrypted"] == Unknown(
        "encryption is inherited from the snapshot")
    explicit = adapt_one("aws_redshift_cluster.c", {"encrypted": True,
                                                    "publicly_accessible": False})
    assert explicit.attributes == {"encrypted": True, "publicly_accessible": False,
                                   "allow_version_upgrade": True,
                                   "automated_snapshot_retention_period": 1,
                                   "enhanced_vpc_routing": False, "audit_logging": False,
                                   "tags": {}}


def test_eks_cluster() -> None:
    default = adapt_one("aws_eks_cluster.c", {"name": "c", "vpc_config": [{}]})
    assert default.attributes == {"name": "c", "endpoint_public_access": True,
                                  "endpoint_private_access": False, "tags": {}}
    encrypted = adapt_one("aws_eks_cluster.c", {
        "vpc_config": [{"endpoint_public_access": False,
                        "public_access_cidrs": ["203.0.113.0/24"]}],
        "encryption_config": [{"resources": ["secrets"],
                               "provider": [{"key_arn": "arn:k"}]}]},
        locations={"encryption_config.0.resources": 12})
    assert encrypted.attributes == {
        "endpoint_public_access": False, "endpoint_private_access": False,
        "public_access_cidrs": ["203.0.113.0/24"], "encrypted_resources": ["secrets"],
        "encryption_kms_key": "arn:k", "tags": {}}
    assert encrypted.location("encrypted_resources") == lines(12)
    listed = Unknown("var.resources has no value")
    unknown = adapt_one("aws_eks_cluster.c", {"encryption_config": [{"resources": listed}]})
    assert unknown.attributes["encrypted_resources"] is listed


def test_docdb_cluster() -> None:
    assert adapt_one("aws_docdb_cluster.d", {"cluster_identifier": "d"}).attributes == {
        "name": "d", "storage_encrypted": False, "backup_retention_period": 1, "tags": {}}
    assert adapt_one("aws_docdb_cluster.d", {"snapshot_identifier": "s"}).attributes[
        "storage_encrypted"] == Unknown("storage encryption is inherited from the snapshot")


def test_dms_replication_instance_is_private_by_default() -> None:
    instance = adapt_one("aws_dms_replication_instance.r", {"replication_instance_id": "r"})
    assert instance.attributes == {"name": "r", "publicly_accessible": False,
                                   "auto_minor_version_upgrade": True, "tags": {}}


def test_ecr_repository_defaults() -> None:
    repository = adapt_one("aws_ecr_repository.r", {"name": "r"})
    assert repository.attributes == {"name": "r", "encryption_type": "AES256",
                                     "image_tag_mutability": "MUTABLE",
                                     "scan_on_push": False, "tags": {}}
    kms = adapt_one("aws_ecr_repository.r", {
        "encryption_configuration": [{"encryption_type": "KMS", "kms_key": "arn:k"}],
        "image_scanning_configuration": [{"scan_on_push": True}]})
    assert (kms.attributes["encryption_type"], kms.attributes["kms_key"],
            kms.attributes["scan_on_push"]) == ("KMS", "arn:k", True)


def test_sagemaker_notebook_defaults() -> None:
    notebook = adapt_one("aws_sagemaker_notebook_instance.n", {"name": "n"})
    assert notebook.attributes == {"name": "n", "direct_internet_access": "Enabled",
                                   "root_access": "Enabled", "tags": {}}
