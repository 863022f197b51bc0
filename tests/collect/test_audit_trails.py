"""CloudTrail trails read from moto (govern/collect/aws/regional.py) and the logging rules
on them: GOV-AWS-125 (one region only), GOV-AWS-126 (no log file validation), GOV-AWS-127
(no CloudWatch Logs delivery), GOV-AWS-128 (logging stopped, from GetTrailStatus) and
GOV-AWS-149 (no SNS topic notified of deliveries)."""

from __future__ import annotations

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

RULES = ("GOV-AWS-125", "GOV-AWS-126", "GOV-AWS-127", "GOV-AWS-128", "GOV-AWS-149")
BUCKET = "govern-audit-trails"
GROUP = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:cloudtrail:*"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/cloudtrail-to-logs"


def topic_arn() -> str:
    return f"arn:aws:sns:{REGION}:{ACCOUNT}:trail-deliveries"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    client(moto_endpoint, "s3").create_bucket(Bucket=BUCKET)
    cloudtrail = client(moto_endpoint, "cloudtrail")
    client(moto_endpoint, "sns").create_topic(Name="trail-deliveries")

    def trail(name: str, *, logging: bool = True, **settings: object) -> str:
        arn = str(cloudtrail.create_trail(Name=name, S3BucketName=BUCKET,
                                          **settings)["TrailARN"])
        if logging:
            cloudtrail.start_logging(Name=arn)
        return arn

    return {
        # created, never started: one region, no validation, nothing sent to CloudWatch
        "plain": trail("plain", logging=False),
        "complete": trail("complete", IsMultiRegionTrail=True,
                          EnableLogFileValidation=True, CloudWatchLogsLogGroupArn=GROUP,
                          CloudWatchLogsRoleArn=ROLE, SnsTopicName="trail-deliveries"),
        "regional": trail("regional", EnableLogFileValidation=True,
                          CloudWatchLogsLogGroupArn=GROUP, CloudWatchLogsRoleArn=ROLE),
    }


def test_each_trail_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                      made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in RULES}
    assert found == {
        ("GOV-AWS-125", "plain", "fail"), ("GOV-AWS-126", "plain", "fail"),
        ("GOV-AWS-127", "plain", "fail"), ("GOV-AWS-128", "plain", "fail"),
        ("GOV-AWS-149", "plain", "fail"),
        ("GOV-AWS-125", "regional", "fail"), ("GOV-AWS-149", "regional", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    complete = resources[made["complete"]].attributes
    assert (complete["is_multi_region_trail"], complete["log_file_validation"],
            complete["is_logging"], complete["cloud_watch_logs_group_arn"],
            complete["sns_topic"]) == (True, True, True, GROUP, topic_arn())
    plain = resources[made["plain"]].attributes
    assert plain["is_logging"] is False and "cloud_watch_logs_group_arn" not in plain


def test_a_status_that_cannot_be_read_is_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "cloudtrail.GetTrailStatus")
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule == "GOV-AWS-128"}
    assert found == {("GOV-AWS-128", role, "unknown") for role in made}
