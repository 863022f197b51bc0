"""EC2 launch templates, Auto Scaling launch configurations and IAM Identity Center
permission sets read from moto (govern/collect/aws/launch.py, ssoadmin.py), and the rules
their kinds were added to: GOV-AWS-065 (IMDSv1), GOV-AWS-066 (public IP), GOV-AWS-015
(tags), GOV-AWS-012 (administrator access), GOV-AWS-018 (full service access) and
GOV-AWS-068 (PassRole on every role), and the rules on named actions GOV-AWS-082, 084, 086
and 088 (tests/collect/test_iam_actions.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls, on_every_client
from tests.collect.live_scan import read, scan, statuses

TAGS = world.TAGS
ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
S3_FULL = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess"


def document(action: Any, resource: Any = "*") -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": action, "Resource": resource}]})


def _launch_templates(endpoint: str) -> dict[str, str]:
    ec2 = client(endpoint, "ec2")

    def template(name: str, data: dict[str, Any], tags: list[dict[str, str]]) -> str:
        spec = [{"ResourceType": "launch-template", "Tags": tags}] if tags else []
        made = ec2.create_launch_template(LaunchTemplateName=name, LaunchTemplateData=data,
                                          TagSpecifications=spec)["LaunchTemplate"]
        return f"arn:aws:ec2:{REGION}:{ACCOUNT}:launch-template/{made['LaunchTemplateId']}"

    good = template("good", {
        "MetadataOptions": {"HttpTokens": "required", "HttpEndpoint": "enabled"},
        "NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": False}],
        "BlockDeviceMappings": [{"DeviceName": "/dev/xvda",
                                 "Ebs": {"Encrypted": True, "KmsKeyId": "alias/ebs"}}]},
        TAGS)
    bad = template("bad", {
        "MetadataOptions": {"HttpTokens": "optional"},
        "NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": True}],
        "BlockDeviceMappings": [{"DeviceName": "/dev/sdb", "VirtualName": "ephemeral0"},
                                {"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": False}}]},
        [])
    # nothing written: the AMI's or account's metadata default (IMDSv1 allowed), the
    # subnet's public IP setting (a pass)
    bare = template("bare", {"InstanceType": "t3.micro"}, TAGS)
    return {"good_template": good, "bad_template": bad, "bare_template": bare}


def _launch_configurations(endpoint: str) -> dict[str, str]:
    autoscaling = client(endpoint, "autoscaling")
    image = client(endpoint, "ec2").describe_images()["Images"][0]["ImageId"]

    def configuration(name: str, **settings: Any) -> str:
        autoscaling.create_launch_configuration(LaunchConfigurationName=name, ImageId=image,
                                                InstanceType="t3.micro", **settings)
        found = autoscaling.describe_launch_configurations(
            LaunchConfigurationNames=[name])["LaunchConfigurations"][0]
        return str(found["LaunchConfigurationARN"])

    return {
        "good_configuration": configuration(
            "good", MetadataOptions={"HttpTokens": "required"},
            AssociatePublicIpAddress=False,
            BlockDeviceMappings=[{"DeviceName": "/dev/sdf",
                                  "Ebs": {"VolumeSize": 8, "Encrypted": True}}]),
        "bad_configuration": configuration(
            "bad", MetadataOptions={"HttpTokens": "optional", "HttpEndpoint": "enabled"},
            AssociatePublicIpAddress=True),
        "no_endpoint_configuration": configuration(
            "no-endpoint", MetadataOptions={"HttpEndpoint": "disabled"})}


def _permission_sets(endpoint: str) -> dict[str, str]:
    sso = client(endpoint, "sso-admin")
    instance = sso.list_instances()["Instances"][0]["InstanceArn"]

    def permission_set(name: str, inline: str | None = None, managed: tuple[str, ...] = (),
                       customer: tuple[str, ...] = ()) -> str:
        arn = str(sso.create_permission_set(Name=name, InstanceArn=instance)[
            "PermissionSet"]["PermissionSetArn"])
        ids = {"InstanceArn": instance, "PermissionSetArn": arn}
        if inline is not None:
            sso.put_inline_policy_to_permission_set(InlinePolicy=inline, **ids)
        for policy in managed:
            sso.attach_managed_policy_to_permission_set(ManagedPolicyArn=policy, **ids)
        for policy in customer:
            sso.attach_customer_managed_policy_reference_to_permission_set(
                CustomerManagedPolicyReference={"Name": policy, "Path": "/"}, **ids)
        return arn

    return {
        "admin_set": permission_set("admin", managed=(ADMIN,)),
        "s3_set": permission_set("s3", inline=document("s3:*"), managed=(READ_ONLY,)),
        "passer_set": permission_set("passer", inline=document(["iam:PassRole",
                                                                  "ec2:RunInstances"])),
        "scoped_set": permission_set("scoped", inline=document(
            "iam:PassRole", f"arn:aws:iam::{ACCOUNT}:role/app"), managed=(READ_ONLY,)),
        "customer_set": permission_set("customer", customer=("team-policy",)),
        "instance": instance}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    return {**_launch_templates(moto_endpoint), **_launch_configurations(moto_endpoint),
            **_permission_sets(moto_endpoint)}


@pytest.fixture(autouse=True)
def tagged(monkeypatch: pytest.MonkeyPatch, made: dict[str, str],
           request: pytest.FixtureRequest) -> Iterator[None]:
    """moto has no sso-admin ListTagsForResource (it answers 500, which botocore retries):
    answer it as AWS would, with the admin permission set tagged and the others not
    (unless the test denies the call)."""
    if "cannot_be_listed" in request.node.name:
        yield
        return

    class Answered:
        status_code = 200

    def answer(params: dict[str, Any], **_: Any) -> Any:
        asked = json.loads(params["body"] or b"{}")  # the request as sent
        tags = TAGS if asked.get("ResourceArn") == made["admin_set"] else []
        return Answered(), {"Tags": tags}

    on_every_client(monkeypatch, {"before-call.sso-admin.ListTagsForResource": answer})
    yield


def test_each_resource_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                         made: dict[str, str]) -> None:
    fail = "fail"
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-065", "bad_template", fail), ("GOV-AWS-066", "bad_template", fail),
        ("GOV-AWS-015", "bad_template", fail),
        ("GOV-AWS-065", "bare_template", fail),
        ("GOV-AWS-065", "bad_configuration", fail),
        ("GOV-AWS-066", "bad_configuration", fail),
        # EBS volumes not stated encrypted; the good configuration maps /dev/sdf only, so
        # its root volume is the AMI's
        ("GOV-AWS-121", "bad_template", fail), ("GOV-AWS-121", "bare_template", fail),
        ("GOV-AWS-121", "bad_configuration", fail),
        ("GOV-AWS-121", "no_endpoint_configuration", fail),
        ("GOV-AWS-121", "good_configuration", "unknown"),
        # the admin set also has every service's wildcard; the others are untagged
        ("GOV-AWS-012", "admin_set", fail),
        ("GOV-AWS-018", "s3_set", fail), ("GOV-AWS-015", "s3_set", fail),
        ("GOV-AWS-068", "passer_set", fail), ("GOV-AWS-015", "passer_set", fail),
        # ec2:RunInstances is a Write action that can be limited to resources
        ("GOV-AWS-094", "passer_set", fail),
        ("GOV-AWS-015", "scoped_set", fail),
        # AWS's ReadOnlyAccess allows ec2:GetPasswordData and s3:GetObject on "*"
        ("GOV-AWS-084", "s3_set", fail), ("GOV-AWS-086", "s3_set", fail),
        ("GOV-AWS-084", "scoped_set", fail), ("GOV-AWS-086", "scoped_set", fail),
        # a customer managed policy: each account it is assigned to has its own document
        ("GOV-AWS-012", "customer_set", "unknown"),
        ("GOV-AWS-018", "customer_set", "unknown"),
        ("GOV-AWS-068", "customer_set", "unknown"),
        ("GOV-AWS-082", "customer_set", "unknown"),
        ("GOV-AWS-084", "customer_set", "unknown"),
        ("GOV-AWS-086", "customer_set", "unknown"),
        ("GOV-AWS-088", "customer_set", "unknown"),
        ("GOV-AWS-092", "customer_set", "unknown"),
        ("GOV-AWS-094", "customer_set", "unknown"),
        ("GOV-AWS-015", "customer_set", fail)}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    good = resources[made["good_template"]]
    assert (good.kind, good.native_type, good.context) == (
        "aws.ec2.launch_template", "AWS::EC2::LaunchTemplate", f"aws:{ACCOUNT}:{REGION}")
    assert good.attributes == {
        "name": "good", "associate_public_ip_address": False,
        "metadata_options": {"http_tokens": "required", "http_endpoint": "enabled"},
        "ebs_block_devices": [{"device_name": "/dev/xvda", "encrypted": True,
                               "kms_key": "alias/ebs"}],
        "root_block_device": {"encrypted": True},  # /dev/xvda: AWS's root device name
        "tags": {t["Key"]: t["Value"] for t in TAGS}}
    assert resources[made["bad_template"]].attributes["ebs_block_devices"] == [
        {"device_name": "/dev/xvda", "encrypted": False}]  # the instance store is left out
    assert resources[made["bare_template"]].attributes == {
        "name": "bare", "tags": {t["Key"]: t["Value"] for t in TAGS}}
    configuration = resources[made["good_configuration"]]
    assert (configuration.kind, configuration.native_type) == (
        "aws.autoscaling.launch_configuration", "AWS::AutoScaling::LaunchConfiguration")
    assert configuration.attributes == {
        "name": "good", "associate_public_ip_address": False,
        "metadata_options": {"http_tokens": "required"},
        "ebs_block_devices": [{"device_name": "/dev/sdf", "encrypted": True}],
        "root_block_device": {"encrypted": Unknown(
            "which block device mapping is the root volume depends on the AMI and a mapping "
            "not named as a root device is stated encrypted")}}
    assert resources[made["no_endpoint_configuration"]].attributes[
        "metadata_options"] == {"http_endpoint": "disabled"}
    admin = resources[made["admin_set"]]
    assert (admin.kind, admin.native_type) == ("aws.ssoadmin.permission_set",
                                               "AWS::SSO::PermissionSet")
    assert admin.attributes["name"] == "admin"
    assert admin.attributes["policies"] == [
        {"source": "managed", "name": "AdministratorAccess", "arn": ADMIN,
         "document": {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}}]
    s3 = resources[made["s3_set"]].attributes["policies"]
    assert [(p["source"], p.get("name")) for p in s3] == [("inline", None),
                                                          ("managed", "ReadOnlyAccess")]
    assert s3[0]["document"]["Statement"][0]["Action"] == ["s3:*"]
    customer = resources[made["customer_set"]].attributes["policies"]
    assert customer == [{"source": "managed", "name": "team-policy", "document": Unknown(
        "a customer managed policy: each account the permission set is assigned to has its "
        "own document")}]


def test_permission_set_tags_that_cannot_be_listed_are_unknown_not_a_pass(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "sso-admin.ListTagsForResource")
    admin = read(moto_endpoint)[made["admin_set"]]
    assert admin.attributes["tags"] == Unknown("access denied: ListTagsForResource")
    assert ("GOV-AWS-015", "admin_set", "unknown") in statuses(scan(moto_endpoint), made)


DENIED = ("DescribeLaunchTemplateVersions", "GetInlinePolicyForPermissionSet",
          "ListManagedPoliciesInPermissionSet")


def test_access_denied_makes_the_values_unknown_not_a_pass(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, *(f"*.{operation}" for operation in DENIED))
    graph, notices = collect(AwsOptions(regions=(REGION,), endpoint_url=moto_endpoint))
    resources = {r.id: r for r in graph}
    bare = resources[made["bare_template"]].attributes
    denied = Unknown("access denied: DescribeLaunchTemplateVersions")
    assert bare["metadata_options"]["http_tokens"] == Unknown(
        denied.reason, alternatives=(denied, None))
    policies = resources[made["admin_set"]].attributes["policies"]
    assert [p["document"] for p in policies] == [
        Unknown("access denied: GetInlinePolicyForPermissionSet"),
        Unknown("access denied: ListManagedPoliciesInPermissionSet")]
    warnings = {n.message.split(" (")[0] for n in notices if n.level == "warning"}
    assert {f"access denied: {operation}" for operation in DENIED} <= warnings
    found = statuses(scan(moto_endpoint), made)
    assert ("GOV-AWS-065", "good_template", "unknown") in found
    assert ("GOV-AWS-012", "admin_set", "unknown") in found
