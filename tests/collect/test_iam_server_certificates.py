"""GOV-AWS-268 on a live account (moto): IAM server certificates judged on the
`Expiration` ListServerCertificates answers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, client
from tests.collect.events import deny_calls, on_every_client
from tests.collect.live_scan import read, scan, statuses

CERTIFICATES = Path(__file__).resolve().parents[2] / "fixtures" / "rules" / \
    "iam-server-certificate-expired" / "terraform" / "main.tf"
TAG_MAP = {t["Key"]: t["Value"] for t in world.TAGS}
# the notAfter of the fixture's certificates, which AWS answers as `Expiration` (moto
# answers one fixed date for every certificate)
EXPIRATION = {"web-expired": datetime(2021, 1, 1, 12, 0, 0, tzinfo=UTC),
              "web-current": datetime(2049, 12, 31, 23, 59, 59, tzinfo=UTC)}


def _pem(name: str) -> str:
    """The PEM text of the fixture's resource `name` (its certificate_body heredoc)."""
    text = CERTIFICATES.read_text()
    start = text.index(f'resource "aws_iam_server_certificate" "{name}"')
    begin = text.index("-----BEGIN CERTIFICATE-----", start)
    end = text.index("-----END CERTIFICATE-----", begin) + len("-----END CERTIFICATE-----")
    return "\n".join(line.strip() for line in text[begin:end].splitlines()) + "\n"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    iam = client(moto_endpoint, "iam")
    for role, source in (("expired", "expired"), ("current", "valid")):
        iam.upload_server_certificate(
            ServerCertificateName=f"web-{role}", CertificateBody=_pem(source),
            PrivateKey="not read", Tags=world.TAGS)
    return {role: f"arn:aws:iam::{ACCOUNT}:server-certificate/web-{role}"
            for role in ("expired", "current")}


@pytest.fixture(autouse=True)
def certificate_tags(request: pytest.FixtureRequest,
                     monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """moto has no ListServerCertificateTags and answers one fixed `Expiration`: answer
    as AWS would, with the tags the certificates were uploaded with (unless the test
    denies the call) and each certificate's own expiry."""

    class Answered:
        status_code = 200

    def tags(params: dict[str, Any], **_: Any) -> Any:
        return Answered(), {"Tags": world.TAGS, "IsTruncated": False}

    def expiry(parsed: dict[str, Any], **_: Any) -> None:
        for item in parsed.get("ServerCertificateMetadataList", []):
            item["Expiration"] = EXPIRATION.get(item["ServerCertificateName"],
                                                item["Expiration"])

    handlers: dict[str, Any] = {"after-call.iam.ListServerCertificates": expiry}
    if "unreadable" not in request.node.name:
        handlers["before-call.iam.ListServerCertificateTags"] = tags
    on_every_client(monkeypatch, handlers)
    yield


def test_expired_certificates_fail(moto_endpoint: str, made: dict[str, str]) -> None:
    found = {f for f in statuses(scan(moto_endpoint), made) if f[0] == "GOV-AWS-268"}
    assert found == {("GOV-AWS-268", "expired", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    expired = resources[made["expired"]]
    assert (expired.kind, expired.native_type) == (
        "aws.iam.server_certificate", "AWS::IAM::ServerCertificate")
    assert expired.attributes == {"name": "web-expired", "expiration": "2021-01-01T12:00:00Z",
                                  "tags": TAG_MAP}
    assert resources[made["current"]].attributes["expiration"] == "2049-12-31T23:59:59Z"


def test_unreadable_tags_are_unknown(moto_endpoint: str, made: dict[str, str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "iam.ListServerCertificateTags")
    tags = read(moto_endpoint)[made["current"]].attributes["tags"]
    assert tags == Unknown("access denied: ListServerCertificateTags")
