"""The position-keeping JSON reader."""

from __future__ import annotations

import json
import random

import pytest

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.budget import DEFAULT_LIMITS
from govern.parsers.json_positions import (
    JNode,
    iter_duplicates,
    parse_json_positions,
    to_python,
)

DOC = """{
  "name": "x\\n\\u00e9",
  "count": -12,
  "ratio": 2.5e-1,
  "flags": [true, false, null],
  "nested": {
    "empty": {},
    "list": []
  }
}
"""


def test_tree_values_and_lines() -> None:
    root = parse_json_positions(DOC, "t.json")
    flags = JNode("array", [True, False, None], 5, 5, elements=(
        JNode("bool", True, 5, 5), JNode("bool", False, 5, 5), JNode("null", None, 5, 5)))
    nested = JNode("object", {"empty": {}, "list": []}, 6, 9, members=(
        ("empty", 7, JNode("object", {}, 7, 7)),
        ("list", 8, JNode("array", [], 8, 8)),
    ))
    assert root == JNode("object", json.loads(DOC), 1, 10, members=(
        ("name", 2, JNode("string", "x\né", 2, 2)),
        ("count", 3, JNode("number", -12, 3, 3)),
        ("ratio", 4, JNode("number", 0.25, 4, 4)),
        ("flags", 5, flags),
        ("nested", 6, nested),
    ))
    assert to_python(root) == json.loads(DOC)
    assert root.get("count") == JNode("number", -12, 3, 3)
    assert root.get("missing") is None


def test_scalar_document_bom_and_whitespace() -> None:
    assert parse_json_positions('\ufeff\n\n "s" \n', "t.json") == JNode("string", "s", 3, 3)
    assert parse_json_positions("0", "t.json") == JNode("number", 0, 1, 1)


def test_duplicate_keys_keep_the_last_value_and_are_recorded() -> None:
    root = parse_json_positions('{\n"a": 1,\n"b": {"c": 1,\n"c": 2},\n"a": 3\n}', "t.json")
    assert to_python(root) == {"a": 3, "b": {"c": 2}}
    assert [(key, line) for key, line, _ in root.members] == [("a", 5), ("b", 3)]
    assert root.duplicates == (("a", 5),)
    assert list(iter_duplicates(root)) == [("a", 5), ("c", 4)]


@pytest.mark.parametrize(("text", "line", "message", "hint"), [
    ('{\n  "a": 1,\n}', 3, 'invalid JSON: expected a quoted object key, found "}"',
     "JSON allows no trailing commas"),
    ('{\n  "a": 1\n  "b": 2\n}', 3, 'invalid JSON: expected "," or "}", found a string', None),
    ('{\n  "a" 1\n}', 2, 'invalid JSON: expected ":" after the object key, found a number',
     None),
    ('[1,\n 2', 2, "invalid JSON: unexpected end of file", 'unclosed "[" opened at line 1'),
    ('{\n  // comment\n}', 2, "invalid JSON: unexpected character '/'",
     "JSON allows no comments, single quotes or unquoted words"),
    ('{"a": "x\ny"}', 1, "invalid JSON string: invalid control character",
     "close strings with a quote on the same line and escape control characters and "
     "backslashes (\\n, \\\\)"),
    ('{\n"a": "xy', 2, "invalid JSON string: unterminated string",
     "close strings with a quote on the same line and escape control characters and "
     "backslashes (\\n, \\\\)"),
    ('{"a": "\\q"}', 1, "invalid JSON string: invalid \\escape",
     "close strings with a quote on the same line and escape control characters and "
     "backslashes (\\n, \\\\)"),
    ('{}\n{}', 2, "invalid JSON: unexpected text after the document",
     "a JSON file holds exactly one value"),
    ("", 1, "invalid JSON: the file is empty", "a JSON document needs one value, like {}"),
    ("[01]", 1, 'invalid JSON: expected "," or "]", found a number', None),
])
def test_errors(text: str, line: int, message: str, hint: str | None) -> None:
    with pytest.raises(SourceError) as info:
        parse_json_positions(text, "t.json")
    assert (info.value.line, info.value.message, info.value.hint) == (line, message, hint)


def test_agrees_with_json_module_on_random_documents() -> None:
    rng = random.Random(3)

    def value(depth: int) -> object:
        choice = rng.randrange(7 if depth < 4 else 4)
        if choice == 0:
            return rng.choice(["", "plain", 'q"uote', "back\\slash", "tab\t", "é\u2028😀"])
        if choice == 1:
            return rng.choice([0, -1, 10**20, 1.5, -2.5e-7])
        if choice == 2:
            return rng.choice([True, False])
        if choice == 3:
            return None
        if choice == 4:
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        return {f"k{i}": value(depth + 1) for i in range(rng.randrange(4))}

    for _ in range(200):
        data = value(0)
        for indent in (None, 2):
            text = json.dumps(data, indent=indent, ensure_ascii=rng.random() < 0.5)
            root = parse_json_positions(text, "r.json")
            assert to_python(root) == data
            assert root.end_line == text.count("\n") + 1


def test_never_crashes_on_broken_input() -> None:
    rng = random.Random(5)
    text = json.dumps({"a": [1, {"b": "c\\n"}, None], "d": 1.5}, indent=1)
    inputs = [text[:cut] for cut in range(len(text))]
    inputs += ["".join(rng.choice('{}[]:,"\\ \n0-.aetrufnl') for _ in range(30))
               for _ in range(500)]
    for broken in inputs:
        try:
            parse_json_positions(broken, "f.json")
        except SourceError as error:
            assert error.line is not None


def test_nesting_up_to_the_limit_is_read() -> None:
    depth = DEFAULT_LIMITS.nesting
    text = "[" * depth + "]" * depth
    assert parse_json_positions(text, "d.json").kind == "array"


@pytest.mark.parametrize("text", ["[" * 20000 + "]" * 20000,
                                  '{"a":\n' * 300 + "1" + "}" * 300,
                                  "[" * DEFAULT_LIMITS.nesting + "[]" + "]" * 256])
def test_nesting_past_the_limit_is_an_error_at_its_line(text: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse_json_positions(text, "d.json")
    assert caught.value.message == (f"invalid JSON: arrays and objects nested deeper than "
                                    f"{DEFAULT_LIMITS.nesting} levels")
    assert caught.value.line == (DEFAULT_LIMITS.nesting + 1 if "\n" in text else 1)


@pytest.mark.parametrize(("number", "shown"), [
    ("1e400", "1e400"), ("-1E+999", "-1E+999"),
    ("9" * 5000, "999999999999...999999 (5,000 characters)"),
    ("-" + "9" * 4400, "-99999999999...999999 (4,401 characters)"),
])
def test_numbers_too_large_are_an_error_at_their_line(number: str, shown: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse_json_positions(f'{{\n "a": [1,\n {number}]}}', "n.json")
    assert caught.value.message == f"invalid JSON: the number {shown} is too large to read"
    assert caught.value.line == 3


def test_large_numbers_within_range_are_read() -> None:
    assert parse_json_positions("[1.5e308, " + "9" * 4300 + "]", "n.json").value == [
        1.5e308, int("9" * 4300)]


def test_lone_surrogates_are_replaced_with_a_warning() -> None:
    notices: list[Notice] = []
    text = '{\n "k\\ud800": "\\uDC00x",\n "pair": "\\ud83d\\ude00"}'
    root = parse_json_positions(text, "s.json", notices)
    assert root.value == {"k\ufffd": "\ufffdx", "pair": "\U0001f600"}
    assert [(n.level, n.file, n.line, n.code) for n in notices] == [
        ("warning", "s.json", 2, "invalid-character")]


def test_a_few_megabytes_parse_exactly() -> None:
    # speed is measured by benchmarks/, not here
    doc = {"resources": [{"type": "Microsoft.Storage/storageAccounts", "name": f"sa{i}",
                          "properties": {"supportsHttpsTrafficOnly": True, "tags": {
                              "env": "prod", "n": i}}} for i in range(12000)]}
    text = json.dumps(doc, indent=2)
    assert len(text) > 2_500_000
    root = parse_json_positions(text, "big.json")
    assert to_python(root) == doc
