"""Google Cloud Key Management Service (Cloud KMS): key rings and crypto keys, with their
IAM bindings folded in."""

from __future__ import annotations

from govern.kinds.declare import gcp, integer, string
from govern.kinds.gcp.resource_iam import iam_bindings

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
        iam_bindings("key", "`google_kms_crypto_key_iam_*`", "`crypto_key_id`"),
        tags_doc="Google Cloud labels (`labels`)"),
    gcp("gcp.kms.key_ring", "Cloud KMS key ring (`google_kms_key_ring`), with its key "
        "ring IAM bindings and members folded in; a role granted on a key ring applies to "
        "every key in it",
        string("name", "The key ring's name (`name`)."),
        string("location", "The key ring's location (`location`, e.g. `europe-west1`, "
               "`global`)."),
        iam_bindings("key ring", "`google_kms_key_ring_iam_*`", "`key_ring_id`"),
        taggable=False),
)
