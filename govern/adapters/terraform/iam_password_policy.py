"""The account's IAM password policy: `aws_iam_account_password_policy`.

When the resource exists but leaves an argument out, IAM applies its own value:
`minimum_password_length` 6 (written as a default); `password_reuse_prevention` absent
(passwords may be reused); `max_password_age` absent (passwords never expire).
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_iam_account_password_policy": KindMapping("aws.iam.password_policy", (
        field("minimum_password_length", default=6),
        field("password_reuse_prevention"),
        field("max_password_age"),
        field("require_lowercase_characters", default=False),
        field("require_uppercase_characters", default=False),
        field("require_numbers", default=False),
        field("require_symbols", default=False),
    )),
}
