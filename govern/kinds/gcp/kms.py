"""Google Cloud Key Management Service (Cloud KMS): crypto keys."""

from __future__ import annotations

from govern.kinds.declare import gcp, integer, string

KINDS = (
    gcp("gcp.kms.crypto_key", "Cloud KMS crypto key",
        string("name", "The key's name."),
        string("purpose", "What the key is for (`purpose`); `ENCRYPT_DECRYPT` when not "
               "written, the only purpose with automatic rotation.",
               default="ENCRYPT_DECRYPT",
               values=("ENCRYPT_DECRYPT", "ASYMMETRIC_SIGN", "ASYMMETRIC_DECRYPT",
                       "RAW_ENCRYPT_DECRYPT", "MAC")),
        integer("rotation_period_seconds", "How often the key is rotated: "
                "`rotation_period` (`\"7776000s\"`) as a number of seconds (a fraction is "
                "dropped; a value that is not such a duration is Unknown); absent when not "
                "set: no automatic rotation."),
        tags_doc="Google Cloud labels (`labels`)"),
)
