"""Secrets Manager: `AWS::SecretsManager::Secret` (`kms_key` absent when `KmsKeyId` is not
written: the AWS managed key `aws/secretsmanager`), with the
`AWS::SecretsManager::RotationSchedule` that names it (`SecretId`: `!Ref Secret`, its ARN
or its name) folded in as `rotation_enabled` (false without one) and
`rotation_interval_hours` (its `RotationRules`, `govern.adapters.secret_rotation`). A
schedule of a secret
that is not in the template is judged on an external parent."""

from __future__ import annotations

from govern.adapters.building import field, set_default
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.secret_rotation import name_unless_arn, set_rotation
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

KIND = "aws.secretsmanager.secret"


def _finish_secret(secret: Resource, native: NativeResource) -> None:
    del native
    set_default(secret, "rotation_enabled", False)


def fold_rotation_schedule(native: NativeResource, ctx: TemplateContext) -> None:
    """`AWS::SecretsManager::RotationSchedule` -> `rotation_enabled` and
    `rotation_interval_hours` of its secret."""
    secret = ctx.fold_target(native, "SecretId", [KIND], "secret",
                             external=(KIND, "AWS::SecretsManager::Secret", name_unless_arn))
    if secret is None:
        return
    ctx.absorb(native, secret)
    set_rotation(secret, native, "RotationRules", "RotationRules.AutomaticallyAfterDays",
                 "RotationRules.ScheduleExpression")


MAPPINGS = {
    "AWS::SecretsManager::Secret": KindMapping(KIND, (
        field("name", "Name"),
        field("kms_key", "KmsKeyId"),
    ), _finish_secret),
}

FOLDERS = {"AWS::SecretsManager::RotationSchedule": fold_rotation_schedule}
