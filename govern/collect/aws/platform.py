"""Platform services read live: Secrets Manager secrets, CodeBuild projects (here), Athena
workgroups, the Glue Data Catalog encryption settings and SageMaker notebook instances
(platform_data.py), AMI launch permissions (platform_images.py), per region; and the
account's IAM password policy (platform_iam.py), once per account."""

from __future__ import annotations

from typing import Any

from govern.adapters.secret_rotation import rotation_hours
from govern.collect.aws.paging import in_batches, listed
from govern.collect.aws.platform_data import (
    athena_workgroups,
    glue_catalog_encryption,
    notebook_instances,
)
from govern.collect.aws.platform_iam import password_policy
from govern.collect.aws.platform_images import ami_launch_permissions
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import (
    lower_case_tags,
    set_maybe_absent,
    set_optional,
    set_unknown,
    tag_map,
)
from govern.model.resource import Resource
from govern.model.unknown import Unknown

# the name of the AWS managed key of Secrets Manager, as a template would write it
SECRETS_MANAGED_KEY = "alias/aws/secretsmanager"
CODEBUILD_BATCH = 100  # BatchGetProjects takes at most 100 names
# what BatchGetProjects gives: always, or only when configured (absent otherwise)
CODEBUILD_VALUES = ("artifacts_encryption_disabled", "privileged_mode", "s3_logs_status",
                    "s3_logs_encryption_disabled", "tags")
CODEBUILD_OPTIONAL = ("artifacts_type", "kms_key")


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return [*_secrets(clients("secretsmanager"), clients("kms"), reader, account, region),
            *_codebuild_projects(clients("codebuild"), reader, account, region),
            *athena_workgroups(clients("athena"), reader, account, region),
            *glue_catalog_encryption(clients("glue"), reader, account, region),
            *notebook_instances(clients("sagemaker"), reader, account, region),
            *ami_launch_permissions(clients("ec2"), reader, account, region)]


def collect_global(clients: Any, reader: Reader, account: str,
                   home: str) -> list[Resource]:
    """The account's IAM password policy (IAM is global: read once, from `home`)."""
    return [password_policy(clients("iam"), reader, account)]


def _secrets(secretsmanager: Any, kms: Any, reader: Reader, account: str,
             region: str) -> list[Resource]:
    """`name`, `kms_key` (absent: the AWS managed key, which ListSecrets then omits; a key
    named by id or ARN that DescribeKey shows to be AWS managed becomes
    `alias/aws/secretsmanager`), `rotation_enabled` (`RotationEnabled`, false when
    omitted) and for a rotated secret `rotation_interval_hours` (`RotationRules`), `tags`.
    Secrets pending deletion are not listed."""
    listing = listed(reader.pages(secretsmanager, "ListSecrets", region, "SecretList"))
    key_managers: dict[str, str | Unknown] = {}
    found = []
    for item in listing:
        arn = item.get("ARN") or f"arn:aws:secretsmanager:{region}:{account}:secret:" \
            f"{item['Name']}"
        secret = live_resource(arn, "aws.secretsmanager.secret",
                               "AWS::SecretsManager::Secret", account, region)
        secret.set("name", item["Name"])
        key = item.get("KmsKeyId")
        if key:
            secret.set("kms_key", _secret_key(kms, reader, str(key), key_managers))
        rotated = bool(item.get("RotationEnabled", False))
        secret.set("rotation_enabled", rotated)
        if rotated:
            rules = item.get("RotationRules") or {}
            secret.set("rotation_interval_hours", rotation_hours(
                rules.get("AutomaticallyAfterDays"), rules.get("ScheduleExpression")))
        secret.set("tags", tag_map(item.get("Tags")))
        found.append(secret)
    return found


def _secret_key(kms: Any, reader: Reader, key: str,
                key_managers: dict[str, str | Unknown]) -> str | Unknown:
    """The key as the rule reads it: an AWS managed alias as it is; a key id, ARN or
    customer alias as it is unless KMS says the key is AWS managed; Unknown when KMS
    cannot say (the rule would pass a key it could not check)."""
    if key.startswith("alias/aws/") or ":alias/aws/" in key:
        return key
    if key not in key_managers:
        described = reader.call(kms, "DescribeKey", key, KeyId=key)
        if isinstance(described, Failed):
            key_managers[key] = described.unknown
        else:
            key_managers[key] = str((described or {}).get("KeyMetadata", {})
                                    .get("KeyManager", "CUSTOMER"))
    manager = key_managers[key]
    if isinstance(manager, Unknown):
        return manager
    return SECRETS_MANAGED_KEY if manager == "AWS" else key


def _codebuild_projects(codebuild: Any, reader: Reader, account: str,
                        region: str) -> list[Resource]:
    listing = listed(reader.pages(codebuild, "ListProjects", region, "projects"))
    found: list[Resource] = []
    for names in in_batches([str(name) for name in listing], CODEBUILD_BATCH):
        answer = reader.call(codebuild, "BatchGetProjects", region, names=names)
        if isinstance(answer, Failed):
            found.extend(_unread_project(name, answer.unknown, account, region)
                         for name in names)
            continue
        found.extend(_project(item, account, region)
                     for item in (answer or {}).get("projects", []))
    return found


def _project_arn(name: str, account: str, region: str) -> str:
    return f"arn:aws:codebuild:{region}:{account}:project/{name}"


def _project(item: dict[str, Any], account: str, region: str) -> Resource:
    """`artifacts_encryption_disabled` false unless the primary artifacts disable it;
    `kms_key` as CodeBuild answers it (`arn:...:alias/aws/s3` for the AWS managed key);
    `privileged_mode`; `s3_logs_status` (`DISABLED` when no S3 logs are configured) and
    `s3_logs_encryption_disabled`."""
    arn = item.get("arn") or _project_arn(item["name"], account, region)
    project = live_resource(arn, "aws.codebuild.project", "AWS::CodeBuild::Project",
                            account, region)
    project.set("name", item["name"])
    artifacts = item.get("artifacts") or {}
    set_optional(project, "artifacts_type", artifacts.get("type"))
    project.set("artifacts_encryption_disabled",
                bool(artifacts.get("encryptionDisabled", False)))
    set_optional(project, "kms_key", item.get("encryptionKey"))
    project.set("privileged_mode",
                bool((item.get("environment") or {}).get("privilegedMode", False)))
    s3_logs = (item.get("logsConfig") or {}).get("s3Logs") or {}
    project.set("s3_logs_status", s3_logs.get("status") or "DISABLED")
    project.set("s3_logs_encryption_disabled", bool(s3_logs.get("encryptionDisabled", False)))
    project.set("tags", lower_case_tags(item.get("tags")))
    return project


def _unread_project(name: str, unknown: Unknown, account: str, region: str) -> Resource:
    project = live_resource(_project_arn(name, account, region), "aws.codebuild.project",
                            "AWS::CodeBuild::Project", account, region)
    project.set("name", name)
    set_unknown(project, unknown, *CODEBUILD_VALUES)
    set_maybe_absent(project, unknown, *CODEBUILD_OPTIONAL)
    return project
