"""SageMaker: `aws_sagemaker_notebook_instance` (`direct_internet_access` and
`root_access` default to `Enabled`; without `kms_key_id` the ML storage volume is
encrypted with a key AWS manages)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_sagemaker_notebook_instance": KindMapping("aws.sagemaker.notebook_instance", (
        field("name"),
        field("kms_key", "kms_key_id"),
        field("direct_internet_access", default="Enabled"),
        field("root_access", default="Enabled"),
    )),
}
