"""An account read in parts (its account-wide readers, then each region's: how a Dask
cluster reads it, `AwsOptions.part`) adds up to the account read whole: the same
resources in the same order, the same edges, the same notices (against moto)."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import boto3
import pytest
from botocore.client import BaseClient
from botocore.exceptions import ClientError

from govern.collect.aws.collector import GLOBAL_PART, combine_parts, read_account
from govern.collect.aws.options import AwsOptions
from govern.model.inventory import dump_inventory
from tests.collect.conftest import client
from tests.collect.test_org import open_ssh_group

WEST = "eu-west-1"


# refused, so that the notices have something to add up: a per-bucket and a per-queue
# call in two parts (failures counted by operation, subjects of several parts in one
# warning) and a listing of every region (one "incomplete" error naming both)
REFUSED = frozenset({"GetBucketEncryption", "GetQueueAttributes", "DescribeVolumes"})


def test_the_parts_of_an_account_add_up_to_the_whole(
        moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = BaseClient._make_api_call

    def refusing(self: Any, operation: str, params: Any) -> Any:
        if operation in REFUSED:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "no"}}, operation)
        return real(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", refusing)
    west = boto3.client("ec2", region_name=WEST, endpoint_url=moto_endpoint,
                        aws_access_key_id="testing", aws_secret_access_key="testing")
    open_ssh_group(west, "parts-west-ssh")
    open_ssh_group(client(moto_endpoint, "ec2"), "parts-east-ssh")
    client(moto_endpoint, "s3").create_bucket(Bucket="govern-parts-bucket")
    for region in ("us-east-1", WEST):
        boto3.client("sqs", region_name=region, endpoint_url=moto_endpoint,
                     aws_access_key_id="testing", aws_secret_access_key="testing"
                     ).create_queue(QueueName=f"govern-parts-{region}")
    options = AwsOptions(regions=("us-east-1", WEST), endpoint_url=moto_endpoint)
    whole, whole_reader = read_account(options)
    read = [read_account(dataclasses.replace(options, part=part))
            for part in (GLOBAL_PART, "us-east-1", WEST)]
    global_ids = {r.id for r in read[0][0]}
    assert any(":s3:::govern-parts-bucket" in i for i in global_ids)
    assert not any(":security-group/" in i for i in global_ids)  # a region's, not global
    assert any(f":ec2:{WEST}:" in r.id for r in read[2][0])
    assert not any(f":ec2:{WEST}:" in r.id for r in read[1][0])
    # as they come back from a worker
    graph, reader = combine_parts([pickle.loads(pickle.dumps(part)) for part in read])
    assert [r.id for r in graph] == [r.id for r in whole]
    assert dump_inventory(graph) == dump_inventory(whole)
    assert graph.edges() == whole.edges()
    notices = whole_reader.notices()
    assert any("GetBucketEncryption" in n.message for n in notices)
    queues = [n.message for n in notices if "GetQueueAttributes" in n.message]
    assert len(queues) == 1 and " more" in queues[0]  # both regions' queues, one warning
    incomplete = [n for n in notices if n.code == "aws-scan-incomplete"]
    assert len(incomplete) == 1 and WEST in incomplete[0].message
    assert "us-east-1" in incomplete[0].message
    assert reader.notices() == notices
    assert reader.notices(allow_partial=True) == whole_reader.notices(allow_partial=True)
