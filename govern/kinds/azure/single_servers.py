"""What the Azure Database single servers (MySQL, PostgreSQL, MariaDB) say alike: SSL
enforcement, public network access, the minimum TLS version and geo-redundant backups."""

from __future__ import annotations

from govern.kinds.declare import Attribute, boolean, string


def single_server_settings() -> tuple[Attribute, ...]:
    """The settings every single server declares the same way."""
    return (
        boolean("ssl_enforcement_enabled", "Whether connections must use SSL/TLS: azurerm "
                "v3's boolean `ssl_enforcement_enabled` or v2's `ssl_enforcement` "
                "(`\"Enabled\"`/`\"Disabled\"`, any case; another word is Unknown), "
                "absent in Terraform when neither is written (the provider requires one); "
                "ARM `properties.sslEnforcement` (`Enabled`/`Disabled`), true when not "
                "written (Azure enforces SSL on a server created without it)."),
        boolean("public_network_access_enabled", "Whether the server is reachable from "
                "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                "`Disabled` false, any case; another value is Unknown); true when not "
                "written.", default=True),
        string("min_tls_version", "The lowest TLS version clients may use: Terraform "
               "`ssl_minimal_tls_version_enforced`, `TLS1_2` when not written (azurerm "
               "v3's default), `TLSEnforcementDisabled` for a configuration written for "
               "azurerm v2 (it sets `ssl_enforcement`; v2's default); ARM "
               "`properties.minimalTlsVersion`, `TLSEnforcementDisabled` when not written "
               "(Azure enforces no minimum on a server created without it).",
               values=("TLSEnforcementDisabled", "TLS1_0", "TLS1_1", "TLS1_2")),
        boolean("geo_redundant_backup_enabled", "Whether the server's backups are kept in "
                "geo-redundant storage (copied to the paired region) rather than locally "
                "redundant storage: Terraform `geo_redundant_backup_enabled`, ARM "
                "`properties.storageProfile.geoRedundantBackup` (`Enabled`/`Disabled`, any "
                "case; another value is Unknown). False when not written: the provider "
                "and Azure create the server with locally redundant backups (the choice "
                "is made at creation only; the Basic tier offers no geo-redundancy).",
                default=False),
    )
