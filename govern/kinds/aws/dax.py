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
        string("endpoint_encryption", "The encryption of the cluster's endpoint, `NONE` or "
               "`TLS`: Terraform `cluster_endpoint_encryption_type`, CloudFormation "
               "`ClusterEndpointEncryptionType`, live `ClusterEndpointEncryptionType`; "
               "`NONE` when not written (AWS's default). It can only be set when the "
               "cluster is created.", default="NONE", values=("NONE", "TLS")),
        tags_doc="CloudFormation: the `Tags` map"),
)
