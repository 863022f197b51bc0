"""Cloud SQL: `google_sql_database_instance` (its `settings` block flattened).

Defaults are the provider's: `ipv4_enabled` true (a public IPv4 address),
`backups_enabled` false. `authorized_networks` is a list of `{name, value}` (the CIDR in
`value`), absent when none are written. `ssl_required` comes from `ssl_mode`
(`ENCRYPTED_ONLY` and `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` require TLS,
`ALLOW_UNENCRYPTED_AND_ENCRYPTED` does not), else from the older `require_ssl`, else
false. `replica_of` is `master_instance_name` (a read replica: backups are configured on
its primary). `database_flags` maps the `name` of each `settings.database_flags` block to
its `value` as written, spaces and dots in names replaced by `_` (absent without flags;
Unknown as a whole when the blocks, or a flag's name, are not known statically, since any
flag could then be set).
"""

from __future__ import annotations

import re
from typing import Any

from govern.adapters.building import carry_locations, field, set_at, set_default, where
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_IP = "settings.0.ip_configuration.0"
# Flag names as keys of `database_flags`: spaces (SQL Server's `cross db ownership
# chaining`) and dots (`cloudsql.enable_pgaudit`) become `_`, as rule paths are dotted.
_FLAG_KEY = re.compile(r"[\s.]+")
_SSL_MODES = {"ENCRYPTED_ONLY": True, "TRUSTED_CLIENT_CERTIFICATE_REQUIRED": True,
              "ALLOW_UNENCRYPTED_AND_ENCRYPTED": False}


def _ssl_required(mode: Any) -> Any:
    if isinstance(mode, str):
        return _SSL_MODES.get(mode.upper(), Unknown(f"unrecognised ssl_mode {mode!r}"))
    return mode


def _finish(resource: Resource, native: NativeResource) -> None:
    mode = value_at(native, f"{_IP}.ssl_mode")
    legacy = value_at(native, f"{_IP}.require_ssl")
    if mode is not MISSING:
        required = _ssl_required(mode)
        set_at(resource, "ssl_required", required, where(native, f"{_IP}.ssl_mode", False))
    elif legacy is not MISSING:
        set_at(resource, "ssl_required", legacy, where(native, f"{_IP}.require_ssl", False))
    else:
        set_default(resource, "ssl_required", False)
    _authorized_networks(resource, native)
    _database_flags(resource, native)


def _database_flags(resource: Resource, native: NativeResource) -> None:
    path = "settings.0.database_flags"
    if value_at(native, path) is MISSING:
        return
    at = where(native, path, False)
    blocks = blocks_in(native.attributes, path)
    if isinstance(blocks, Unknown):
        set_at(resource, "database_flags", _unknown_flags(blocks), at)
        return
    names = [value_in(block, "name") if isinstance(block, dict) else block
             for block in blocks]
    unknown = next((name for name in names if isinstance(name, Unknown)), None)
    if unknown is not None:
        set_at(resource, "database_flags", _unknown_flags(unknown), at)
        return
    flags: dict[str, Any] = {}
    set_at(resource, "database_flags", flags, at)
    for index, (name, block) in enumerate(zip(names, blocks, strict=True)):
        if not isinstance(name, str):
            continue
        value = value_in(block, "value")
        key = _FLAG_KEY.sub("_", name.strip())
        flags[key] = Unknown("the flag has no value") if value is MISSING else value
        carry_locations(resource, native, f"{path}.{index}", ("database_flags", key))


def _unknown_flags(cause: Unknown) -> Unknown:
    return Unknown(f"the database flags are not known statically ({cause.reason})", cause.ref)


def _authorized_networks(resource: Resource, native: NativeResource) -> None:
    path = f"{_IP}.authorized_networks"
    if value_at(native, path) is MISSING:
        return
    blocks = blocks_in(native.attributes, path)
    at = where(native, path, False)
    if isinstance(blocks, Unknown):
        set_at(resource, "authorized_networks", [blocks], at)
        return
    networks: list[Any] = []
    set_at(resource, "authorized_networks", networks, at)
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            networks.append(block)
            continue
        networks.append({key: value for key in ("name", "value")
                         if (value := value_in(block, key)) is not MISSING})
        carry_locations(resource, native, f"{path}.{index}", ("authorized_networks", index))


MAPPINGS = {
    "google_sql_database_instance": KindMapping("gcp.sql.instance", (
        field("name"),
        field("database_version"),
        field("replica_of", "master_instance_name"),
        field("ipv4_enabled", f"{_IP}.ipv4_enabled", default=True),
        field("private_network", f"{_IP}.private_network"),
        field("backups_enabled", "settings.0.backup_configuration.0.enabled", default=False),
    ), _finish),
}
