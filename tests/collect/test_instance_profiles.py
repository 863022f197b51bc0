"""GOV-AWS-151 (EC2 instance without an IAM instance profile) on instances read live from
moto (govern/collect/aws/regional.py): the profile is DescribeInstances'
`IamInstanceProfile.Arn`, absent when the instance has none."""

from __future__ import annotations

import json

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.live_scan import read, scan, statuses

RULE = "GOV-AWS-151"
TRUST = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Action": "sts:AssumeRole",
    "Principal": {"Service": "ec2.amazonaws.com"}}]}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    ec2 = client(moto_endpoint, "ec2")
    iam = client(moto_endpoint, "iam")
    iam.create_role(RoleName="app", AssumeRolePolicyDocument=json.dumps(TRUST))
    profile = iam.create_instance_profile(InstanceProfileName="app")["InstanceProfile"]
    iam.add_role_to_instance_profile(InstanceProfileName="app", RoleName="app")
    image = ec2.describe_images()["Images"][0]["ImageId"]

    def instance(**extra: object) -> str:
        item = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1,
                                 InstanceType="t3.micro", **extra)["Instances"][0]
        return f"arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{item['InstanceId']}"

    return {"bare": instance(),
            "with_role": instance(IamInstanceProfile={"Name": "app"}),
            "profile_arn": str(profile["Arn"])}


def test_an_instance_without_a_profile_fails(moto_endpoint: str,
                                             made: dict[str, str]) -> None:
    found = {(role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule == RULE}
    assert found == {("bare", "fail")}  # "with_role" passes: no finding


def test_the_profile_is_read(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    assert resources[made["with_role"]].attributes["iam_instance_profile"] == \
        made["profile_arn"]
    assert "iam_instance_profile" not in resources[made["bare"]].attributes
