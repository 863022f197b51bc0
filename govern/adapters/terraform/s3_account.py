"""The account-level S3 public access block: `aws_s3_account_public_access_block` (the
four flags default to false, as for a bucket's `aws_s3_bucket_public_access_block`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_s3_account_public_access_block": KindMapping("aws.s3.account_public_access_block", (
        field("block_public_acls", default=False),
        field("block_public_policy", default=False),
        field("ignore_public_acls", default=False),
        field("restrict_public_buckets", default=False),
    )),
}
