"""Amazon ElastiCache: replication groups and cache clusters outside a replication group."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, integer, string

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
                default=False),
        string("node_type", "The node type, e.g. `cache.r7g.large`: Terraform `node_type`, "
               "CloudFormation `CacheNodeType`, live `CacheNodeType`; absent when not "
               "written (a member of a global datastore takes the primary's)."),
        integer("snapshot_retention_limit", "The days automatic backups (snapshots) are "
                "kept, 0 when they are off (Redis OSS and Valkey only; Memcached has none): "
                "Terraform `snapshot_retention_limit`, CloudFormation "
                "`SnapshotRetentionLimit`, live `SnapshotRetentionLimit`; 0 when not "
                "written (AWS's default).", default=0),
        boolean("automatic_failover_enabled", "Whether a replica is promoted to primary "
                "automatically when the primary fails: Terraform "
                "`automatic_failover_enabled`, CloudFormation `AutomaticFailoverEnabled`, "
                "live `AutomaticFailover` (`enabled` or `enabling`); false when not written "
                "(AWS's default).", default=False)),
    aws("aws.elasticache.cluster", "ElastiCache cache cluster that is not a member of a "
        "replication group (Memcached, or a single-node Redis OSS/Valkey cluster); a member "
        "(Terraform `replication_group_id`, live `ReplicationGroupId`) takes the group's "
        "settings and is not produced: it is judged on its group",
        string("name", "The cluster's identifier: Terraform `cluster_id`, CloudFormation "
               "`ClusterName` (absent when not written: CloudFormation generates one), live "
               "`CacheClusterId`."),
        string("engine", "The cache engine (CloudFormation `Engine`, required; lower case "
               "live).", values=("memcached", "redis", "valkey")),
        boolean("transit_encryption_enabled", "Whether connections use TLS (CloudFormation "
                "`TransitEncryptionEnabled`); false when not written. Unknown in Terraform "
                "when `replication_group_id` is not known statically (the settings may be "
                "a group's).", default=False),
        string("node_type", "The node type, e.g. `cache.r7g.large`: Terraform `node_type`, "
               "CloudFormation `CacheNodeType`, live `CacheNodeType`; absent when not "
               "written."),
        integer("snapshot_retention_limit", "The days automatic backups (snapshots) are "
                "kept, 0 when they are off (Redis OSS and Valkey only; Memcached has none): "
                "Terraform `snapshot_retention_limit`, CloudFormation "
                "`SnapshotRetentionLimit`, live `SnapshotRetentionLimit`; 0 when not "
                "written (AWS's default). Unknown in Terraform when `replication_group_id` "
                "is not known statically.", default=0)),
)
