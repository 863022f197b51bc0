"""Amazon ElastiCache: replication groups."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.elasticache.replication_group", "ElastiCache (Redis OSS/Valkey) replication "
        "group",
        string("name", "The group's identifier: Terraform `replication_group_id`, "
               "CloudFormation `ReplicationGroupId`."),
        string("engine", "The cache engine (CloudFormation `Engine`; lower case live); "
               "`redis` when not written.", default="redis", values=("redis", "valkey")),
        boolean("at_rest_encryption_enabled", "Whether data at rest is encrypted "
                "(CloudFormation `AtRestEncryptionEnabled`). When not written: false for "
                "Redis OSS; for Valkey true in Terraform (the provider's default), Unknown "
                "in CloudFormation (its default is not documented); Unknown when the "
                "engine is not known."),
        string("kms_key", "The KMS key of at-rest encryption: Terraform `kms_key_id`, "
               "CloudFormation `KmsKeyId`; absent: a key ElastiCache manages."),
        boolean("transit_encryption_enabled", "Whether connections use TLS "
                "(CloudFormation `TransitEncryptionEnabled`); false when not written.",
                default=False)),
)
