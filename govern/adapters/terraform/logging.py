"""Logging: `aws_cloudtrail` and `aws_cloudwatch_log_group`.

A trail or log group without `kms_key_id` is encrypted with keys AWS owns (CloudTrail's
S3 server-side encryption, CloudWatch Logs' own encryption): `kms_key` is then absent.
`is_multi_region_trail` and `enable_log_file_validation` default to false.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_cloudtrail": KindMapping("aws.cloudtrail.trail", (
        field("name"),
        field("kms_key", "kms_key_id"),
        field("is_multi_region_trail", default=False),
        field("log_file_validation", "enable_log_file_validation", default=False),
    )),
    "aws_cloudwatch_log_group": KindMapping("aws.logs.log_group", (
        field("name"),
        field("kms_key", "kms_key_id"),
        field("retention_in_days"),
    )),
}
