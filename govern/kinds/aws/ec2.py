"""Amazon EC2: security groups, instances, launch templates, EBS volumes, subnets, AMI
launch permissions and EBS encryption by default."""

from __future__ import annotations

from govern.kinds.declare import (
    Attribute,
    aws,
    boolean,
    integer,
    obj,
    objects,
    string,
    strings,
)


def _rules(direction: str, *, permissions: str, groups: str, prefix_list: str,
           peer: str, absent: str) -> Attribute:
    """A security group's `ingress` or `egress` rules: `permissions` is the live answer's
    member, `groups` and `prefix_list` CloudFormation's properties for the `peer` (source
    or destination) groups and prefix lists, `absent` what a group without them has."""
    title = direction.capitalize()
    return objects(
        direction,
        f"The {direction} rules, one entry per rule: Terraform's inline `{direction}` "
        f"blocks, `aws_security_group_rule` of type `{direction}`, "
        f"`aws_vpc_security_group_{direction}_rule`; CloudFormation "
        f"`SecurityGroup{title}` entries and `AWS::EC2::SecurityGroup{title}` resources; "
        f"live `{permissions}` (one entry per permission). Absent when neither inline "
        "blocks nor separate rules define them. A rule not known (a `dynamic` block over "
        "a collection known only after apply, a rule whose `type` is not known) is an "
        "Unknown element beside the known ones; on a group declared outside the scanned "
        "code the list starts with one Unknown element.",
        string("protocol", "The IP protocol (Terraform `protocol`, `ip_protocol` of the VPC "
               "rule resources, CloudFormation `IpProtocol`): `-1` is every protocol and "
               "port (also written `all`), `tcp`, `udp`, `icmp`, `icmpv6` (the numbers 6, "
               "17, 1, 58 become these names), any other protocol number as a string."),
        integer("from_port", "The first port of the range (CloudFormation `FromPort`; the "
                "ICMP type for ICMP); 0 for protocol `-1`."),
        integer("to_port", "The last port of the range (CloudFormation `ToPort`; the ICMP "
                "code for ICMP); 65535 for protocol `-1`."),
        strings("cidr_blocks", "The IPv4 ranges: Terraform `cidr_blocks`, `cidr_ipv4`, "
                "CloudFormation `CidrIp` as one element; always present, empty when not "
                "set."),
        strings("ipv6_cidr_blocks", "The IPv6 ranges: Terraform `ipv6_cidr_blocks`, "
                "`cidr_ipv6`, CloudFormation `CidrIpv6` as one element; always present, "
                "empty when not set."),
        strings("source_security_groups", f"The {peer} security groups, by id or name: "
                "Terraform inline `security_groups`, `source_security_group_id`, "
                f"`referenced_security_group_id`, CloudFormation {groups}; always present, "
                "empty when not set."),
        strings("prefix_lists", f"The {peer} managed prefix lists: Terraform "
                f"`prefix_list_ids`, `prefix_list_id`, CloudFormation `{prefix_list}`; "
                "always present, empty when not set."),
        boolean("self", "Whether the group itself is a peer (Terraform `self`; live true "
                "when the rule names its own group); absent when not written, never in "
                "CloudFormation."),
        string("description", "The rule's description (CloudFormation `Description`; live "
               "the description its ranges share)."),
    )


KINDS = (
    aws("aws.ec2.security_group", "EC2/VPC security group with all its rules",
        string("name", "The group's name (CloudFormation `GroupName`); absent when AWS "
               "generates it."),
        string("description", "The group's description (CloudFormation "
               "`GroupDescription`)."),
        string("vpc_id", "The VPC of the group (CloudFormation `VpcId`); absent when not "
               "written: the default VPC."),
        boolean("is_default", "Whether the group is its VPC's default security group, "
                "which AWS creates with every VPC (ingress: all traffic from the group "
                "itself; egress: all traffic to `0.0.0.0/0`, and `::/0` in a VPC with "
                "IPv6) and which cannot be deleted: true for Terraform's "
                "`aws_default_security_group` (which removes every rule the code does not "
                "write) and live for the group named `default`; false for the groups the "
                "code creates (`aws_security_group`, `AWS::EC2::SecurityGroup`: AWS "
                "refuses the name `default`). CloudFormation cannot manage a default "
                "group.", default=False),
        _rules("ingress", permissions="IpPermissions",
               groups="`SourceSecurityGroupId`/`SourceSecurityGroupName`",
               prefix_list="SourcePrefixListId", peer="source",
               absent="Absent when neither inline blocks nor separate rules define them."),
        _rules("egress", permissions="IpPermissionsEgress",
               groups="`DestinationSecurityGroupId`", prefix_list="DestinationPrefixListId",
               peer="destination",
               absent="Absent when neither inline blocks nor separate rules define them "
                      "(Terraform removes the rule AWS gives a new group). CloudFormation: "
                      "a group without `SecurityGroupEgress` keeps the rule AWS adds to "
                      "every new group, all traffic to `0.0.0.0/0` (protocol `-1`), as its "
                      "first element (defaulted); `AWS::EC2::SecurityGroupEgress` resources "
                      "do not remove it.")),
    aws("aws.ec2.instance", "EC2 instance (Terraform also `aws_spot_instance_request`, "
        "with the arguments of `aws_instance` for the instance it launches)",
        string("instance_type", "The instance type, e.g. `t3.micro` (CloudFormation "
               "`InstanceType`)."),
        string("iam_instance_profile", "The IAM instance profile the instance is launched "
               "with, which gives it a role's temporary credentials: Terraform "
               "`iam_instance_profile` (the profile's name), CloudFormation "
               "`IamInstanceProfile` (its name), live the `IamInstanceProfile.Arn` of "
               "DescribeInstances. Absent when none is written: the instance has no role. "
               "An instance that sets none and is launched from a launch template takes "
               "the template's profile (Terraform `iam_instance_profile` block `name` or "
               "`arn`, CloudFormation `LaunchTemplateData.IamInstanceProfile` `Name` or "
               "`Arn`; absent when the template sets none) when the template is in the "
               "same configuration, else Unknown (set or absent)."),
        boolean("associate_public_ip_address", "Whether the instance gets a public IP "
                "address: Terraform `associate_public_ip_address`, CloudFormation "
                "`AssociatePublicIpAddress` of the network interface with `DeviceIndex` 0; "
                "live whether it has one. Absent when not written: the subnet's "
                "`map_public_ip_on_launch` decides."),
        obj("root_block_device", "The root volume: Terraform's `root_block_device` block; "
            "live the volume of the root device. CloudFormation has no block of its own: "
            "which of its `BlockDeviceMappings` is the root depends on the AMI.",
            boolean("encrypted", "Whether the root volume is encrypted; absent when not "
                    "written: the AMI's snapshot and the account's EBS encryption by "
                    "default decide. Unknown when not written on an instance launched "
                    "from a launch template (Terraform `launch_template`, CloudFormation "
                    "`LaunchTemplate`), which may map the root volume. CloudFormation: "
                    "the `Ebs.Encrypted` of the mapping named `/dev/xvda` or `/dev/sda1` "
                    "(the names AWS reserves for the root device), else Unknown when "
                    "another mapping is stated encrypted (it may be the root volume), else "
                    "absent. Live: Unknown when the volume was not read."),
            string("kms_key", "The KMS key of the root volume (Terraform `kms_key_id`).")),
        objects("ebs_block_devices", "The other EBS volumes: Terraform `ebs_block_device` "
                "blocks, CloudFormation `BlockDeviceMappings` entries with `Ebs` (instance "
                "store entries are left out), live the non-root mapped volumes; each entry "
                "has the keys that are set. Absent when none is written (live: always "
                "present).",
                string("device_name", "The device name, e.g. `/dev/sdf` (CloudFormation "
                       "`DeviceName`)."),
                boolean("encrypted", "Whether the volume is encrypted (CloudFormation "
                        "`Ebs.Encrypted`); absent when not written (the account's EBS "
                        "encryption by default decides), Unknown when not written on a "
                        "volume made from a snapshot (`snapshot_id`, `Ebs.SnapshotId`), "
                        "whose encryption it inherits. Live: Unknown when the volume was "
                        "not read."),
                string("kms_key", "The KMS key of the volume: Terraform `kms_key_id`, "
                       "CloudFormation `Ebs.KmsKeyId`.")),
        obj("metadata_options", "The instance metadata service (IMDS) options: Terraform's "
            "`metadata_options` block; CloudFormation instances have none of their own, "
            "only their launch template's `LaunchTemplateData.MetadataOptions`.",
            string("http_tokens", "Whether session tokens are required (`required`: IMDSv2 "
                   "only; CloudFormation `HttpTokens`). Absent when not written: the AMI's "
                   "or account's default. Without its own metadata options, an "
                   "instance launched from a launch template (Terraform `launch_template` "
                   "by `id` or `name`, CloudFormation `LaunchTemplate` by "
                   "`LaunchTemplateId`/`LaunchTemplateName`) takes that template's "
                   "`http_tokens` when the template is in the "
                   "same configuration (absent when it sets none), else Unknown.",
                   values=("optional", "required")),
            string("http_endpoint", "Whether the metadata service is on, as written; absent "
                   "when not written (enabled). Taken from the same launch template as "
                   "`http_tokens`.", values=("enabled", "disabled"))),
        tags_doc="Terraform `tags` (of an `aws_spot_instance_request`: the spot request's "
                 "tags, which the provider does not give the instance it launches), "
                 "CloudFormation `Tags`, live the instance's tags."),
    aws("aws.ec2.launch_template", "EC2 launch template (its default version)",
        string("name", "The template's name (Terraform `name`, CloudFormation "
               "`LaunchTemplateName`); absent when generated (`name_prefix`, or none "
               "written)."),
        boolean("associate_public_ip_address", "Whether instances launched from the "
                "template get a public IP address: `associate_public_ip_address` of the "
                "primary network interface (Terraform `network_interfaces` block, "
                "CloudFormation `LaunchTemplateData.NetworkInterfaces` entry, live "
                "`NetworkInterfaces` of the default version, with `device_index` 0 or none "
                "written). Absent when not written: the subnet's `map_public_ip_on_launch` "
                "decides. A string `\"true\"`/`\"false\"` (Terraform's type for it) "
                "is read as a boolean."),
        obj("root_block_device", "The root volume of the instances launched from the "
            "template. A template has no root block of its own: which of its block device "
            "mappings is the root depends on the AMI.",
            boolean("encrypted", "Whether the root volume is encrypted: the `encrypted` of "
                    "the `ebs_block_devices` entry named `/dev/xvda` or `/dev/sda1` (the "
                    "names AWS reserves for the root device); else Unknown when another "
                    "entry is stated encrypted (it may be the root volume); else absent: "
                    "the AMI's snapshot and the account's EBS encryption by default "
                    "decide.")),
        objects("ebs_block_devices", "The EBS volumes of the template's block device "
                "mappings: Terraform `block_device_mappings` blocks with an `ebs` block, "
                "CloudFormation `LaunchTemplateData.BlockDeviceMappings` entries with "
                "`Ebs`, live the default version's `BlockDeviceMappings` with `Ebs` "
                "(instance store and `no_device` entries are left out); each entry has "
                "the keys that are set. Which one is the root volume depends on the AMI. "
                "Absent when none is written.",
                string("device_name", "The device name, e.g. `/dev/xvda` (CloudFormation "
                       "`DeviceName`)."),
                boolean("encrypted", "Whether the volume is encrypted (Terraform "
                        "`ebs.encrypted`, a string read as a boolean; CloudFormation "
                        "`Ebs.Encrypted`); absent when not written: the account's EBS "
                        "encryption by default decides; Unknown when not written on a "
                        "volume made from a snapshot (`ebs.snapshot_id`, "
                        "`Ebs.SnapshotId`), whose encryption it inherits."),
                string("kms_key", "The KMS key of the volume: Terraform `ebs.kms_key_id`, "
                       "CloudFormation `Ebs.KmsKeyId`.")),
        obj("metadata_options", "The instance metadata service (IMDS) options of the "
            "instances launched from the template: Terraform's `metadata_options` block, "
            "CloudFormation `LaunchTemplateData.MetadataOptions`, live the default "
            "version's `MetadataOptions`.",
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
        tags_doc="Terraform `tags`, CloudFormation the `Tags` of the `TagSpecifications` "
                 "entry of the template (`ResourceType: launch-template`), live the "
                 "template's tags; the tags the template gives to the instances it "
                 "launches (`tag_specifications`) are not its own."),
    aws("aws.ec2.volume", "EBS volume",
        boolean("encrypted", "Whether the volume is encrypted (CloudFormation `Encrypted`); "
                "false when not written. Unknown when created from a snapshot "
                "(`snapshot_id`) without `encrypted`: it inherits the snapshot's "
                "encryption. The account's EBS encryption by default is not applied here.",
                default=False),
        string("kms_key", "The KMS key of an encrypted volume: Terraform `kms_key_id`, "
               "CloudFormation `KmsKeyId`, live `KmsKeyId` when the key is customer "
               "managed (DescribeKey); absent: the account's default EBS key (the AWS "
               "managed key `aws/ebs` unless changed)."),
        integer("size", "The size in GiB (CloudFormation `Size`); absent when not written: "
                "the snapshot's size."),
        string("snapshot_id", "The snapshot the volume is created from (CloudFormation "
               "`SnapshotId`).")),
    aws("aws.ec2.subnet", "VPC subnet",
        string("vpc_id", "The VPC of the subnet (CloudFormation `VpcId`)."),
        string("cidr_block", "The subnet's IPv4 range (CloudFormation `CidrBlock`)."),
        boolean("map_public_ip_on_launch", "Whether instances launched in the subnet get a "
                "public IP address (CloudFormation `MapPublicIpOnLaunch`); false when not "
                "written; Unknown when not written on Terraform's `aws_default_subnet`, "
                "which adopts a default subnet as it is (AWS creates those with true).",
                default=False)),
    aws("aws.ec2.ami_launch_permission", "Launch permission of an AMI (one account, "
        "organization, unit or the public group)",
        string("image_id", "The AMI the permission is on. CloudFormation has no resource "
               "for it; live, one per permission of the AMIs the account owns, id "
               "`arn:aws:ec2:<region>:<account>:image/<ami>/launch-permission/<kind>/<id>`."),
        string("account_id", "The AWS account granted. Exactly one of `account_id`, "
               "`group`, `organization_arn`, `organizational_unit_arn` is set."),
        string("group", "The group granted: `all` makes the AMI public. Live: Unknown when "
               "the AMI's permissions could not be read.", values=("all",)),
        string("organization_arn", "The AWS Organizations organization granted."),
        string("organizational_unit_arn", "The organizational unit granted."),
        formats=("terraform", "tfplan", "aws-live"), taggable=False),
    aws("aws.ec2.ebs_encryption_by_default", "EBS encryption-by-default setting of an "
        "account and region",
        boolean("enabled", "Whether new EBS volumes are encrypted by default (Terraform "
                "`aws_ebs_encryption_by_default`; CloudFormation has no resource for it); "
                "true when not written. Live: one per scanned region, id "
                "`arn:aws:ec2:<region>:<account>:ebs-encryption-by-default`.",
                default=True),
        formats=("terraform", "tfplan", "aws-live"), taggable=False),
)
