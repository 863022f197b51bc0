"""Amazon EC2 Auto Scaling: launch configurations."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, integer, obj, objects, string

KINDS = (
    aws("aws.autoscaling.launch_configuration", "EC2 Auto Scaling launch configuration",
        string("name", "The launch configuration's name (Terraform `name`, CloudFormation "
               "`LaunchConfigurationName`); absent when generated."),
        boolean("associate_public_ip_address", "Whether the instances launched get a public "
                "IP address (CloudFormation `AssociatePublicIpAddress`). Absent when not "
                "written: the subnet's `map_public_ip_on_launch` decides (a default VPC's "
                "subnets give one)."),
        obj("root_block_device", "The root volume: Terraform's `root_block_device` block. "
            "CloudFormation and live have none: which of the `BlockDeviceMappings` is the "
            "root depends on the AMI.",
            boolean("encrypted", "Whether the root volume is encrypted; absent when not "
                    "written: the AMI's snapshot and the account's EBS encryption by "
                    "default decide. CloudFormation and live: the `Ebs.Encrypted` of the "
                    "mapping named `/dev/xvda` or `/dev/sda1` (the names AWS reserves for "
                    "the root device), else Unknown when another mapping is stated "
                    "encrypted (it may be the root volume), else absent.")),
        objects("ebs_block_devices", "The other EBS volumes: Terraform `ebs_block_device` "
                "blocks, CloudFormation `BlockDeviceMappings` entries with `Ebs`, live "
                "every `BlockDeviceMappings` entry with `Ebs` (instance store and "
                "`NoDevice` entries are left out); each entry has the keys that are set. "
                "Absent when none is written (live: always present).",
                string("device_name", "The device name, e.g. `/dev/sdf` (CloudFormation "
                       "`DeviceName`)."),
                boolean("encrypted", "Whether the volume is encrypted (CloudFormation "
                        "`Ebs.Encrypted`); absent when not written: the account's EBS "
                        "encryption by default decides; Unknown when not written on a "
                        "volume made from a snapshot (`snapshot_id`, `Ebs.SnapshotId`), "
                        "whose encryption it inherits. A launch configuration cannot name a "
                        "KMS key: an encrypted volume uses the account's default EBS key.")),
        obj("metadata_options", "The instance metadata service (IMDS) options: Terraform's "
            "`metadata_options` block, CloudFormation and live `MetadataOptions`.",
            string("http_tokens", "Whether session tokens are required (`required`: IMDSv2 "
                   "only; CloudFormation `HttpTokens`). Absent when not written: the AMI's "
                   "or account's default decides, as for an instance.",
                   values=("optional", "required")),
            string("http_endpoint", "Whether the metadata service is on, as written "
                   "(CloudFormation `HttpEndpoint`); absent when not written (enabled).",
                   values=("enabled", "disabled")),
            integer("http_put_response_hop_limit", "How many network hops a metadata "
                    "response may travel, 1-64 (CloudFormation `HttpPutResponseHopLimit`); "
                    "absent when not written: 1, unless the account's instance metadata "
                    "defaults say otherwise.")),
        taggable=False),
)
