"""AWS Key Management Service (KMS): keys."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, policy, string

KINDS = (
    aws("aws.kms.key", "KMS key (also a multi-Region replica key: Terraform "
        "`aws_kms_replica_key`, CloudFormation `AWS::KMS::ReplicaKey`, whose `key_spec`, "
        "`key_usage` and `enable_key_rotation` are its primary key's: Unknown there)",
        string("description", "The key's description (CloudFormation `Description`)."),
        boolean("enable_key_rotation", "Automatic yearly rotation of the key material "
                "(CloudFormation `EnableKeyRotation`); false when not written. Live: read "
                "for symmetric keys only, false for the others (rotation exists only for "
                "symmetric encryption keys).", default=False),
        string("key_spec", "The key's type: Terraform `customer_master_key_spec`, "
               "CloudFormation and live `KeySpec`; `SYMMETRIC_DEFAULT` when not written. Live "
               "keys are the customer managed ones not pending deletion; `key_spec` is "
               "Unknown when DescribeKey fails (the key may be an AWS managed one).",
               default="SYMMETRIC_DEFAULT",
               values=("SYMMETRIC_DEFAULT", "RSA_2048", "RSA_3072", "RSA_4096",
                       "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1",
                       "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2", "ML_DSA_44",
                       "ML_DSA_65", "ML_DSA_87")),
        string("key_usage", "What the key is for (CloudFormation `KeyUsage`); absent when "
               "not written, which means `ENCRYPT_DECRYPT`.",
               values=("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC",
                       "KEY_AGREEMENT")),
        boolean("multi_region", "A multi-Region primary key (CloudFormation `MultiRegion`); "
                "absent when not written (a single-Region key)."),
        policy("policy", "The key policy, normalized: Terraform `policy`, CloudFormation "
               "`KeyPolicy`, live GetKeyPolicy; absent when not written (KMS then gives "
               "the key its default policy, which trusts the account).")),
)
