"""Property tests of the position-keeping JSON reader: whatever the text, it returns a tree
whose lines are inside the text and whose values are `json.loads`'s, or raises SourceError
at a line of the text; it stays bounded; and a JSON file of that text scanned beside the
sentinel template leaves the sentinel's finding reported and is read or named in an
error (never skipped in silence when it looks like a template or a plan)."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.budget import DEFAULT_LIMITS
from govern.parsers.json_positions import JNode, parse_json_positions
from tests.parsers.robustness import alarm, edited, scan_fuzzed

ALARM = 10
SURROGATE = re.compile("[\ud800-\udfff]")
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SCAN_SETTINGS = settings(SETTINGS, max_examples=40)

KEYS = ("Resources", "Type", "Properties", "AWSTemplateFormatVersion", "Parameters",
        "resources", "type", "apiVersion", "name", "properties", "$schema", "copy",
        "format_version", "resource_changes", "planned_values", "change", "after", "a",
        "", "\ud800", "k\udc00y", "é", "\u2028", '"', "\\", "/*", "1")
STRINGS = ("", "x", "AWS::S3::Bucket", "PublicRead", "Microsoft.Storage/storageAccounts",
           "2023-01-01", "https://schema.management.azure.com/schemas/2019-04-01/"
           "deploymentTemplate.json#", "1.2", "create", "[concat('a', 'b')]", "\ud800",
           "\udfff\ud800", "\ud83d\ude00", "q\"uote", "back\\slash", "tab\t", "nl\n",
           "\x00\x1f", "\ufeff", "é\u2028😀", "${var.x}", "!Ref B")
NUMBERS = st.one_of(
    st.integers(), st.integers(min_value=-10**400, max_value=10**400),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0, -0.0, 1e308, -1.5e308, 5e-324, 2**63, -(2**63) - 1]))
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, st.sampled_from(STRINGS), st.text())
VALUES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(KEYS) | st.text(max_size=5), children, max_size=5),
    max_leaves=40)
# the shapes of the documents the reader is given: templates and plans
CFN = st.fixed_dictionaries(
    {"Resources": st.dictionaries(st.sampled_from(["B", "C", "\ud800"]), st.fixed_dictionaries(
        {"Type": st.sampled_from(["AWS::S3::Bucket", "AWS::EC2::VPC", "Custom::X"]) | VALUES},
        optional={"Properties": VALUES}), max_size=3)},
    optional={"AWSTemplateFormatVersion": st.just("2010-09-09") | VALUES,
              "Parameters": VALUES})
ARM = st.fixed_dictionaries(
    {"$schema": st.sampled_from([STRINGS[6]]) | VALUES,
     "resources": st.lists(st.fixed_dictionaries(
         {"type": st.sampled_from(["Microsoft.Storage/storageAccounts"]) | VALUES,
          "apiVersion": st.just("2023-01-01") | VALUES},
         optional={"name": VALUES, "properties": VALUES}), max_size=3)},
    optional={"contentVersion": st.just("1.0.0.0"), "parameters": VALUES,
              "variables": VALUES})
PLAN = st.fixed_dictionaries(
    {"format_version": st.sampled_from(["1.2", "1.0", "2.0"]) | VALUES},
    optional={"resource_changes": st.lists(VALUES, max_size=3),
              "planned_values": VALUES, "configuration": VALUES})
DOCUMENTS = st.one_of(CFN, ARM, PLAN, VALUES)

# Pieces inserted into the text of a document: every kind of token, broken ones, escapes
# of lone surrogates and what JSON does not allow; runs of them: numbers too large (more
# than 4,300 digits), nesting past the limit (256).
PIECES = ("{", "}", "[", "]", ",", ":", '"', "\\", "\\u", "\\ud800", '"\\udc00"',
          '"\\ud83d\\ude00"', "\\x", "1e400", "-1E+999", "0.5", "01", "-", ".", "+1",
          "NaN", "Infinity", "-Infinity", "true", "tru", "null", "nul", "//", "/*", "*/", "#",
          "'", "\ufeff", "\x00", "\x1f", "\n", "\r\n", "\t", " ", "\u2028", "é",
          '"Resources": {', '"Type": "AWS::S3::Bucket"', '"format_version": "1.2"',
          '"resource_changes": [')
RUNS = st.builds(lambda piece, count: piece * count,
                 st.sampled_from(["9", "-9", "[", "]", '{"a":', "}"]),
                 st.sampled_from([DEFAULT_LIMITS.nesting, 300, 4300, 4301]))
PIECE = st.one_of(st.sampled_from(PIECES), RUNS,
                  st.text(alphabet=' ,:"{}[]0123456789.eE-+\\utrnlfas', max_size=3))
EDITS = st.lists(st.tuples(st.floats(min_value=0, max_value=1),
                           st.integers(min_value=0, max_value=8), PIECE), max_size=4)


def escape_surrogates(text: str) -> str:
    """Raw lone surrogates (only ever inside strings here) written as `\\u` escapes: no
    file holds them raw."""
    return SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def dumped(document: Any, indent: int | str | None, ascii_only: bool) -> str:
    return escape_surrogates(json.dumps(document, indent=indent, ensure_ascii=ascii_only))


DOCUMENT_TEXT = st.builds(dumped, DOCUMENTS, st.sampled_from([None, 0, 1, 2, "\t"]),
                          st.booleans())
TEXT = st.one_of(DOCUMENT_TEXT, st.builds(edited, DOCUMENT_TEXT, EDITS),
                 st.lists(PIECE, max_size=30).map("".join))


def check_lines(node: JNode, first: int, last: int) -> None:
    """Every node's lines are inside its parent's, and in order."""
    assert first <= node.line <= node.end_line <= last, (node.line, node.end_line)
    for _, key_line, child in node.members:
        assert node.line <= key_line <= child.line
        check_lines(child, key_line, node.end_line)
    for element in node.elements:
        check_lines(element, node.line, node.end_line)


def plain_json(text: str) -> Any:
    """`json.loads` of the text (its byte order mark left out, as the reader does)."""
    return json.loads(text.removeprefix("\ufeff"))


def has_surrogate(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def replaced(value: Any) -> Any:
    """`value` with every lone surrogate in its strings and keys read as U+FFFD."""
    if isinstance(value, str):
        return SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [replaced(item) for item in value]
    if isinstance(value, dict):
        return {replaced(key): replaced(item) for key, item in value.items()}
    return value


def read(text: str, valid: bool = False) -> None:
    """Read `text` directly: a tree agreeing with `json.loads`, or (unless the text is
    `valid`) a SourceError."""
    lines = text.count("\n") + 1
    notices: list[Notice] = []
    with alarm(ALARM):
        try:
            root = parse_json_positions(text, "f.json", notices)
        except SourceError as error:
            assert not valid, error
            assert error.file == "f.json"
            assert error.line is not None and 1 <= error.line <= lines, error.line
            assert error.message.startswith("invalid JSON")
            return
    check_lines(root, 1, lines)
    for notice in notices:
        assert (notice.level, notice.file, notice.code) == (
            "warning", "f.json", "invalid-character")
        assert notice.line is not None and 1 <= notice.line <= lines
    assert not has_surrogate(text)  # what a file holds: no raw lone surrogate
    assert not has_surrogate(root.value)
    expected = plain_json(text)
    assert root.value == replaced(expected)  # json.loads keeps lone surrogates
    assert bool(notices) == has_surrogate(expected)


@SETTINGS
@given(TEXT)
def test_any_text_is_a_tree_or_a_source_error(text: str) -> None:
    read(text)


@SETTINGS
@given(DOCUMENTS, st.sampled_from([None, 1, "\t"]), st.booleans())
def test_any_document_reads_as_json_loads_does(document: Any, indent: int | str | None,
                                               ascii_only: bool) -> None:
    text = dumped(document, indent, ascii_only)
    try:
        plain_json(text)
    except ValueError:  # integers of more than 4,300 digits
        return
    read(text, valid=True)


INNERMOST = {"one": "1", "fraction": "-0.5e-3", "4300 digits": "9" * 4300,
             "4301 digits": "9" * 4301, "1e308": "1e308", "1e309": "1e309",
             "surrogate": '"\\ud800"', "array": "[]", "object": "{}"}


@SETTINGS
@given(st.integers(min_value=DEFAULT_LIMITS.nesting - 2, max_value=DEFAULT_LIMITS.nesting + 2),
       st.sampled_from(["[", '{"a":', '{"\\ud800":\n', "[1,\n"]),
       st.sampled_from(sorted(INNERMOST)), st.booleans())
def test_nesting_and_numbers_at_the_limits(depth: int, opener: str, innermost: str,
                                           closed: bool) -> None:
    closer = {"[": "]", '{"a":': "}", '{"\\ud800":\n': "}", "[1,\n": "]"}[opener]
    inner = INNERMOST[innermost]
    text = opener * depth + inner + (closer * depth if closed else "")
    levels = depth + (innermost in ("array", "object"))
    fits = innermost not in ("4301 digits", "1e309")
    read(text, valid=closed and fits and levels <= DEFAULT_LIMITS.nesting)
    if levels > DEFAULT_LIMITS.nesting and fits:  # numbers are read before the nesting
        try:
            parse_json_positions(text, "f.json")
        except SourceError as error:
            assert "nested deeper than" in error.message
        else:
            raise AssertionError("read past the nesting limit")


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_as_text(data: bytes) -> None:
    read(data.decode("utf-8", errors="replace"))
    read(data.decode("cp1252", errors="replace"))


@SCAN_SETTINGS
@given(TEXT | st.binary(max_size=300))
def test_any_json_file_beside_the_sentinel(content: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        scan_fuzzed(Path(directory), "template.json", content)
