"""AWS S3: buckets and the account's public access block."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, obj, objects, policy, string

KINDS = (
    aws("aws.s3.bucket", "S3 bucket, with its encryption, ACL, policy, public access "
        "block, versioning and logging folded in",
        string("name", "The bucket's name: Terraform `bucket`, CloudFormation `BucketName`; "
               "absent when AWS generates it (Terraform `bucket_prefix` or no name)."),
        string("acl", "The canned ACL: Terraform `acl` (on the bucket or an "
               "`aws_s3_bucket_acl`), CloudFormation `AccessControl` with its name "
               "translated (`PublicRead` is `public-read`). A live bucket has no canned "
               "ACL, only `grants`.",
               values=("private", "public-read", "public-read-write", "aws-exec-read",
                       "authenticated-read", "bucket-owner-read",
                       "bucket-owner-full-control", "log-delivery-write")),
        objects("grants", "The explicit ACL grants, one entry per permission: Terraform "
                "inline `grant` blocks or an `aws_s3_bucket_acl`'s "
                "`access_control_policy.grant`, live GetBucketAcl; each entry has the keys "
                "that are set. CloudFormation has no grants (only `AccessControl`).",
                string("grantee_type", "Who is granted: Terraform `type`, live `Type`.",
                       values=("CanonicalUser", "Group", "AmazonCustomerByEmail")),
                string("uri", "The group granted, e.g. "
                       "`http://acs.amazonaws.com/groups/global/AllUsers` (everyone)."),
                string("id", "The canonical user id granted."),
                string("email", "The email address of the account granted (Terraform "
                       "`email_address`)."),
                string("permission", "The permission granted (Terraform `permissions`, one "
                       "entry each).",
                       values=("FULL_CONTROL", "READ", "WRITE", "READ_ACP", "WRITE_ACP"))),
        obj("encryption", "The default encryption: Terraform's legacy inline "
            "`server_side_encryption_configuration` or an "
            "`aws_s3_bucket_server_side_encryption_configuration`, CloudFormation "
            "`BucketEncryption`, live GetBucketEncryption. Absent when nothing is "
            "configured, although AWS has encrypted new buckets with SSE-S3 since 2023 "
            "(a live bucket then reports `{enabled: true, algorithm: AES256}`).",
            boolean("enabled", "True when a rule applies a default encryption "
                    "(`apply_server_side_encryption_by_default`, CloudFormation "
                    "`ServerSideEncryptionByDefault`); false when a configuration exists but "
                    "no rule applies one."),
            string("algorithm", "Terraform `sse_algorithm`, CloudFormation `SSEAlgorithm`.",
                   values=("AES256", "aws:kms", "aws:kms:dsse")),
            string("kms_key", "The KMS key: Terraform `kms_master_key_id`, CloudFormation "
                   "`KMSMasterKeyID`; absent with `aws:kms`: the AWS managed key `aws/s3`."),
            boolean("bucket_key_enabled", "Whether an S3 Bucket Key is used (the rule's "
                    "`bucket_key_enabled`, CloudFormation `BucketKeyEnabled`).")),
        obj("public_access_block", "The bucket's own public access block: an "
            "`aws_s3_bucket_public_access_block`, CloudFormation "
            "`PublicAccessBlockConfiguration`, live GetPublicAccessBlock; absent when none "
            "is attached. The account's block is the separate kind "
            "`aws.s3.account_public_access_block`.",
            boolean("block_public_acls", "Reject requests that set public ACLs; false when "
                    "not written.", default=False),
            boolean("block_public_policy", "Reject bucket policies that grant public "
                    "access; false when not written.", default=False),
            boolean("ignore_public_acls", "Ignore the public ACLs on the bucket and its "
                    "objects; false when not written.", default=False),
            boolean("restrict_public_buckets", "Only AWS services and the owner account "
                    "may access the bucket when its policy is public; false when not "
                    "written.", default=False)),
        string("object_ownership", "Object Ownership (`BucketOwnerEnforced` disables ACLs): "
               "an `aws_s3_bucket_ownership_controls`'s `rule.object_ownership`, "
               "CloudFormation `OwnershipControls.Rules[0].ObjectOwnership`; absent "
               "without ownership controls.",
               values=("BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter")),
        policy("policy", "The bucket policy, normalized: Terraform's legacy `policy` or an "
               "`aws_s3_bucket_policy`, CloudFormation an `AWS::S3::BucketPolicy` folded "
               "in (`PolicyDocument`), live GetBucketPolicy; absent: no bucket policy."),
        obj("versioning", "Terraform's legacy inline `versioning` block or an "
            "`aws_s3_bucket_versioning` (`versioning_configuration`), CloudFormation "
            "`VersioningConfiguration`, live GetBucketVersioning; absent when not "
            "configured.",
            boolean("enabled", "Versioning is on (`status`/`Status` `Enabled`; the legacy "
                    "block's `enabled`, false when not written there)."),
            boolean("mfa_delete", "MFA delete is on (`mfa_delete` `Enabled`; the legacy "
                    "block's `mfa_delete`, false when not written there); never in "
                    "CloudFormation, always read live.")),
        obj("logging", "Server access logging: Terraform's legacy inline `logging` block or "
            "an `aws_s3_bucket_logging`, CloudFormation `LoggingConfiguration`, live "
            "GetBucketLogging; absent when not configured.",
            boolean("enabled", "True whenever logging is configured (Unknown when the "
                    "block is)."),
            string("target_bucket", "The bucket receiving the logs (CloudFormation "
                   "`DestinationBucketName`): a `logging_target` edge leads to it when it "
                   "is in the same configuration."),
            string("target_prefix", "The prefix of the log objects (CloudFormation "
                   "`LogFilePrefix`)."))),
    aws("aws.s3.account_public_access_block", "S3 public access block of an account (all "
        "its buckets)",
        boolean("block_public_acls", "Reject requests that set public ACLs; false when not "
                "written. The account's block (Terraform "
                "`aws_s3_account_public_access_block`; CloudFormation has no resource for "
                "it) is a separate kind, not folded into the buckets: a bucket's "
                "`public_access_block` stays what the bucket itself has, as in a template. "
                "Live: absent when the account has none, id "
                "`arn:aws:s3::<account>:account-public-access-block`, context "
                "`aws:<account>:global`.", default=False),
        boolean("block_public_policy", "Reject bucket policies that grant public access; "
                "false when not written.", default=False),
        boolean("ignore_public_acls", "Ignore the public ACLs on every bucket and object; "
                "false when not written.", default=False),
        boolean("restrict_public_buckets", "Only AWS services and the owner account may "
                "access a bucket whose policy is public; false when not written.",
                default=False),
        formats=("terraform", "tfplan", "aws-live"), taggable=False),
)
