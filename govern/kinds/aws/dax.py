"""Amazon DynamoDB Accelerator (DAX): clusters."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.dax.cluster", "DynamoDB Accelerator (DAX) cluster",
        string("name", "The cluster's name: Terraform `cluster_name`, CloudFormation "
               "`ClusterName` (absent when not written: CloudFormation generates one), live "
               "`ClusterName`."),
        boolean("server_side_encryption", "Whether the cluster's data at rest (its cache, "
                "configuration and logs) is encrypted: Terraform "
                "`server_side_encryption.enabled`, CloudFormation "
                "`SSESpecification.SSEEnabled`, live `SSEDescription.Status` (`ENABLED`); "
                "false when not written. It can only be set when the cluster is created.",
                default=False),
        tags_doc="CloudFormation: the `Tags` map"),
)
