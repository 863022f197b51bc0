"""AWS Backup vaults and OpenSearch Service domains (Elasticsearch domains included: the
OpenSearch API lists both), with the canonical attributes of `aws_backup_vault` and
`aws_opensearch_domain` / `aws_elasticsearch_domain`."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.kms_keys import CustomerKeys
from govern.collect.aws.paging import in_batches, listed, token_pages
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_maybe_absent, set_optional, set_tags, set_unknown, tag_map
from govern.model.resource import Resource
from govern.model.unknown import Unknown

DESCRIBE_BATCH = 5  # DescribeDomains takes at most five names
# what DescribeDomains gives: always, or only when configured (absent otherwise)
DOMAIN_VALUES = ("encrypt_at_rest", "node_to_node_encryption", "enforce_https",
                 "tls_security_policy", "fine_grained_access_control", "in_vpc",
                 "dedicated_master_enabled")
DOMAIN_OPTIONAL = ("kms_key", "log_publishing")


def backup_vaults(backup: Any, reader: Reader, keys: CustomerKeys, account: str,
                  region: str) -> list[Resource]:
    """Backup vaults (logically air-gapped and restore-access vaults are other
    CloudFormation types: skipped). `kms_key` is absent for the AWS managed key
    `aws/backup`, as in a template that omits `kms_key_arn`."""
    found = []
    for item in listed(reader.pages(backup, "ListBackupVaults", region, "BackupVaultList")):
        if item.get("VaultType", "BACKUP_VAULT") != "BACKUP_VAULT":
            continue
        name = item["BackupVaultName"]
        arn = item.get("BackupVaultArn") or f"arn:aws:backup:{region}:{account}:" \
            f"backup-vault:{name}"
        vault = live_resource(arn, "aws.backup.vault", "AWS::Backup::BackupVault", account,
                              region)
        vault.set("name", name)
        set_optional(vault, "kms_key", keys.customer_key(item.get("EncryptionKeyArn")))
        tags = token_pages(reader, backup, "ListTags", arn, "Tags", ResourceArn=arn)
        vault.set("tags", tags.unknown if isinstance(tags, Failed) else dict(tags))
        found.append(vault)
    return found


def opensearch_domains(opensearch: Any, reader: Reader, keys: CustomerKeys, account: str,
                       region: str) -> list[Resource]:
    """Domains from ListDomainNames (not paginated), described five at a time."""
    entries = reader.listing(opensearch, "ListDomainNames", region, "DomainNames")
    if not isinstance(entries, list):
        return []
    names = [str(entry["DomainName"]) for entry in entries]
    found = []
    for batch in in_batches(names, DESCRIBE_BATCH):
        found.extend(_described_domains(opensearch, reader, keys, account, region, batch))
    return found


def _described_domains(opensearch: Any, reader: Reader, keys: CustomerKeys, account: str,
                       region: str, names: list[str]) -> list[Resource]:
    """One batch: when DescribeDomains fails, the domains are still reported, with
    Unknown settings."""
    described = reader.call(opensearch, "DescribeDomains", region, DomainNames=names)
    if isinstance(described, Failed):
        statuses: list[dict[str, Any]] = [{"DomainName": name} for name in names]
    else:
        statuses = [status for status in (described or {}).get("DomainStatusList", [])
                    if not status.get("Deleted")]
    found = []
    for status in statuses:
        name = status["DomainName"]
        arn = status.get("ARN") or f"arn:aws:es:{region}:{account}:domain/{name}"
        domain = live_resource(arn, "aws.opensearch.domain", _native_type(status), account,
                               region)
        domain.set("name", name)
        if isinstance(described, Failed):
            set_unknown(domain, described.unknown, *DOMAIN_VALUES)
            set_maybe_absent(domain, described.unknown, *DOMAIN_OPTIONAL)
        else:
            _set_domain_settings(domain, status, keys)
        set_tags(domain, reader.call(opensearch, "ListTags", arn, ARN=arn),
                 lambda tags: tag_map(tags.get("TagList")))
        found.append(domain)
    return found


def _set_domain_settings(domain: Resource, status: dict[str, Any],
                         keys: CustomerKeys) -> None:
    """DescribeDomains' answer. The AWS managed key `aws/es` is reported by its ARN: read
    as the omitted key (absent)."""
    at_rest = status.get("EncryptionAtRestOptions") or {}
    domain.set("encrypt_at_rest", bool(at_rest.get("Enabled", False)))
    set_optional(domain, "kms_key", keys.customer_key(at_rest.get("KmsKeyId")))
    node_to_node = status.get("NodeToNodeEncryptionOptions") or {}
    domain.set("node_to_node_encryption", bool(node_to_node.get("Enabled", False)))
    endpoint = status.get("DomainEndpointOptions") or {}
    domain.set("enforce_https", bool(endpoint.get("EnforceHTTPS", False)))
    policy = endpoint.get("TLSSecurityPolicy")
    domain.set("tls_security_policy", policy if isinstance(policy, str)
               else Unknown("DescribeDomains gave no TLS policy"))
    logs = status.get("LogPublishingOptions") or {}
    set_optional(domain, "log_publishing", [
        {"log_type": str(log_type), "enabled": bool(option.get("Enabled", False)),
         **({"log_group": option["CloudWatchLogsLogGroupArn"]}
            if option.get("CloudWatchLogsLogGroupArn") else {})}
        for log_type, option in sorted(logs.items()) if isinstance(option, dict)] or None)
    security = status.get("AdvancedSecurityOptions") or {}
    domain.set("fine_grained_access_control", bool(security.get("Enabled", False)))
    domain.set("in_vpc", bool((status.get("VPCOptions") or {}).get("SubnetIds")))
    cluster = status.get("ClusterConfig") or {}
    domain.set("dedicated_master_enabled", bool(cluster.get("DedicatedMasterEnabled", False)))


def _native_type(status: dict[str, Any]) -> str:
    """`AWS::Elasticsearch::Domain` for a legacy Elasticsearch engine."""
    if str(status.get("EngineVersion", "")).startswith("Elasticsearch_"):
        return "AWS::Elasticsearch::Domain"
    return "AWS::OpenSearchService::Domain"
