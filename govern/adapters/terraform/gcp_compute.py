"""Compute Engine: `google_compute_firewall`, `google_compute_instance`, and the instance
templates `google_compute_instance_template` and `google_compute_region_instance_template`.

Firewall rules: `direction` defaults to `INGRESS`, `disabled` to false; `allow` and `deny`
are lists of `{protocol, ports: [..]}` (ports as written: `"22"`, `"1000-2000"`; an empty
list means every port of the protocol), always present. An ingress rule that names no
source at all (no `source_ranges`, `source_tags` or `source_service_accounts`) admits
every address: Google Cloud then uses `0.0.0.0/0`, written here as a defaulted
`source_ranges`; so does an egress rule without `destination_ranges` (a defaulted
`destination_ranges`).

Instances: `network_interfaces` is a list of `{network, subnetwork, public_ip}`, where
`public_ip` says whether the interface has an `access_config` (an external IPv4 address,
ephemeral or static); `can_ip_forward` defaults to false; `confidential_compute` is true
when `confidential_instance_config` enables it or names a `confidential_instance_type`
(false without the block); `disks` lists the disks created with the VM (the boot disk; a
template's `disk` blocks without `source`) with the `key` that encrypts each:
`customer-supplied` (`disk_encryption_key_raw`/`_rsa`), `customer-managed`
(`kms_key_self_link`) or `google-managed`, and whether a raw key is in the code. Disks
(`google_compute_disk`, `google_compute_region_disk`) read `disk_encryption_key` the same
way. Shielded VM (`shielded_instance_config`): `secure_boot` (`enable_secure_boot`,
default false), `vtpm` (`enable_vtpm`, default true), `integrity_monitoring`
(`enable_integrity_monitoring`, default true). From `metadata`:
`serial_port_enabled` (`serial-port-enable`, default false), `block_project_ssh_keys`
(`block-project-ssh-keys`, default false) and
`os_login_enabled` (`enable-oslogin`, absent when not set: the project's setting applies);
metadata values are read as Compute Engine reads them (`true`, `1`, `yes`, `y`, `on` in any
case are true). `service_account`: `{email, uses_default, scopes}` when the instance has
one (no `service_account` block: the instance runs without one); `uses_default` is true
when `email` is not set or is the default Compute Engine service account
(`<number>-compute@developer.gserviceaccount.com`, or the email of the
`google_compute_default_service_account` data source; a `google_service_account`
created in the configuration is not; another email known only after apply is Unknown);
scope aliases (`cloud-platform`) are expanded to their URLs.

Instance templates (`gcp.compute.instance_template`) write the same blocks and metadata
keys for the instances created from them, and are read the same way.
"""

from __future__ import annotations

import re
from typing import Any

from govern.adapters.building import carry_locations, field, set_at, set_default, where
from govern.adapters.reading import (
    MISSING,
    blocks_in,
    first_block,
    resource_type_of,
    value_at,
    value_in,
)
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_TRUE_WORDS = frozenset({"true", "1", "yes", "y", "on"})
DEFAULT_ACCOUNT = re.compile(r"^\d+-compute@developer\.gserviceaccount\.com$")
SCOPE_BASE = "https://www.googleapis.com/auth/"
_SCOPE_ALIASES = {
    "bigquery": "bigquery", "cloud-platform": "cloud-platform",
    "cloud-source-repos": "source.full_control",
    "cloud-source-repos-ro": "source.read_only", "compute-ro": "compute.readonly",
    "compute-rw": "compute", "datastore": "datastore", "default": "cloud-platform",
    "logging-write": "logging.write", "monitoring": "monitoring",
    "monitoring-read": "monitoring.read", "monitoring-write": "monitoring.write",
    "pubsub": "pubsub", "service-control": "servicecontrol",
    "service-management": "service.management.readonly", "sql-admin": "sqlservice.admin",
    "storage-full": "devstorage.full_control", "storage-ro": "devstorage.read_only",
    "storage-rw": "devstorage.read_write", "taskqueue": "taskqueue",
    "trace": "trace.append", "userinfo-email": "userinfo.email",
}
_SOURCES = ("source_ranges", "source_tags", "source_service_accounts")


def metadata_flag(value: Any) -> Any:
    """A metadata value read as a boolean, as Compute Engine does."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE_WORDS


def scope_url(scope: Any) -> Any:
    """`cloud-platform` -> `https://www.googleapis.com/auth/cloud-platform`."""
    if not isinstance(scope, str) or scope.startswith("https://"):
        return scope
    return SCOPE_BASE + _SCOPE_ALIASES.get(scope, scope)


def _protocol_blocks(resource: Resource, native: NativeResource, name: str) -> None:
    blocks = blocks_in(native.attributes, name)
    set_at(resource, name, [], where(native, name, False))
    rules: list[Any] = resource.attributes[name]
    if isinstance(blocks, Unknown):
        rules.append(blocks)
        return
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            rules.append(block)
            continue
        ports = value_in(block, "ports")
        entry: dict[str, Any] = {"protocol": value_in(block, "protocol"),
                                 "ports": [] if ports is MISSING else ports}
        if entry["protocol"] is MISSING:
            del entry["protocol"]
        rules.append(entry)
        carry_locations(resource, native, (name, index), (name, index))


def _finish_firewall(resource: Resource, native: NativeResource) -> None:
    for name in ("allow", "deny"):
        _protocol_blocks(resource, native, name)
    direction = resource.attributes.get("direction")
    if isinstance(direction, str) and direction.upper() == "INGRESS" and all(
            value_at(native, source) is MISSING for source in _SOURCES):
        set_default(resource, "source_ranges", ["0.0.0.0/0"])
    if value_at(native, "destination_ranges") is MISSING:
        if isinstance(direction, Unknown):  # every address if it is an egress rule
            resource.set(("destination_ranges",), Unknown(
                f"not written, and the direction is not known ({direction.reason})"))
        elif isinstance(direction, str) and direction.upper() == "EGRESS":
            set_default(resource, "destination_ranges", ["0.0.0.0/0"])


def _finish_instance(resource: Resource, native: NativeResource) -> None:
    _interfaces(resource, native)
    _metadata(resource, native)
    _service_account(resource, native)
    _confidential(resource, native)
    _disks(resource, native)


_CUSTOMER_SUPPLIED = ("disk_encryption_key_raw", "disk_encryption_key_rsa")


def raw_key_in_code(native: NativeResource, value: Any) -> Any:
    """Whether a raw (CSEK) key is in the scanned files: its value is known statically (a
    literal, a local, a variables file); not when it is known only at run time. A plan
    shows every value whatever its origin, so there it cannot be told."""
    if isinstance(value, Unknown):
        return False
    if native.format == "tfplan":
        return Unknown("a plan shows the key's value, not whether it is written in the code")
    return True


def _key(native: NativeResource, block: Any, raw: tuple[str, ...], kms: Path | str
         ) -> tuple[Any, Any]:
    """(key, raw_key_in_code) of a disk block: `customer-supplied` when one of `raw` is
    written, `customer-managed` when `kms` is, else `google-managed`."""
    for name in raw:
        value = value_in(block, name)
        if value is not MISSING and value is not None and value != "":
            return "customer-supplied", raw_key_in_code(native, value)
    value = value_in(block, kms)
    if isinstance(value, Unknown):
        return value, False
    if value is not MISSING and value:
        return "customer-managed", False
    return "google-managed", False


def _disks(resource: Resource, native: NativeResource) -> None:
    template = native.native_type != "google_compute_instance"
    name = "disk" if template else "boot_disk"
    blocks = blocks_in(native.attributes, name)
    disks: list[Any] = []
    set_at(resource, "disks", disks if not isinstance(blocks, Unknown) else blocks,
           where(native, name, False))
    if isinstance(blocks, Unknown):
        return
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            disks.append(block)
            continue
        if value_in(block, "source") is not MISSING:
            continue  # an existing disk, judged as that disk
        if template:
            boot = value_in(block, "boot")
            key, raw = _key(native, block, (), ("disk_encryption_key", 0, "kms_key_self_link"))
        else:
            boot = True
            key, raw = _key(native, block, _CUSTOMER_SUPPLIED, "kms_key_self_link")
        disks.append({"boot": boot is True if not isinstance(boot, Unknown) else boot,
                      "key": key, "raw_key_in_code": raw})
        carry_locations(resource, native, (name, index), ("disks", len(disks) - 1))


def _confidential(resource: Resource, native: NativeResource) -> None:
    config = first_block(native.attributes, "confidential_instance_config")
    if config is MISSING:
        set_default(resource, "confidential_compute", False)
        return
    at = where(native, "confidential_instance_config", False)
    if isinstance(config, Unknown):
        set_at(resource, "confidential_compute", config, at)
        return
    enabled = value_in(config, "enable_confidential_compute")
    kind = value_in(config, "confidential_instance_type")
    if isinstance(kind, str) and kind.strip():
        set_at(resource, "confidential_compute", True,
               where(native, ("confidential_instance_config", 0, "confidential_instance_type"),
                     False))
    elif isinstance(kind, Unknown) and enabled is not True:
        set_at(resource, "confidential_compute", kind, at)
    elif enabled is MISSING:
        set_at(resource, "confidential_compute", False, at)
    else:
        set_at(resource, "confidential_compute", enabled,
               where(native, ("confidential_instance_config", 0,
                              "enable_confidential_compute"), False))


def _interfaces(resource: Resource, native: NativeResource) -> None:
    blocks = blocks_in(native.attributes, "network_interface")
    if isinstance(blocks, Unknown):
        set_at(resource, "network_interfaces", blocks, where(native, "network_interface", False))
        return
    interfaces: list[Any] = []
    set_at(resource, "network_interfaces", interfaces,
           where(native, "network_interface", False))
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            interfaces.append(block)
            continue
        interface: dict[str, Any] = {}
        for name in ("network", "subnetwork"):
            value = value_in(block, name)
            if value is not MISSING:
                interface[name] = value
        access = blocks_in(block, "access_config")
        interface["public_ip"] = access if isinstance(access, Unknown) else bool(access)
        interfaces.append(interface)
        carry_locations(resource, native, ("network_interface", index),
                        ("network_interfaces", index))
        if value_in(block, "access_config") is not MISSING:
            carry_locations(resource, native, ("network_interface", index, "access_config"),
                            ("network_interfaces", index, "public_ip"))


_METADATA = (("serial_port_enabled", "serial-port-enable", False),
             ("block_project_ssh_keys", "block-project-ssh-keys", False),
             ("os_login_enabled", "enable-oslogin", None))


def _metadata(resource: Resource, native: NativeResource) -> None:
    metadata = value_at(native, "metadata")
    for canonical, key, default in _METADATA:
        if isinstance(metadata, Unknown):
            set_at(resource, canonical, metadata, where(native, "metadata", False))
            continue
        value = value_in(metadata, key) if isinstance(metadata, dict) else MISSING
        if value is MISSING:
            if default is not None:
                set_default(resource, canonical, default)
            continue
        found = where(native, ("metadata", key), False)
        set_at(resource, canonical, value if isinstance(value, Unknown)
               else metadata_flag(value), found)


def _service_account(resource: Resource, native: NativeResource) -> None:
    first = first_block(native.attributes, "service_account")
    if first is MISSING:
        return
    at = where(native, "service_account", False)
    if isinstance(first, Unknown):
        set_at(resource, "service_account", first, at)
        return
    account = service_account(value_in(first, "email"), value_in(first, "scopes"))
    set_at(resource, "service_account", account, at)
    carry_locations(resource, native, ("service_account", 0), "service_account")
    for name in ("email", "scopes"):
        if name in account:
            carry_locations(resource, native, ("service_account", 0, name),
                            ("service_account", name))


def service_account(email: Any, scopes: Any, *default_names: str) -> dict[str, Any]:
    """The canonical `service_account` of an email and scopes as written (MISSING when
    not): `uses_default` when no email is written, or the email is the Compute Engine
    default account (or one of `default_names`)."""
    account: dict[str, Any] = {}
    if email is not MISSING:
        account["email"] = email
    if isinstance(email, Unknown):
        account["uses_default"] = default_by_reference(email)
    else:
        account["uses_default"] = email is MISSING or email in default_names or bool(
            isinstance(email, str) and DEFAULT_ACCOUNT.match(email))
    if isinstance(scopes, list):
        account["scopes"] = [scope_url(scope) for scope in scopes]
    elif scopes is not MISSING:
        account["scopes"] = scopes
    return account


def default_by_reference(email: Unknown) -> Any:
    """An email known only after apply: a service account created in the configuration is
    not the default one, the one `google_compute_default_service_account` reads is."""
    kind = resource_type_of(email.ref) if email.ref else ""
    if kind == "google_service_account":
        return False
    if kind == "data.google_compute_default_service_account":
        return True
    return Unknown(f"email: {email.reason}", email.ref)


def _finish_disk(resource: Resource, native: NativeResource) -> None:
    block = first_block(native.attributes, "disk_encryption_key")
    at = where(native, "disk_encryption_key", False)
    if isinstance(block, Unknown):
        set_at(resource, "key", block, at)
        return
    if block is MISSING:
        set_default(resource, "key", "google-managed")
        set_default(resource, "raw_key_in_code", False)
        return
    key, raw = _key(native, block, ("raw_key", "rsa_encrypted_key"), "kms_key_self_link")
    set_at(resource, "key", key, at)
    set_at(resource, "raw_key_in_code", raw, at)


_DISK = KindMapping("gcp.compute.disk", (field("name"),), _finish_disk)

_SHIELDED = (
    field("secure_boot", "shielded_instance_config.0.enable_secure_boot", default=False),
    field("vtpm", "shielded_instance_config.0.enable_vtpm", default=True),
    field("integrity_monitoring", "shielded_instance_config.0.enable_integrity_monitoring",
          default=True),
)

_TEMPLATE = KindMapping("gcp.compute.instance_template", (
    field("name"),
    field("machine_type"),
    field("can_ip_forward", default=False),
    *_SHIELDED,
), _finish_instance)

MAPPINGS = {
    "google_compute_firewall": KindMapping("gcp.compute.firewall", (
        field("name"),
        field("network"),
        field("direction", default="INGRESS"),
        field("disabled", default=False),
        field("priority"),
        field("source_ranges"),
        field("source_tags"),
        field("source_service_accounts"),
        field("destination_ranges"),
    ), _finish_firewall),
    "google_compute_instance": KindMapping("gcp.compute.instance", (
        field("name"),
        field("machine_type"),
        field("can_ip_forward", default=False),
    *_SHIELDED,
    ), _finish_instance),
    "google_compute_disk": _DISK,
    "google_compute_region_disk": _DISK,
    "google_compute_instance_template": _TEMPLATE,
    "google_compute_region_instance_template": _TEMPLATE,
}

