"""ElastiCache: `aws_elasticache_replication_group`.

`engine` defaults to `redis`. `at_rest_encryption_enabled` defaults to false for Redis OSS
and to true for Valkey (the provider's documented defaults); Unknown when the engine is.
`transit_encryption_enabled` defaults to false.
"""

from __future__ import annotations

from govern.adapters.building import field, set_default, set_undecided
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_group(resource: Resource, native: NativeResource) -> None:
    del native
    if ("at_rest_encryption_enabled",) not in resource.defaulted:
        return
    engine = resource.attributes.get("engine")
    if isinstance(engine, Unknown):
        set_undecided(resource, "at_rest_encryption_enabled",
                      Unknown(f"the default depends on the engine ({engine.reason})",
                              engine.ref))
    elif isinstance(engine, str) and engine.lower() == "valkey":
        set_default(resource, "at_rest_encryption_enabled", True)


MAPPINGS = {
    "aws_elasticache_replication_group": KindMapping("aws.elasticache.replication_group", (
        field("name", "replication_group_id"),
        field("engine", default="redis"),
        field("at_rest_encryption_enabled", default=False),
        field("kms_key", "kms_key_id"),
        field("transit_encryption_enabled", default=False),
    ), _finish_group),
}
