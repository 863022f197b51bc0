"""Memorystore for Redis: `google_redis_instance`, as `gcp.redis.instance`. Defaults are
the provider's: `auth_enabled` false, `transit_encryption_mode` `DISABLED`."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "google_redis_instance": KindMapping("gcp.redis.instance", (
        field("name"),
        field("region"),
        field("auth_enabled", default=False),
        field("transit_encryption_mode", default="DISABLED"),
    )),
}
