"""Amazon ECR (Elastic Container Registry): repositories."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, policy, string

KINDS = (
    aws("aws.ecr.repository", "ECR container image repository",
        string("name", "The repository's name (CloudFormation `RepositoryName`)."),
        string("encryption_type", "How images are encrypted at rest: Terraform "
               "`encryption_configuration.encryption_type`, CloudFormation "
               "`EncryptionConfiguration.EncryptionType`; `AES256` (SSE-S3) when not "
               "written.", default="AES256", values=("AES256", "KMS", "KMS_DSSE")),
        string("kms_key", "The KMS key of `KMS`/`KMS_DSSE` encryption: Terraform "
               "`encryption_configuration.kms_key`, CloudFormation "
               "`EncryptionConfiguration.KmsKey`; absent with `KMS`: the AWS managed key "
               "`aws/ecr`."),
        string("image_tag_mutability", "Whether image tags can be overwritten "
               "(CloudFormation `ImageTagMutability`); `MUTABLE` when not written.",
               default="MUTABLE",
               values=("MUTABLE", "IMMUTABLE", "MUTABLE_WITH_EXCLUSION",
                       "IMMUTABLE_WITH_EXCLUSION")),
        boolean("scan_on_push", "Whether images are scanned when pushed: Terraform "
                "`image_scanning_configuration.scan_on_push`, CloudFormation "
                "`ImageScanningConfiguration.ScanOnPush`; false when not written.",
                default=False),
        policy("policy", "The repository policy, normalized: Terraform an "
               "`aws_ecr_repository_policy` folded in (by `repository`), CloudFormation "
               "`RepositoryPolicyText`, live GetRepositoryPolicy; absent: none.")),
)
