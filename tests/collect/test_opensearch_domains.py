"""GOV-AWS-212..217 on a live account (moto): OpenSearch Service domains read with
DescribeDomains, judged on HTTPS enforcement, the endpoint's TLS policy, the key of the
encryption at rest, the audit and error logs they publish and fine-grained access
control."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls, on_every_client
from tests.collect.live_scan import read, scan, statuses

RULES = ("GOV-AWS-212", "GOV-AWS-213", "GOV-AWS-214", "GOV-AWS-215", "GOV-AWS-216",
         "GOV-AWS-217")
GROUP = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/opensearch/search"
AWS_MANAGED = "stands in for aws/es (the test marks it so)"


def _hardened(key: str) -> dict[str, Any]:
    return {
        "EncryptionAtRestOptions": {"Enabled": True, "KmsKeyId": key},
        "NodeToNodeEncryptionOptions": {"Enabled": True},
        "DomainEndpointOptions": {"EnforceHTTPS": True,
                                  "TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"},
        "LogPublishingOptions": {
            "AUDIT_LOGS": {"CloudWatchLogsLogGroupArn": GROUP, "Enabled": True},
            "ES_APPLICATION_LOGS": {"CloudWatchLogsLogGroupArn": GROUP, "Enabled": True}},
        "AdvancedSecurityOptions": {
            "Enabled": True, "MasterUserOptions": {
                "MasterUserARN": f"arn:aws:iam::{ACCOUNT}:role/search-admin"}}}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    kms = client(moto_endpoint, "kms")
    key = kms.create_key(Description="search")["KeyMetadata"]["Arn"]
    managed = kms.create_key(Description=AWS_MANAGED)["KeyMetadata"]["Arn"]
    opensearch = client(moto_endpoint, "opensearch")

    def domain(name: str, engine: str = "OpenSearch_2.13", **options: Any) -> str:
        made = opensearch.create_domain(DomainName=name, EngineVersion=engine,
                                        TagList=world.TAGS, **options)
        return str(made["DomainStatus"]["ARN"])

    return {
        # the API's defaults: HTTP, TLS 1.0, no encryption, no logs, no fine-grained control
        "defaults": domain("search-defaults", "Elasticsearch_7.10"),
        "hardened": domain("search-hardened", **_hardened(key)),
        "halfway": domain(
            "search-halfway",
            EncryptionAtRestOptions={"Enabled": True, "KmsKeyId": managed},
            NodeToNodeEncryptionOptions={"Enabled": True},
            DomainEndpointOptions={"EnforceHTTPS": False,
                                   "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"},
            LogPublishingOptions={
                "AUDIT_LOGS": {"CloudWatchLogsLogGroupArn": GROUP, "Enabled": False},
                "SEARCH_SLOW_LOGS": {"CloudWatchLogsLogGroupArn": GROUP, "Enabled": True}},
            AdvancedSecurityOptions={"Enabled": False}),
    }


def _mark_aws_managed(parsed: dict[str, Any], **_: Any) -> None:
    """moto has no AWS managed keys: the test's stand-in is reported as AWS's."""
    meta = parsed.get("KeyMetadata", {})
    if meta.get("Description") == AWS_MANAGED:
        meta["KeyManager"] = "AWS"


def _ours(doc: dict[str, Any], made: dict[str, str]) -> set[tuple[str, str, str]]:
    return {found for found in statuses(doc, made) if found[0] in RULES}


def test_domains_are_judged_on_transport_keys_logs_and_access(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {"after-call.kms.DescribeKey": _mark_aws_managed})
    assert _ours(scan(moto_endpoint), made) == {
        *{(rule, "defaults", "fail") for rule in RULES},
        ("GOV-AWS-212", "halfway", "fail"),
        ("GOV-AWS-214", "halfway", "fail"),  # the AWS managed key
        ("GOV-AWS-215", "halfway", "fail"),  # audit logs listed, not enabled
        ("GOV-AWS-216", "halfway", "fail"),  # slow logs only
        ("GOV-AWS-217", "halfway", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    defaults = resources[made["defaults"]].attributes
    assert (defaults["enforce_https"], defaults["tls_security_policy"],
            defaults["fine_grained_access_control"]) == (
        False, "Policy-Min-TLS-1-0-2019-07", False)
    assert "log_publishing" not in defaults and "kms_key" not in defaults
    halfway = resources[made["halfway"]].attributes
    assert halfway["log_publishing"] == [
        {"log_type": "AUDIT_LOGS", "enabled": False, "log_group": GROUP},
        {"log_type": "SEARCH_SLOW_LOGS", "enabled": True, "log_group": GROUP}]
    hardened = resources[made["hardened"]].attributes
    assert hardened["kms_key"].startswith(f"arn:aws:kms:{REGION}:{ACCOUNT}:key/")
    assert hardened["fine_grained_access_control"] is True


def test_an_unreadable_domain_is_unknown(moto_endpoint: str, made: dict[str, str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "opensearch.DescribeDomains")
    denied = Unknown("access denied: DescribeDomains")
    attributes = read(moto_endpoint)[made["hardened"]].attributes
    assert attributes["enforce_https"] == attributes["tls_security_policy"] == denied
    assert attributes["log_publishing"] == Unknown(denied.reason,
                                                   alternatives=(denied, None))
    assert _ours(scan(moto_endpoint), {"hardened": made["hardened"]}) == {
        (rule, "hardened", "unknown") for rule in RULES}
