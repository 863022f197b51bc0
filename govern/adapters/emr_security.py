"""The encryption settings of an EMR security configuration, read from its JSON (a
Terraform `configuration` string, possibly `jsonencode` with unknown parts, a
CloudFormation `SecurityConfiguration` object or string, a live
DescribeSecurityConfiguration answer): `EncryptionConfiguration.EnableAtRestEncryption`
and `EnableInTransitEncryption` (false when not written), and local disk encryption, on
when at-rest encryption is enabled with an `AtRestEncryptionConfiguration
.LocalDiskEncryptionConfiguration`; EBS encryption, on when local disk encryption is
and its `EnableEbsEncryption` is true."""

from __future__ import annotations

import json
from typing import Any

from govern.adapters.building import to_bool
from govern.model.unknown import PartialJson, Unknown

ATTRIBUTES = ("at_rest_encryption_enabled", "in_transit_encryption_enabled",
              "local_disk_encryption_enabled", "ebs_encryption_enabled")


def _document(value: Any) -> dict[str, Any] | Unknown:
    if isinstance(value, PartialJson):
        value = value.structure
    elif isinstance(value, Unknown):
        return value
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return Unknown("the security configuration is not JSON")
    if not isinstance(value, dict):
        return Unknown("the security configuration is not a JSON object")
    return value


def _member(node: Any, key: str) -> Any:
    """`node[key]`: None when absent; Unknown below an Unknown or a non-object."""
    if isinstance(node, Unknown):
        return node
    if node is None:
        return None
    if not isinstance(node, dict):
        return Unknown(f"{key}: expected a JSON object")
    return node.get(key)


def _flag(value: Any) -> Any:
    """A JSON flag: false when absent; Unknown when not known or not a boolean."""
    if value is None:
        return False
    value = to_bool(value)
    if isinstance(value, (bool, Unknown)):
        return value
    return Unknown("expected true or false")


def encryption_settings(configuration: Any) -> dict[str, Any]:
    """The ATTRIBUTES (booleans or Unknown) of a security configuration."""
    document = _document(configuration)
    encryption = _member(document, "EncryptionConfiguration")
    at_rest = _flag(_member(encryption, "EnableAtRestEncryption"))
    in_transit = _flag(_member(encryption, "EnableInTransitEncryption"))
    local_disk = _member(_member(encryption, "AtRestEncryptionConfiguration"),
                         "LocalDiskEncryptionConfiguration")
    local: bool | Unknown
    if at_rest is False:
        local = False
    elif isinstance(local_disk, Unknown):
        local = local_disk
    elif isinstance(at_rest, Unknown):
        local = False if local_disk is None else at_rest
    else:
        local = local_disk is not None
    return {"at_rest_encryption_enabled": at_rest,
            "in_transit_encryption_enabled": in_transit,
            "local_disk_encryption_enabled": local,
            "ebs_encryption_enabled": _both(local, _flag(_member(local_disk,
                                                                  "EnableEbsEncryption")))}


def _both(first: bool | Unknown, second: Any) -> Any:
    """`first and second`, false when either is known false, else Unknown if either is."""
    if first is False or second is False:
        return False
    if isinstance(first, Unknown):
        return first
    return second
