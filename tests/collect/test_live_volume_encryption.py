"""GOV-AWS-120 (instances), GOV-AWS-121 (launch configurations and templates) and
GOV-AWS-122 (Athena workgroups) on a live account (moto): an instance's volumes are judged
on the encryption of the volumes attached to it; a launch configuration or template on
the mappings it states, its root volume being the mapping named as a root device."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

OURS = {"GOV-AWS-120", "GOV-AWS-121", "GOV-AWS-122"}
ROOT = {"DeviceName": "/dev/sda1", "Ebs": {"Encrypted": True, "VolumeSize": 10}}
DATA = {"DeviceName": "/dev/sdf", "Ebs": {"Encrypted": True, "VolumeSize": 10}}
PLAIN_DATA = {"DeviceName": "/dev/sdf", "Ebs": {"VolumeSize": 10}}


def _instances(endpoint: str) -> dict[str, str]:
    ec2 = client(endpoint, "ec2")
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]

    def instance(mappings: list[dict[str, Any]]) -> str:
        made = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1,
                                 InstanceType="t3.micro", BlockDeviceMappings=mappings)
        return f"arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{made['Instances'][0]['InstanceId']}"

    return {"sealed_instance": instance([ROOT, DATA]),
            "plain_root_instance": instance([]),  # the AMI's unencrypted root volume
            "plain_data_instance": instance([ROOT, PLAIN_DATA])}


def _launch_settings(endpoint: str) -> dict[str, str]:
    ec2, autoscaling = client(endpoint, "ec2"), client(endpoint, "autoscaling")
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    out = {}
    for role, mappings in (("sealed_configuration", [ROOT, DATA]),
                           ("bare_configuration", []),
                           ("data_only_configuration", [DATA]),
                           ("plain_configuration", [ROOT, PLAIN_DATA])):
        autoscaling.create_launch_configuration(
            LaunchConfigurationName=role, ImageId=image, InstanceType="t3.micro",
            BlockDeviceMappings=mappings)
        out[role] = autoscaling.describe_launch_configurations(
            LaunchConfigurationNames=[role])["LaunchConfigurations"][0]["LaunchConfigurationARN"]
    for role, mappings in (("sealed_template", [ROOT, DATA]), ("bare_template", [])):
        made = ec2.create_launch_template(LaunchTemplateName=role, LaunchTemplateData={
            "ImageId": image, "BlockDeviceMappings": mappings})["LaunchTemplate"]
        out[role] = f"arn:aws:ec2:{REGION}:{ACCOUNT}:launch-template/{made['LaunchTemplateId']}"
    return out


def _workgroups(endpoint: str) -> dict[str, str]:
    athena = client(endpoint, "athena")
    for name, enforce in (("enforced", True), ("not-enforced", False)):
        athena.create_work_group(Name=name, Configuration={
            "EnforceWorkGroupConfiguration": enforce,
            "ResultConfiguration": {"EncryptionConfiguration": {"EncryptionOption": "SSE_S3"}}})
    prefix = f"arn:aws:athena:{REGION}:{ACCOUNT}:workgroup/"
    return {"enforced_workgroup": prefix + "enforced",
            "open_workgroup": prefix + "not-enforced",
            "primary_workgroup": prefix + "primary"}  # moto's primary does not enforce


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    return {**_instances(moto_endpoint), **_launch_settings(moto_endpoint),
            **_workgroups(moto_endpoint)}


def test_volumes_and_workgroups(moto_endpoint: str, made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule in OURS}
    assert found == {
        ("GOV-AWS-120", "plain_root_instance", "fail"),
        ("GOV-AWS-120", "plain_data_instance", "fail"),
        ("GOV-AWS-121", "bare_configuration", "fail"),
        ("GOV-AWS-121", "data_only_configuration", "unknown"),
        ("GOV-AWS-121", "plain_configuration", "fail"),
        ("GOV-AWS-121", "bare_template", "fail"),
        ("GOV-AWS-122", "open_workgroup", "fail"),
        ("GOV-AWS-122", "primary_workgroup", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    sealed = resources[made["sealed_instance"]].attributes
    assert sealed["root_block_device"]["encrypted"] is True
    assert set(sealed["root_block_device"]) == {"encrypted", "kms_key"}  # moto's aws/ebs key
    (data,) = sealed["ebs_block_devices"]
    assert (data["device_name"], data["encrypted"], set(data)) == (
        "/dev/sdf", True, {"device_name", "encrypted", "kms_key"})
    configuration = resources[made["sealed_configuration"]].attributes
    assert configuration["root_block_device"] == {"encrypted": True}
    assert "root_block_device" not in resources[made["bare_configuration"]].attributes
    assert isinstance(resources[made["data_only_configuration"]].attributes[
        "root_block_device"]["encrypted"], Unknown)
    assert resources[made["sealed_template"]].attributes["root_block_device"] == {
        "encrypted": True}
    assert resources[made["enforced_workgroup"]].attributes[
        "enforce_workgroup_configuration"] is True


def test_an_unreadable_workgroup_is_unknown(moto_endpoint: str, made: dict[str, str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "athena.GetWorkGroup")
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule == "GOV-AWS-122"}
    assert found == {("GOV-AWS-122", role, "unknown") for role in (
        "enforced_workgroup", "open_workgroup", "primary_workgroup")}
