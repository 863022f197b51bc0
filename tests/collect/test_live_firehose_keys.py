"""GOV-AWS-203 and GOV-AWS-204 on a live account (moto): Firehose delivery streams read
with DescribeDeliveryStream, judged on their server-side encryption and its key type."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.live_scan import scan, statuses

ROLE = f"arn:aws:iam::{ACCOUNT}:role/firehose"
S3 = {"RoleARN": ROLE, "BucketARN": "arn:aws:s3:::firehose-events"}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    firehose = client(moto_endpoint, "firehose")
    key = client(moto_endpoint, "kms").create_key(Description="firehose")["KeyMetadata"]
    source = {"KinesisStreamARN": f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/events",
              "RoleARN": ROLE}
    streams: dict[str, tuple[dict[str, Any], dict[str, str] | None]] = {
        "plain_stream": ({}, None),
        "owned_key_stream": ({}, {"KeyType": "AWS_OWNED_CMK"}),
        "cmk_stream": ({}, {"KeyType": "CUSTOMER_MANAGED_CMK", "KeyARN": key["Arn"]}),
        "kinesis_source_stream": ({"DeliveryStreamType": "KinesisStreamAsSource",
                                   "KinesisStreamSourceConfiguration": source}, None),
    }
    out = {}
    for role, (extra, encryption) in streams.items():
        name = f"keys-{role.replace('_', '-')}"
        out[role] = firehose.create_delivery_stream(
            DeliveryStreamName=name, ExtendedS3DestinationConfiguration=S3,
            **extra)["DeliveryStreamARN"]
        if encryption is not None:
            firehose.start_delivery_stream_encryption(
                DeliveryStreamName=name,
                DeliveryStreamEncryptionConfigurationInput=encryption)
    return out


def test_delivery_streams_need_encryption_with_a_customer_managed_key(
        moto_endpoint: str, made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule in ("GOV-AWS-203", "GOV-AWS-204")}
    # a Kinesis-sourced stream is not Firehose's to encrypt; a stream without encryption
    # is GOV-AWS-203's, not GOV-AWS-204's
    assert found == {("GOV-AWS-203", "plain_stream", "fail"),
                     ("GOV-AWS-204", "owned_key_stream", "fail")}
