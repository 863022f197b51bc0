"""When an X.509 certificate written in PEM expires: its `notAfter`, read from the DER bytes.

A certificate is `SEQUENCE { tbsCertificate SEQUENCE { [0] version (optional),
serialNumber INTEGER, signature SEQUENCE, issuer SEQUENCE, validity SEQUENCE { notBefore,
notAfter }, ... }, ... }` (RFC 5280, 4.1); the times are UTCTime (`YYMMDDHHMMSSZ`, years
50-99 are 19xx) or GeneralizedTime (`YYYYMMDDHHMMSSZ`). Only the first certificate of the
text is read (a chain's first is the server certificate). Nothing is verified: a scanner
only needs the date the certificate says.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, datetime
from typing import Any

from govern.model.unknown import Unknown

_PEM = re.compile(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", re.S)
_SEQUENCE, _INTEGER, _UTC_TIME, _GENERALIZED_TIME, _VERSION = 0x30, 0x02, 0x17, 0x18, 0xA0


class _Malformed(ValueError):
    pass


def expiration(body: Any) -> Any:
    """A certificate body's expiry (`not_after`), for the adapters; Unknown when the text
    holds no certificate govern can read."""
    found = not_after(body) if isinstance(body, str) else None
    if found is None:
        return Unknown("the certificate body holds no PEM certificate govern can read")
    return found


def not_after(pem: str) -> str | None:
    """The expiry of the first certificate in `pem` as `YYYY-MM-DDTHH:MM:SSZ` (UTC), or None
    when the text holds no certificate that reads as one."""
    match = _PEM.search(pem)
    if match is None:
        return None
    try:
        der = base64.b64decode("".join(match.group(1).split()), validate=True)
        return _not_after(der).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (binascii.Error, _Malformed, ValueError):
        return None


def _not_after(der: bytes) -> datetime:
    _, body, _ = _element(der, 0, _SEQUENCE)  # Certificate
    _, offset, _ = _element(der, body, _SEQUENCE)  # tbsCertificate
    tag, _, end = _element(der, offset)
    if tag == _VERSION:
        offset = end
    for expected in (_INTEGER, _SEQUENCE, _SEQUENCE):  # serial, signature, issuer
        _, _, offset = _element(der, offset, expected)
    _, offset, _ = _element(der, offset, _SEQUENCE)  # validity
    _, _, offset = _element(der, offset)  # notBefore
    tag, start, end = _element(der, offset)
    if tag not in (_UTC_TIME, _GENERALIZED_TIME):
        raise _Malformed("notAfter is not a time")
    return _time(der[start:end].decode("ascii"), tag == _UTC_TIME)


def _element(der: bytes, offset: int, expected: int | None = None) -> tuple[int, int, int]:
    """(tag, start of the content, end of the element) of the DER element at `offset`."""
    if offset + 2 > len(der):
        raise _Malformed("truncated")
    tag, length = der[offset], der[offset + 1]
    start = offset + 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > 4 or start + count > len(der):
            raise _Malformed("bad length")
        length = int.from_bytes(der[start:start + count], "big")
        start += count
    end = start + length
    if end > len(der) or (expected is not None and tag != expected):
        raise _Malformed("unexpected element")
    return tag, start, end


def _time(text: str, utc_time: bool) -> datetime:
    if not text.endswith("Z"):
        raise _Malformed("not a UTC time")
    digits = text[:-1]
    if utc_time:
        if len(digits) != 12 or not digits.isdigit():
            raise _Malformed("bad UTCTime")
        year = int(digits[:2])
        digits = f"{1900 + year if year >= 50 else 2000 + year}{digits[2:]}"
    if len(digits) != 14 or not digits.isdigit():
        raise _Malformed("bad GeneralizedTime")
    return datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
