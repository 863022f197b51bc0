"""SageMaker: `AWS::SageMaker::NotebookInstance`, as in the Terraform adapter
(`direct_internet_access` and `root_access` default to `Enabled`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping

MAPPINGS = {
    "AWS::SageMaker::NotebookInstance": KindMapping("aws.sagemaker.notebook_instance", (
        field("name", "NotebookInstanceName"),
        field("kms_key", "KmsKeyId"),
        field("direct_internet_access", "DirectInternetAccess", default="Enabled"),
        field("root_access", "RootAccess", default="Enabled"),
    )),
}
