"""AWS SageMaker: notebook instances."""

from __future__ import annotations

from govern.kinds.declare import aws, string

KINDS = (
    aws("aws.sagemaker.notebook_instance", "SageMaker notebook instance",
        string("name", "The notebook instance's name (CloudFormation "
               "`NotebookInstanceName`); absent when AWS generates it."),
        string("kms_key", "The KMS key encrypting the ML storage volume: Terraform "
               "`kms_key_id`, CloudFormation and live `KmsKeyId`; absent: a key AWS "
               "manages."),
        string("direct_internet_access", "Internet access through SageMaker's network "
               "(CloudFormation `DirectInternetAccess`); `Enabled` when not written.",
               default="Enabled", values=("Enabled", "Disabled")),
        string("root_access", "Root access for the notebook's users (CloudFormation "
               "`RootAccess`); `Enabled` when not written.",
               default="Enabled", values=("Enabled", "Disabled"))),
)
