"""OpenSearch Service: `aws_opensearch_domain` and the older `aws_elasticsearch_domain`.

The provider documents both `encrypt_at_rest.enabled` and `node_to_node_encryption.enabled`
as false when their block is not written. `domain_endpoint_options` is optional and
computed: when it is not written the provider sends nothing and the API's defaults apply
(HTTP allowed; a TLS policy OpenSearch Service chooses, Unknown here); inside a written
block `enforce_https` defaults to true. A `log_publishing_options` block publishes its log
unless it says `enabled = false`. The domain is in a VPC when `vpc_options.subnet_ids`
names subnets (without `vpc_options` its endpoint is public); dedicated master nodes are
off when `cluster_config.dedicated_master_enabled` is not written.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import (
    carry_locations,
    field,
    set_at,
    set_default,
    to_bool,
    where,
)
from govern.adapters.reading import MISSING, blocks_in, first_block, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

TLS_POLICY_DEFAULT = ("the TLS policy is chosen by OpenSearch Service when not written "
                      "(no documented default)")
_ENDPOINT = "domain_endpoint_options"


def finish_domain(resource: Resource, native: NativeResource) -> None:
    _endpoint_options(resource, native)
    _log_publishing(resource, native)


def _endpoint_options(resource: Resource, native: NativeResource) -> None:
    block = first_block(native.attributes, _ENDPOINT)
    if block is MISSING:
        set_default(resource, "enforce_https", False)
        set_at(resource, "tls_security_policy", Unknown(TLS_POLICY_DEFAULT), None)
        return
    at = where(native, _ENDPOINT, folded=False)
    if isinstance(block, Unknown):
        set_at(resource, "enforce_https", block, at)
        set_at(resource, "tls_security_policy", block, at)
        return
    enforce = value_in(block, "enforce_https")
    if enforce is MISSING:
        set_default(resource, "enforce_https", True)
    else:
        set_at(resource, "enforce_https", to_bool(enforce),
               where(native, (_ENDPOINT, 0, "enforce_https"), folded=False))
    policy = value_in(block, "tls_security_policy")
    set_at(resource, "tls_security_policy",
           Unknown(TLS_POLICY_DEFAULT) if policy is MISSING else policy,
           None if policy is MISSING
           else where(native, (_ENDPOINT, 0, "tls_security_policy"), folded=False))


def _log_publishing(resource: Resource, native: NativeResource) -> None:
    blocks = blocks_in(native.attributes, "log_publishing_options")
    if not isinstance(blocks, Unknown) and not blocks:
        return
    entries: Any = blocks if isinstance(blocks, Unknown) else [_log(b) for b in blocks]
    resource.set(("log_publishing",), entries)
    carry_locations(resource, native, ("log_publishing_options",), ("log_publishing",))


def _log(block: Any) -> Any:
    if isinstance(block, Unknown) or not isinstance(block, dict):
        return block if isinstance(block, Unknown) else Unknown("not a block")
    entry: dict[str, Any] = {}
    for canonical, name in (("log_type", "log_type"), ("log_group",
                                                       "cloudwatch_log_group_arn")):
        value = value_in(block, name)
        if value is not MISSING:
            entry[canonical] = value
    enabled = value_in(block, "enabled")
    entry["enabled"] = True if enabled is MISSING else to_bool(enabled)
    return entry


def has_items(value: Any) -> Any:
    """A list of subnets -> whether it names any (an Unknown stays as it is)."""
    return len(value) > 0 if isinstance(value, list) else value


_DOMAIN = KindMapping("aws.opensearch.domain", (
    field("name", "domain_name"),
    field("encrypt_at_rest", "encrypt_at_rest.0.enabled", default=False),
    field("kms_key", "encrypt_at_rest.0.kms_key_id"),
    field("node_to_node_encryption", "node_to_node_encryption.0.enabled", default=False),
    field("fine_grained_access_control", "advanced_security_options.0.enabled",
          default=False),
    field("in_vpc", "vpc_options.0.subnet_ids", function=has_items, default=False),
    field("dedicated_master_enabled", "cluster_config.0.dedicated_master_enabled",
          default=False),
), finish_domain)

MAPPINGS = {
    "aws_opensearch_domain": _DOMAIN,
    "aws_elasticsearch_domain": _DOMAIN,
}
