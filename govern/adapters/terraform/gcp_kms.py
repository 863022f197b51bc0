"""Cloud KMS: `google_kms_crypto_key` and `google_kms_key_ring` (their IAM resources are
folded in by `gcp_resource_iam`).

`purpose` defaults to `ENCRYPT_DECRYPT` (the only purpose with automatic rotation).
`rotation_period_seconds` is `rotation_period` (`"7776000s"`) as a number of seconds,
absent when not set (no automatic rotation).
"""

from __future__ import annotations

import re
from typing import Any

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping
from govern.model.unknown import Unknown

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)s\s*$")


def duration_seconds(value: Any) -> Any:
    """`"7776000s"` -> 7776000 (a fraction is dropped); anything else is Unknown."""
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        return Unknown(f"cannot read the duration {value!r}")
    seconds = float(match.group(1))
    if seconds > 1e15:  # past any rotation period; int() of inf would raise
        return seconds
    return int(seconds)


MAPPINGS = {
    "google_kms_crypto_key": KindMapping("gcp.kms.crypto_key", (
        field("name"),
        field("purpose", default="ENCRYPT_DECRYPT"),
        field("rotation_period_seconds", "rotation_period", function=duration_seconds),
    )),
    "google_kms_key_ring": KindMapping("gcp.kms.key_ring", (
        field("name"), field("location"))),
}
