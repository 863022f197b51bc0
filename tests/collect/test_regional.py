"""EBS volumes, RDS instances, KMS keys and CloudTrail trails read from moto."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import on_every_client
from tests.collect.live_scan import read

TAGS = world.TAGS


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    ec2 = client(moto_endpoint, "ec2")
    kms = client(moto_endpoint, "kms")
    rds = client(moto_endpoint, "rds")
    spec = [{"ResourceType": "volume", "Tags": TAGS}]
    plain = ec2.create_volume(AvailabilityZone=f"{REGION}a", Size=8,
                              TagSpecifications=spec)["VolumeId"]
    sealed = ec2.create_volume(AvailabilityZone=f"{REGION}a", Size=8, Encrypted=True,
                               TagSpecifications=spec)["VolumeId"]
    kms_tags = [{"TagKey": t["Key"], "TagValue": t["Value"]} for t in TAGS]
    unrotated = kms.create_key(Tags=kms_tags)["KeyMetadata"]["Arn"]
    rotated = kms.create_key(Tags=kms_tags)["KeyMetadata"]
    kms.enable_key_rotation(KeyId=rotated["KeyId"])
    own_key = ec2.create_volume(AvailabilityZone=f"{REGION}a", Size=8, Encrypted=True,
                                KmsKeyId=rotated["Arn"], TagSpecifications=spec)["VolumeId"]
    public = rds.create_db_instance(
        DBInstanceIdentifier="public-db", DBInstanceClass="db.t3.micro", Engine="postgres",
        MasterUsername="admin", MasterUserPassword="password1", AllocatedStorage=20,
        PubliclyAccessible=True, StorageEncrypted=False, Tags=TAGS)["DBInstance"]
    private = rds.create_db_instance(
        DBInstanceIdentifier="private-db", DBInstanceClass="db.t3.micro", Engine="postgres",
        MasterUsername="admin", MasterUserPassword="password1", AllocatedStorage=20,
        PubliclyAccessible=False, StorageEncrypted=True, Tags=TAGS,
        EnableIAMDatabaseAuthentication=True,
        EnableCloudwatchLogsExports=["postgresql"])["DBInstance"]
    image = ec2.describe_images()["Images"][0]["ImageId"]
    instance = ec2.run_instances(
        ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro",
        MetadataOptions={"HttpTokens": "optional"},
        TagSpecifications=[{"ResourceType": "instance", "Tags": TAGS}])["Instances"][0]
    prefix = f"arn:aws:ec2:{REGION}:{ACCOUNT}:volume/"
    return {"plain_volume": prefix + plain, "sealed_volume": prefix + sealed,
            "own_key_volume": prefix + own_key,
            "unrotated_key": unrotated, "rotated_key": rotated["Arn"],
            "public_db": public["DBInstanceArn"], "private_db": private["DBInstanceArn"],
            "instance": f"arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{instance['InstanceId']}"}


def findings(endpoint: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code == 1, result.output
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def aws_managed(key_ids: set[str]) -> Any:
    """An `after-call` handler: moto reports its `alias/aws/...` keys as customer managed;
    AWS reports them as its own."""

    def mark(parsed: dict[str, Any], **_: Any) -> None:
        meta = parsed.get("KeyMetadata", {})
        if meta.get("KeyId") in key_ids:
            meta["KeyManager"] = "AWS"

    return mark


def test_regional_resources_are_read_with_their_canonical_values(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    managed = {a["TargetKeyId"] for a in client(moto_endpoint, "kms").list_aliases()["Aliases"]
               if a["AliasName"].startswith("alias/aws/") and "TargetKeyId" in a}
    on_every_client(monkeypatch, {"after-call.kms.DescribeKey": aws_managed(managed)})
    doc = findings(moto_endpoint)
    ours = set(made.values())
    found = {(f["rule_id"], f["resource"]["address"]) for f in doc["findings"]
             if f["resource"]["address"] in ours}
    assert found == {("GOV-AWS-008", made["public_db"]), ("GOV-AWS-009", made["public_db"]),
                     # no IAM authentication (GOV-AWS-175), no log exports (GOV-AWS-178)
                     ("GOV-AWS-175", made["public_db"]), ("GOV-AWS-178", made["public_db"]),
                     ("GOV-AWS-010", made["plain_volume"]),
                     # without a customer managed key (GOV-AWS-104): the default key
                     ("GOV-AWS-104", made["plain_volume"]),
                     ("GOV-AWS-104", made["sealed_volume"]),
                     ("GOV-AWS-014", made["unrotated_key"]),
                     ("GOV-AWS-065", made["instance"]), ("GOV-AWS-066", made["instance"]),
                     ("GOV-AWS-151", made["instance"]),  # no instance profile
                     # its root volume (moto's) is not encrypted
                     ("GOV-AWS-120", made["instance"]),
                     # no deletion protection, one day of backups: the API's defaults
                     *{(rule, made[db]) for rule in ("GOV-AWS-192", "GOV-AWS-193")
                       for db in ("public_db", "private_db")},
                     # one Availability Zone, tags not copied to snapshots, and moto's
                     # made-up CA (rds-ca-default), none of AWS's current ones
                     *{(rule, made[db]) for rule in ("GOV-AWS-225", "GOV-AWS-226", "GOV-AWS-227")
                       for db in ("public_db", "private_db")}}
    volumes = read(moto_endpoint)
    assert volumes[made["own_key_volume"]].attributes["kms_key"] == made["rotated_key"]
    assert "kms_key" not in volumes[made["sealed_volume"]].attributes  # aws/ebs


def test_a_key_described_by_no_one_may_be_no_customer_key() -> None:
    """DescribeKey failing: the key may be AWS managed (not a resource of its own), so its
    `key_spec`, which rules test with `op: exists`, is maybe absent, not a plain
    Unknown."""
    from botocore.exceptions import ClientError

    from govern.collect.aws.reader import Reader
    from govern.collect.aws.regional import _kms_keys
    from govern.model.unknown import Unknown

    arn = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/k1"

    class FakeKms:
        def get_paginator(self, operation: str) -> Any:
            assert operation == "list_keys"
            return self

        def paginate(self, **_: Any) -> Any:
            return [{"Keys": [{"KeyId": "k1", "KeyArn": arn}]}]

        def describe_key(self, **_: Any) -> Any:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "no"}},
                              "DescribeKey")

        def get_key_rotation_status(self, **_: Any) -> Any:
            return {"KeyRotationEnabled": True}

        def get_key_policy(self, **_: Any) -> Any:
            return {"Policy": "{}"}

        def list_resource_tags(self, **_: Any) -> Any:
            return {"Tags": []}

    (key,) = _kms_keys(FakeKms(), Reader(), ACCOUNT, REGION)
    denied = Unknown("access denied: DescribeKey")
    assert key.attributes["key_spec"] == Unknown(denied.reason, alternatives=(denied, None))
    assert key.attributes["enable_key_rotation"] is True
