"""Amazon EKS (Elastic Kubernetes Service): clusters."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string, strings

KINDS = (
    aws("aws.eks.cluster", "EKS cluster (control plane)",
        string("name", "The cluster's name (CloudFormation `Name`)."),
        boolean("endpoint_public_access", "Whether the Kubernetes API endpoint is reachable "
                "from the internet: Terraform `vpc_config.endpoint_public_access`, "
                "CloudFormation `ResourcesVpcConfig.EndpointPublicAccess`; true when not "
                "written.", default=True),
        boolean("endpoint_private_access", "Whether the endpoint is reachable from the "
                "cluster's VPC: Terraform `vpc_config.endpoint_private_access`, "
                "CloudFormation `ResourcesVpcConfig.EndpointPrivateAccess`; false when not "
                "written.", default=False),
        strings("public_access_cidrs", "The CIDR blocks admitted to the public endpoint: "
                "Terraform `vpc_config.public_access_cidrs`, CloudFormation "
                "`ResourcesVpcConfig.PublicAccessCidrs`; absent when not written: "
                "`0.0.0.0/0`, every address."),
        strings("encrypted_resources", "What envelope encryption covers, e.g. "
                "`[\"secrets\"]`: the `resources` (CloudFormation `Resources`) of every "
                "encryption configuration (Terraform `encryption_config`, CloudFormation "
                "`EncryptionConfig`), in order; absent without one."),
        string("encryption_kms_key", "The KMS key of the first encryption configuration: "
               "Terraform `encryption_config.provider.key_arn`, CloudFormation "
               "`EncryptionConfig[0].Provider.KeyArn`.")),
)
