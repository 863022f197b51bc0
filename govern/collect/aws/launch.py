"""EC2 launch templates (DescribeLaunchTemplates, and DescribeLaunchTemplateVersions for
each template's default version) as `aws.ec2.launch_template`, and Auto Scaling launch
configurations (DescribeLaunchConfigurations) as `aws.autoscaling.launch_configuration`,
with the attributes the adapters give them. The root volume is not known without the AMI:
every EBS mapping is in `ebs_block_devices` (one made from a snapshot without `Encrypted`
inherits its encryption: Unknown), and, as in the CloudFormation adapter, a template's or
configuration's `root_block_device.encrypted` is that of the mapping named as a root
device (`/dev/xvda`, `/dev/sda1`), else Unknown when another is stated encrypted (it may be
the root volume), else absent."""

from __future__ import annotations

from typing import Any

from govern.adapters.block_devices import FROM_SNAPSHOT, root_from_mappings
from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import maybe_absent, set_optional, tag_map
from govern.model.resource import Resource
from govern.model.unknown import Unknown

TEMPLATE = "aws.ec2.launch_template"
CONFIGURATION = "aws.autoscaling.launch_configuration"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return [*launch_templates(clients("ec2"), reader, account, region),
            *launch_configurations(clients("autoscaling"), reader, account, region)]


def launch_templates(ec2: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(ec2, "DescribeLaunchTemplates", region,
                                    "LaunchTemplates")):
        template_id = str(item["LaunchTemplateId"])
        arn = f"arn:aws:ec2:{region}:{account}:launch-template/{template_id}"
        template = live_resource(arn, TEMPLATE, "AWS::EC2::LaunchTemplate", account, region)
        set_optional(template, "name", item.get("LaunchTemplateName"))
        answer = reader.call(ec2, "DescribeLaunchTemplateVersions", arn,
                             LaunchTemplateId=template_id, Versions=["$Default"])
        if isinstance(answer, Failed):
            for path in ("associate_public_ip_address", "metadata_options.http_tokens",
                         "metadata_options.http_endpoint",
                         "metadata_options.http_put_response_hop_limit"):
                template.set(path, maybe_absent(answer.unknown))
            template.set("ebs_block_devices", maybe_absent(answer.unknown))
            template.set("root_block_device.encrypted", maybe_absent(answer.unknown))
        else:
            versions = (answer or {}).get("LaunchTemplateVersions") or [{}]
            _template_data(template, versions[0].get("LaunchTemplateData") or {})
        template.set("tags", tag_map(item.get("Tags")))
        found.append(template)
    return found


def _template_data(template: Resource, data: dict[str, Any]) -> None:
    for interface in data.get("NetworkInterfaces") or ():
        if interface.get("DeviceIndex", 0) == 0 and \
                interface.get("AssociatePublicIpAddress") is not None:
            template.set("associate_public_ip_address",
                         bool(interface["AssociatePublicIpAddress"]))
    _metadata(template, data.get("MetadataOptions") or {})
    devices = ebs_devices(data.get("BlockDeviceMappings"), with_key=True)
    if devices:
        template.set("ebs_block_devices", devices)
    root = root_from_mappings(devices)
    if root is not None:
        template.set("root_block_device.encrypted", root)


def launch_configurations(autoscaling: Any, reader: Reader, account: str,
                          region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(autoscaling, "DescribeLaunchConfigurations", region,
                                    "LaunchConfigurations")):
        name = str(item["LaunchConfigurationName"])
        arn = item.get("LaunchConfigurationARN") or (
            f"arn:aws:autoscaling:{region}:{account}:launchConfiguration:*:"
            f"launchConfigurationName/{name}")
        configuration = live_resource(arn, CONFIGURATION,
                                      "AWS::AutoScaling::LaunchConfiguration", account,
                                      region)
        configuration.set("name", name)
        if item.get("AssociatePublicIpAddress") is not None:
            configuration.set("associate_public_ip_address",
                              bool(item["AssociatePublicIpAddress"]))
        _metadata(configuration, item.get("MetadataOptions") or {})
        devices = ebs_devices(item.get("BlockDeviceMappings"), with_key=False)
        configuration.set("ebs_block_devices", devices)
        root = root_from_mappings(devices)
        if root is not None:
            configuration.set("root_block_device.encrypted", root)
        found.append(configuration)
    return found


def _metadata(resource: Resource, options: dict[str, Any]) -> None:
    set_optional(resource, "metadata_options.http_tokens", options.get("HttpTokens"))
    set_optional(resource, "metadata_options.http_endpoint", options.get("HttpEndpoint"))
    set_optional(resource, "metadata_options.http_put_response_hop_limit",
                 options.get("HttpPutResponseHopLimit"))


def ebs_devices(mappings: Any, *, with_key: bool) -> list[dict[str, Any]]:
    """`{device_name, encrypted, kms_key}` (the keys that are set) per mapping with `Ebs`."""
    devices = []
    for mapping in mappings or ():
        ebs = mapping.get("Ebs")
        if not isinstance(ebs, dict):
            continue  # an instance store volume or NoDevice
        device: dict[str, Any] = {}
        if mapping.get("DeviceName"):
            device["device_name"] = mapping["DeviceName"]
        if ebs.get("Encrypted") is not None:
            device["encrypted"] = bool(ebs["Encrypted"])
        elif ebs.get("SnapshotId"):
            device["encrypted"] = Unknown(FROM_SNAPSHOT)
        if with_key and ebs.get("KmsKeyId"):
            device["kms_key"] = ebs["KmsKeyId"]
        devices.append(device)
    return devices
