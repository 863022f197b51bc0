"""Reading template files as Azure does: encodings, comments, trailing commas, multi-line
strings, with every line where it was."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.arm.reading import decode, parse_lenient, read_json, strictify

LENIENT = """{
  // a line comment
  "a": "x", /* a block
  comment */
  "script": "line one
line two",
  "b": [1, 2,],
  "c": {"d": true,},
}
"""


def test_lenient_json_keeps_every_line() -> None:
    node = parse_lenient(LENIENT, "t.json")
    assert node.value == {"a": "x", "script": "line one\nline two", "b": [1, 2],
                          "c": {"d": True}}
    assert [(key, line) for key, line, _ in node.members] == [
        ("a", 3), ("script", 5), ("b", 7), ("c", 8)]
    assert node.end_line == 9


def test_strictify_leaves_strings_that_look_like_comments() -> None:
    text = '{"u": "https://x//y", "v": "/* no */", "w": "a,]"}'
    assert strictify(text) == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks(encoding: str, tmp_path: Path) -> None:
    text = '{"a": "é"}'
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = tmp_path / "t.json"
    path.write_bytes(data)
    assert read_json(str(path)).value == {"a": "é"}


def test_utf16_without_a_bom() -> None:
    assert decode('{"a": 1}'.encode("utf-16-le"), "t.json") == '{"a": 1}'


def test_not_utf8_is_read_with_a_warning_naming_the_byte() -> None:
    notices: list[Notice] = []
    assert decode(b"{\n\"a\": \"caf\xe9\"}", "t.json", notices) == '{\n"a": "caf\xe9"}'
    assert [(n.level, n.line, n.message, n.code) for n in notices] == [
        ("warning", 2, "not valid UTF-8 (byte 0xe9 at offset 11); read as cp1252",
         "decode-fallback")]


def test_invalid_json_reports_its_line() -> None:
    with pytest.raises(SourceError) as caught:
        parse_lenient('{\n  // fine\n  "a": 1\n  "b": 2\n}', "t.json")
    assert (caught.value.line, caught.value.message) == (
        4, 'invalid JSON: expected "," or "}", found a string')
