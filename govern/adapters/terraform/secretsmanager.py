"""Secrets Manager: `aws_secretsmanager_secret` (`kms_key` absent when not written: the
AWS managed key `aws/secretsmanager`), with the `aws_secretsmanager_secret_rotation` that
names it (`secret_id`: a reference, its ARN or its name) folded in as `rotation_enabled`
(false without one) and `rotation_interval_hours` (its `rotation_rules`,
`govern.adapters.secret_rotation`). A rotation of a secret that is not in the
configuration is judged on an external parent."""

from __future__ import annotations

from govern.adapters.building import field, set_default
from govern.adapters.secret_rotation import name_unless_arn, set_rotation
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

KIND = "aws.secretsmanager.secret"


def _finish_secret(secret: Resource, native: NativeResource) -> None:
    del native
    set_default(secret, "rotation_enabled", False)


def fold_rotation(native: NativeResource, ctx: RootContext) -> None:
    """`aws_secretsmanager_secret_rotation` -> `rotation_enabled` and
    `rotation_interval_hours` of the secret it names."""
    secret = ctx.fold_target(native, "secret_id", [KIND], "secret",
                             external=(KIND, "aws_secretsmanager_secret", name_unless_arn))
    if secret is None:
        return
    ctx.absorb(native, secret)
    set_rotation(secret, native, "rotation_rules", "rotation_rules.0.automatically_after_days",
                 "rotation_rules.0.schedule_expression")


MAPPINGS = {
    "aws_secretsmanager_secret": KindMapping(KIND, (
        field("name"),
        field("kms_key", "kms_key_id"),
    ), _finish_secret),
}

FOLDERS = {"aws_secretsmanager_secret_rotation": fold_rotation}
