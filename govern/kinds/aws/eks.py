"""Amazon EKS (Elastic Kubernetes Service): clusters and managed node groups."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, obj, string, strings

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
        strings("enabled_log_types", "The control plane log types sent to CloudWatch "
                "Logs (`api`, `audit`, `authenticator`, `controllerManager`, `scheduler`): "
                "Terraform `enabled_cluster_log_types`, CloudFormation the `Type` of each "
                "`Logging.ClusterLogging.EnabledTypes` entry, live the `types` of the "
                "`logging.clusterLogging` entries that are `enabled`. Absent when not "
                "written: none is sent (EKS's default)."),
        string("encryption_kms_key", "The KMS key of the first encryption configuration: "
               "Terraform `encryption_config.provider.key_arn`, CloudFormation "
               "`EncryptionConfig[0].Provider.KeyArn`.")),
    aws("aws.eks.node_group", "EKS managed node group",
        string("cluster_name", "The cluster of the node group (CloudFormation "
               "`ClusterName`)."),
        obj("remote_access", "SSH (RDP on Windows) access to the nodes: Terraform's "
            "`remote_access` block, CloudFormation `RemoteAccess`, live `remoteAccess`; "
            "absent when not configured (no remote access).",
            string("ec2_ssh_key", "The EC2 key pair the nodes accept (CloudFormation "
                   "`Ec2SshKey`)."),
            strings("source_security_groups", "The security groups allowed to reach the "
                    "nodes' SSH (or RDP) port: Terraform `source_security_group_ids`, "
                    "CloudFormation `SourceSecurityGroups`; absent when not written: with "
                    "an `ec2_ssh_key`, EKS opens the port to `0.0.0.0/0`."))),
)
