"""The expiry of an X.509 certificate in PEM (UTCTime and GeneralizedTime), and what is
not one."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from govern.adapters.x509 import expiration, not_after
from govern.model.unknown import Unknown

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "rules" / \
    "iam-server-certificate-expired" / "terraform" / "main.tf"
PEMS = [re.sub(r"\n\s+", "\n", m) for m in re.findall(
    r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", FIXTURE.read_text(), re.S)]


def test_utc_time_and_generalized_time() -> None:
    expired, valid, far = PEMS
    assert not_after(expired) == "2021-01-01T12:00:00Z"  # UTCTime
    assert not_after(valid) == "2049-12-31T23:59:59Z"  # UTCTime, year 49 is 2049
    assert not_after(far) == "2099-12-31T00:00:00Z"  # GeneralizedTime
    assert not_after("chain first:\n" + expired + "\n" + far) == "2021-01-01T12:00:00Z"


def _der(pem: str) -> bytes:
    body = pem.split("-----")[2]
    return base64.b64decode("".join(body.split()))


def _pem(der: bytes) -> str:
    return ("-----BEGIN CERTIFICATE-----\n" + base64.b64encode(der).decode()
            + "\n-----END CERTIFICATE-----\n")


@pytest.mark.parametrize("text", [
    "",
    "certificate goes here",
    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
    "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----",
    _pem(_der(PEMS[0])[:40]),  # truncated
    _pem(b"\x30\x84\xff\xff\xff\xff"),  # a length past the end
    _pem(b"\x02\x01\x00"),  # not a SEQUENCE
])
def test_what_is_not_a_certificate_has_no_expiry(text: str) -> None:
    assert not_after(text) is None


def test_expiration_for_the_adapters() -> None:
    assert expiration(PEMS[0]) == "2021-01-01T12:00:00Z"
    assert expiration("nope") == Unknown(
        "the certificate body holds no PEM certificate govern can read")
    assert isinstance(expiration(42), Unknown)
