"""Bytes to text for every format: byte order marks, UTF-16 without one, and the
Windows-1252 fallback that says which byte was not UTF-8."""

from __future__ import annotations

import codecs

import pytest

from govern.parsers.decoding import decode_bytes

TEMPLATE = '{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}\n'


@pytest.mark.parametrize(("data", "encoding"), [
    (TEMPLATE.encode(), "utf-8"),
    (codecs.BOM_UTF8 + TEMPLATE.encode(), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + TEMPLATE.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEMPLATE.encode("utf-16-be"), "utf-16"),
    (TEMPLATE.encode("utf-32"), "utf-32"),
    (TEMPLATE.encode("utf-16-le"), "utf-16-le"),
    (TEMPLATE.encode("utf-16-be"), "utf-16-be"),
    ("Beschreibung: é ü\n".encode("utf-16-le"), "utf-16-le"),
])
def test_each_encoding_decodes_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.fell_back) == (encoding, False)
    assert decoded.text.lstrip("\ufeff") in (TEMPLATE, "Beschreibung: é ü\n")


@pytest.mark.parametrize("data", [
    b'resource "aws_s3_bucket" "b" {\x00\n  acl = "public-read"\n}\n',  # even length
    b'{"a": "\x00\x00"}\n',
    b"\x00" + b"A" * 63,
])
def test_a_stray_nul_in_utf8_text_stays_utf8(data: bytes) -> None:
    # read as UTF-16, these bytes were CJK text without a word of warning
    assert len(data) % 2 == 0
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == ("utf-8", data.decode())


def test_a_byte_that_is_not_utf8_falls_back_and_says_where() -> None:
    data = b'Description: "caf\xe9"\nResources: {}\n'
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == ("cp1252", 'Description: "café"\nResources: {}\n')
    notice = decoded.notice("t.yaml")
    assert notice is not None
    assert notice.render() == ("t.yaml:1: not valid UTF-8 (byte 0xe9 at offset 17); read as "
                               "cp1252 (save the file as UTF-8)")


def test_unmapped_bytes_stay_visible() -> None:
    assert decode_bytes(b"a\x81b").text == "a?b"


def test_utf8_behind_a_utf16_mark_is_read_as_utf8_and_said() -> None:
    decoded = decode_bytes(codecs.BOM_UTF16_LE + TEMPLATE.encode())
    assert (decoded.encoding, decoded.text) == ("utf-8", TEMPLATE)
    notice = decoded.notice("t.json")
    assert notice is not None and notice.render() == (
        "t.json:1: starts with a UTF-16 byte order mark but holds UTF-8; read as UTF-8 "
        "(save the file as UTF-8)")


def test_latin1_behind_a_utf8_mark_falls_back_past_the_mark() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + b'Description: "caf\xe9"\n')
    assert (decoded.encoding, decoded.text) == ("cp1252", 'Description: "café"\n')
    assert (decoded.bad_line, decoded.bad_offset, decoded.bad_byte) == (1, 20, 0xE9)


def test_a_utf32_unit_out_of_range_is_replaced_and_said() -> None:
    data = bytearray(TEMPLATE.encode("utf-32"))  # with its mark
    data[8:12] = (0x110000).to_bytes(4, "little")  # the second character
    decoded = decode_bytes(bytes(data))
    assert decoded.encoding == "utf-32"
    assert decoded.text == "{\ufffd" + TEMPLATE[2:]
    notice = decoded.notice("t.json")
    assert notice is not None and notice.message.startswith("not valid UTF-32 (offset 8")


def test_latin1_behind_a_utf16_mark_is_read_as_8_bit_text_and_said() -> None:
    decoded = decode_bytes(codecs.BOM_UTF16_LE + b'{"Description": "caf\xe9"}')
    assert (decoded.encoding, decoded.text) == ("cp1252", '{"Description": "café"}')
    notice = decoded.notice("t.json")
    assert notice is not None and notice.message == (
        "starts with a UTF-16 byte order mark but holds text that is not UTF-8; read as cp1252")


def test_utf16_without_a_mark_of_odd_length_is_read_and_said() -> None:
    data = TEMPLATE.encode("utf-16-le") + b"}"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-16-le"
    assert decoded.text == TEMPLATE + "\ufffd"
    assert decoded.notice("t.json") is not None
