"""The lenient ARM reader makes a template strict in one scan that never backtracks: the
inputs that made the former regular expression backtrack exponentially (a banner of
slashes after a comma: 200 s for 40 slashes) or quadratically (unclosed `/*`) are read in
time proportional to their size. Each runs under an alarm, so a regression fails instead
of hanging the suite."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govern.errors import SourceError
from govern.parsers.arm.reading import parse_lenient, strictify
from tests.parsers.robustness import alarm

ALARM = 10
MEGABYTE = 1_000_000
BIG = 250_000  # a quadratic scan of this takes hours; the linear one a fraction of a second

# What the scan does, said as a regular expression (atomic groups: a comment in the look
# after a comma is read as the scan reads it). Too slow for big inputs, exact for small ones.
_ORACLE = re.compile(
    r"""
      (?P<string>"(?:[^"\\]++|\\.)*+")
    | (?P<line>//[^\n]*)
    | (?P<block>/\*.*?\*/)
    | (?P<comma>,(?=(?>\s|//[^\n]*+|/\*.*?\*/)*+[}\]]))
    """,
    re.VERBOSE | re.DOTALL,
)
_CONTROL = re.compile(r"[\x00-\x1f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _oracle_token(match: re.Match[str]) -> str:
    token = match.group(0)
    if match.lastgroup == "string":
        escaped = _CONTROL.sub(
            lambda m: _ESCAPES.get(m.group(0), f"\\u{ord(m.group(0)):04x}"), token)
        return escaped + "\n" * token.count("\n")
    if match.lastgroup == "line":
        return ""
    if match.lastgroup == "block":
        return " " + "\n" * token.count("\n")
    return " "


def _oracle(text: str) -> str:
    return _ORACLE.sub(_oracle_token, text)


def _members(text: str) -> list[tuple[str, int]]:
    with alarm(ALARM):
        node = parse_lenient(text, "t.json")
    return [(key, line) for key, line, _ in node.members]


def test_a_banner_of_slashes_after_a_comma() -> None:
    text = '{\n  "a": 1,\n' + "/" * 40 + '\n  "b": 2,\n  ' + "/" * 80 + "\n}\n"
    assert _members(text) == [("a", 2), ("b", 4)]


def test_a_trailing_comma_after_comments() -> None:
    text = '{\n  "a": [1, 2, // last\n  ],\n  "b": {"c": 1, /* x */ /* y\n */ },\n}'
    with alarm(ALARM):
        node = parse_lenient(text, "t.json")
    assert node.value == {"a": [1, 2], "b": {"c": 1}}
    assert [(key, line) for key, line, _ in node.members] == [("a", 2), ("b", 4)]


def test_a_bracket_inside_a_comment_does_not_end_the_list() -> None:
    # the former regex backtracked into `// ]` and dropped the comma before 2
    with alarm(ALARM):
        assert parse_lenient("[1, // ]\n 2]", "t.json").value == [1, 2]


def test_comment_markers_and_commas_inside_strings_are_text() -> None:
    text = '{"u": "https://x//y", "v": "/* no */ ,]", "w": "a,}", "x": "\\"//"}'
    assert strictify(text) == text
    with alarm(ALARM):
        assert parse_lenient(text + " // end", "t.json").value == {
            "u": "https://x//y", "v": "/* no */ ,]", "w": "a,}", "x": '"//'}


def test_an_unclosed_block_comment_is_an_error_at_its_line() -> None:
    with pytest.raises(SourceError) as caught, alarm(ALARM):
        parse_lenient('{\n  "a": 1,\n  /* not closed\n  "b": 2\n}', "t.json")
    assert (caught.value.line, caught.value.message) == (
        3, "invalid JSON: unexpected character '/'")


def test_an_unclosed_string_is_an_error_at_its_line() -> None:
    with pytest.raises(SourceError) as caught, alarm(ALARM):
        parse_lenient('{\n  "a": 1, // x\n  "b": "not closed\n}', "t.json")
    assert caught.value.line == 3


@pytest.mark.parametrize("text", [
    "/" * MEGABYTE,
    "," + "/" * MEGABYTE,
    "/*" * (BIG // 2),
    ",/*" * (BIG // 3),
    '"' * BIG,
    "," * BIG,
    '"' + "\\" * MEGABYTE,
], ids=["slashes", "comma-slashes", "unclosed-comments", "comma-unclosed-comments",
        "quotes", "commas", "backslashes"])
def test_big_runs_of_comment_syntax_are_read_in_bounded_time(text: str) -> None:
    with alarm(ALARM), pytest.raises(SourceError) as caught:
        parse_lenient(text, "t.json")
    assert caught.value.line == 1


def test_many_comments_before_a_closing_bracket() -> None:
    with alarm(ALARM):
        assert parse_lenient("[1," + "/**/" * (BIG // 4) + "\n]", "t.json").value == [1]


def test_a_megabyte_of_slashes_after_a_comma_is_dropped() -> None:
    with alarm(ALARM):
        assert parse_lenient("[1," + "/" * MEGABYTE + "\n]", "t.json").value == [1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='"/*,}]\\ \n\tab{[:1', max_size=30))
def test_the_scan_does_what_the_regex_says(text: str) -> None:
    assert strictify(text) == _oracle(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_or_is_a_source_error(text: str) -> None:
    with alarm(ALARM):
        try:
            node = parse_lenient(text, "t.json")
        except SourceError as error:
            assert error.line is None or 1 <= error.line <= text.count("\n") + 1
        else:
            assert 1 <= node.line <= node.end_line <= text.count("\n") + 1
    assert strictify(text).count("\n") == text.count("\n")
