"""Where a JSON or TOML file nests too deep (`deep_line`): brackets inside strings and
comments do not count, a string left open runs to the end of its line or of the text, and
the scan is linear on any text (an unclosed string of escaped quotes made the former
patterns rescan it from every quote: 40 KB took 5 s, a megabyte hours). The big inputs run
under an alarm, so a regression fails instead of hanging the suite."""

from __future__ import annotations

import pytest

from govern.user_files import deep_line
from tests.parsers.robustness import alarm

BIG = 500_000


@pytest.mark.parametrize(("text", "toml", "line"), [
    ("[" * 257, False, 1),
    ("[" * 256 + "]" * 256, False, None),
    ('"' + "[" * 300 + '"\n' + "[" * 257, False, 2),
    ('{"a": "\\"[[[["}' + "\n\n" + "[" * 257, False, 3),
    ('"never closed [[[' + "[" * 300, False, None),
    ('a = "[[[[\n' + "[" * 257, True, 2),  # a TOML one-line string ends at its line
    ('a = """\n[[[\n"""\n' + "[" * 257, True, 4),
    ("a = '''\n[[[\n'''\n" + "[" * 257, True, 4),
    ("# [[[[\n" + "[" * 257, True, 2),
    ("a = '[[[['\n" + "[" * 257, True, 2),
    ('a = """never closed\n' + "[" * 300, True, None),
])
def test_the_line_where_nesting_goes_past_the_limit(text: str, toml: bool,
                                                    line: int | None) -> None:
    assert deep_line(text, toml=toml, limit=256) == line


@pytest.mark.parametrize("text", [
    '"' + '\\"' * BIG,
    '"' + "\\" * BIG,
    '"""' + '\\"""' * BIG,
    "'''" + "''" * BIG,
    '"' * 2 * BIG + "[",
    "'" + "a" * BIG,
], ids=["escaped-quotes", "backslashes", "triple-escaped", "triple-single", "quotes",
        "open-literal"])
@pytest.mark.parametrize("toml", [False, True], ids=["json", "toml"])
def test_hostile_text_is_read_in_linear_time(text: str, toml: bool) -> None:
    with alarm(10):
        assert deep_line(text, toml=toml, limit=256) is None
