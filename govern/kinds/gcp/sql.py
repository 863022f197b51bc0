"""Google Cloud SQL: database instances."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, mapping, objects, string

_IP = "settings.ip_configuration"

KINDS = (
    gcp("gcp.sql.instance", "Cloud SQL database instance",
        string("name", "The instance's name."),
        string("database_version", "The engine and its version (`database_version`, e.g. "
               "`POSTGRES_15`, `MYSQL_8_0`, `SQLSERVER_2019_STANDARD`)."),
        string("replica_of", "The primary of a read replica (`master_instance_name`); absent "
               "for a primary. A replica's backups are configured on its primary."),
        boolean("ipv4_enabled", f"Whether the instance has a public IPv4 address "
                f"(`{_IP}.ipv4_enabled`); true when not written.", default=True),
        string("private_network", f"The VPC network of the instance's private IP address "
               f"(`{_IP}.private_network`); absent: no private IP address."),
        objects("authorized_networks", "The networks admitted to the public IP address, one "
                f"per `{_IP}.authorized_networks` block, with the keys that are set; absent "
                "when none is written.",
                string("name", "The entry's name."),
                string("value", "The CIDR or address admitted.")),
        boolean("ssl_required", f"Whether connections must use TLS: from `{_IP}.ssl_mode`, "
                "true for `ENCRYPTED_ONLY` and `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`, false "
                "for `ALLOW_UNENCRYPTED_AND_ENCRYPTED` (another mode is Unknown); else the "
                "older `require_ssl`; false when neither is written.", default=False),
        boolean("backups_enabled", "Whether automated backups are on "
                "(`settings.backup_configuration.enabled`); false when not written.",
                default=False),
        mapping("database_flags", "The database flags set (`settings.database_flags`): the "
                "`name` of each block mapped to its `value`, as written (`on`, `off`, a "
                "number or a level such as `WARNING`); spaces and dots in a name become "
                "`_` (`cross_db_ownership_chaining`, `cloudsql_enable_pgaudit`), as rule "
                "paths are dotted; absent when none is written: every "
                "flag then has the engine's default. Unknown as a whole when the blocks or "
                "a flag's name are not known statically (any flag could be set)."),
        tags_doc="Google Cloud labels (`settings.user_labels`; the provider's "
                 "`default_labels` are not merged in)"),
)
