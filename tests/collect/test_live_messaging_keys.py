"""GOV-AWS-200 and GOV-AWS-201 on a live account (moto): SNS topics and SQS queues read
with the key SNS and SQS report, judged on whether it is a customer managed key."""

from __future__ import annotations

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.live_scan import scan, statuses


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    sns, sqs = client(moto_endpoint, "sns"), client(moto_endpoint, "sqs")
    key = client(moto_endpoint, "kms").create_key(Description="messaging")["KeyMetadata"]
    out = {}
    for role, attributes in (("plain_topic", {}),
                             ("managed_topic", {"KmsMasterKeyId": "alias/aws/sns"}),
                             ("cmk_topic", {"KmsMasterKeyId": key["Arn"]})):
        out[role] = sns.create_topic(Name=f"keys-{role}", Attributes=attributes)["TopicArn"]
    for role, attributes in (("sse_sqs_queue", {"SqsManagedSseEnabled": "true"}),
                             ("managed_queue", {"KmsMasterKeyId": "alias/aws/sqs"}),
                             ("cmk_queue", {"KmsMasterKeyId": key["KeyId"]})):
        sqs.create_queue(QueueName=f"keys-{role}", Attributes=attributes)
        out[role] = f"arn:aws:sqs:{REGION}:{ACCOUNT}:keys-{role}"
    return out


def test_topics_and_queues_need_a_customer_managed_key(moto_endpoint: str,
                                                       made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule in ("GOV-AWS-200", "GOV-AWS-201")}
    # a topic without a key is not encrypted at all: GOV-AWS-022's, not GOV-AWS-200's
    assert found == {("GOV-AWS-200", "managed_topic", "fail"),
                     ("GOV-AWS-201", "sse_sqs_queue", "fail"),
                     ("GOV-AWS-201", "managed_queue", "fail")}
