"""Logging: `AWS::CloudTrail::Trail` and `AWS::Logs::LogGroup` (defaults as in the
Terraform adapter: no `kms_key` means keys AWS owns; `is_multi_region_trail` and
`log_file_validation` default to false)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

MAPPINGS = {
    "AWS::CloudTrail::Trail": KindMapping("aws.cloudtrail.trail", (
        field("name", "TrailName"),
        field("kms_key", "KMSKeyId"),
        field("is_multi_region_trail", "IsMultiRegionTrail", function=to_bool, default=False),
        field("log_file_validation", "EnableLogFileValidation", function=to_bool,
              default=False),
    )),
    "AWS::Logs::LogGroup": KindMapping("aws.logs.log_group", (
        field("name", "LogGroupName"),
        field("kms_key", "KmsKeyId"),
        field("retention_in_days", "RetentionInDays"),
    )),
}
