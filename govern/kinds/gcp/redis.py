"""Memorystore for Redis: instances."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, string

KINDS = (
    gcp("gcp.redis.instance", "Memorystore for Redis instance (`google_redis_instance`)",
        string("name", "The instance's id (`name`)."),
        string("region", "The region it is in (`region`); absent when not written (the "
               "provider's region)."),
        boolean("auth_enabled", "Whether clients must authenticate with the instance's "
                "AUTH string before running commands (`auth_enabled`); false when not "
                "written.", default=False),
        string("transit_encryption_mode", "Whether connections use TLS "
               "(`transit_encryption_mode`): `SERVER_AUTHENTICATION` (TLS, clients "
               "verify the server's certificate) or `DISABLED` (plain text); `DISABLED` "
               "when not written.", default="DISABLED",
               values=("SERVER_AUTHENTICATION", "DISABLED")),
        tags_doc="Google Cloud labels (`labels`)"),
)
