"""OpenSearch Service: `AWS::OpenSearchService::Domain` and the older
`AWS::Elasticsearch::Domain` (encryption at rest, node-to-node encryption, HTTPS
enforcement and fine-grained access control are off when their options are not written;
an unwritten TLS policy is OpenSearch Service's choice, Unknown). `LogPublishingOptions`
is a map from the log type to `{CloudWatchLogsLogGroupArn, Enabled}`, `Enabled` false when
not written (CloudFormation's documented default). The domain is in a VPC when
`VPCOptions.SubnetIds` names subnets (without `VPCOptions` its endpoint is public);
dedicated master nodes (`ClusterConfig`, `ElasticsearchClusterConfig` for the older type)
are off when not written."""

from __future__ import annotations

from functools import partial
from typing import Any

from govern.adapters.building import carry_locations, field, set_at
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import mapped, to_bool
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

TLS_POLICY_DEFAULT = ("the TLS policy is chosen by OpenSearch Service when not written "
                      "(no documented default)")


def finish_domain(resource: Resource, native: NativeResource) -> None:
    if "tls_security_policy" not in resource.attributes:
        set_at(resource, "tls_security_policy", Unknown(TLS_POLICY_DEFAULT), None)
    options = value_at(native, "LogPublishingOptions")
    if options is MISSING:
        return
    resource.set(("log_publishing",), mapped(options, _logs))
    carry_locations(resource, native, ("LogPublishingOptions",), ("log_publishing",))


def _logs(options: Any) -> Any:
    if not isinstance(options, dict):
        return Unknown("LogPublishingOptions is not a map of log types")
    return [mapped(option, partial(_log, str(log_type)))
            for log_type, option in options.items() if option is not None]


def _log(log_type: str, option: Any) -> Any:
    if not isinstance(option, dict):
        return Unknown(f"LogPublishingOptions.{log_type} is not an object")
    entry: dict[str, Any] = {"log_type": log_type}
    group = value_in(option, "CloudWatchLogsLogGroupArn")
    if group is not MISSING:
        entry["log_group"] = group
    enabled = value_in(option, "Enabled")
    entry["enabled"] = False if enabled is MISSING else to_bool(enabled)
    return entry


def has_items(value: Any) -> Any:
    """A list of subnets -> whether it names any (an Unknown stays as it is)."""
    return len(value) > 0 if isinstance(value, list) else value


_FIELDS = (
    field("name", "DomainName"),
    field("encrypt_at_rest", "EncryptionAtRestOptions.Enabled", function=to_bool,
          default=False),
    field("kms_key", "EncryptionAtRestOptions.KmsKeyId"),
    field("node_to_node_encryption", "NodeToNodeEncryptionOptions.Enabled",
          function=to_bool, default=False),
    field("enforce_https", "DomainEndpointOptions.EnforceHTTPS", function=to_bool,
          default=False),
    field("tls_security_policy", "DomainEndpointOptions.TLSSecurityPolicy"),
    field("fine_grained_access_control", "AdvancedSecurityOptions.Enabled",
          function=to_bool, default=False),
    field("in_vpc", "VPCOptions.SubnetIds", function=has_items, default=False),
)

MAPPINGS = {
    "AWS::OpenSearchService::Domain": KindMapping("aws.opensearch.domain", (
        *_FIELDS,
        field("dedicated_master_enabled", "ClusterConfig.DedicatedMasterEnabled",
              function=to_bool, default=False),
    ), finish_domain),
    "AWS::Elasticsearch::Domain": KindMapping("aws.opensearch.domain", (
        *_FIELDS,
        field("dedicated_master_enabled", "ElasticsearchClusterConfig.DedicatedMasterEnabled",
              function=to_bool, default=False),
    ), finish_domain),
}
