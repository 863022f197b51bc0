"""The canonical kinds: the vocabulary rules are written in.

Each kind lists the formats that can produce it (for `rules list` and the parity tests)
and whether it carries tags. Adapters must only emit kinds listed here.
"""

from __future__ import annotations

from dataclasses import dataclass

AWS_FORMATS = ("terraform", "cloudformation", "tfplan", "aws-live")
AZURE_FORMATS = ("terraform", "arm", "tfplan")


@dataclass(frozen=True)
class KindInfo:
    name: str
    description: str
    formats: tuple[str, ...]
    taggable: bool = True


def _aws(name: str, description: str, taggable: bool = True) -> KindInfo:
    return KindInfo(name, description, AWS_FORMATS, taggable)


def _azure(name: str, description: str, taggable: bool = True) -> KindInfo:
    return KindInfo(name, description, AZURE_FORMATS, taggable)


KINDS: dict[str, KindInfo] = {
    k.name: k
    for k in (
        _aws("aws.s3.bucket", "S3 bucket, with its encryption, ACL, policy, public access "
             "block, versioning and logging folded in"),
        _aws("aws.ec2.security_group", "EC2/VPC security group with all its rules"),
        _aws("aws.ec2.instance", "EC2 instance"),
        _aws("aws.ec2.volume", "EBS volume"),
        _aws("aws.rds.instance", "RDS database instance"),
        _aws("aws.rds.cluster", "RDS/Aurora cluster"),
        _aws("aws.iam.policy", "IAM managed policy"),
        _aws("aws.iam.role", "IAM role with trust policy and inline/attached policies"),
        _aws("aws.iam.user", "IAM user with inline/attached policies"),
        _aws("aws.iam.group", "IAM group with inline/attached policies", taggable=False),
        _aws("aws.kms.key", "KMS key"),
        _azure("azure.storage.account", "Azure storage account"),
        _azure("azure.network.security_group", "Azure network security group with its rules"),
        _azure("azure.authorization.role_assignment", "Azure RBAC role assignment",
               taggable=False),
        _azure("azure.authorization.role_definition", "Azure RBAC custom role definition",
               taggable=False),
    )
}


def taggable_kinds(provider: str | None = None) -> list[str]:
    return sorted(k for k, v in KINDS.items()
                  if v.taggable and (provider is None or k.startswith(provider + ".")))
