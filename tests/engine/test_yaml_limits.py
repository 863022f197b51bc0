"""The YAML loader of rule, configuration and waiver files is bounded: no input nests,
expands or converts its way into a crash (RecursionError, a segmentation fault of PyYAML's
C composer, ValueError from a huge integer or an impossible date)."""

from __future__ import annotations

import pytest

from govern.engine.yaml_loader import MAX_NESTING, load_yaml
from govern.errors import SourceError


def _error(text: str) -> str:
    with pytest.raises(SourceError) as caught:
        load_yaml(text, "r.yaml")
    return caught.value.render()


def test_nesting_at_the_limit_loads() -> None:
    doc = load_yaml("a: " + "[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1) + "\n", "r.yaml")
    depth, value = 1, doc.value["a"]
    while value:
        depth, value = depth + 1, value[0]
    assert depth == MAX_NESTING - 1  # lists inside the top-level mapping


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 5_000, 200_000])
def test_deep_flow_nesting_is_an_error_not_a_crash(depth: int) -> None:
    # 200,000 levels crashed the interpreter in PyYAML's C composer
    assert _error("[" * depth + "]" * depth) == (
        "r.yaml:1: nested more than 256 levels deep (govern's nesting limit; flatten the "
        "document)")


def test_deep_block_nesting_names_the_line() -> None:
    text = "".join(" " * i + "a:\n" for i in range(3_000)) + " " * 3_000 + "b: 1\n"
    assert _error(text).startswith("r.yaml:257: nested more than 256 levels deep")


@pytest.mark.parametrize("number", ["9" * 5_000, "0x" + "f" * 5_000, "0" + "7" * 6_000])
def test_huge_integer(number: str) -> None:
    assert _error("a: 1\nb: " + number + "\n") == (
        "r.yaml:2: a number with more than 4300 digits, which govern does not read (quote it "
        "if it is not meant as a number)")


@pytest.mark.parametrize(("value", "why"), [("2026-02-30", "day is out of range for month"),
                                            ("2026-13-01", "month must be in 1..12")])
def test_impossible_date(value: str, why: str) -> None:
    assert _error(f"a:\n  expires: {value}\n") == (
        f"r.yaml:2: not a calendar date: {value} ({why}) (write a real date, YYYY-MM-DD)")


def test_billion_laughs_is_bounded() -> None:
    names = "abcdefghij"
    text = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"{names[i + 1]}: &{names[i + 1]} [{', '.join(['*' + names[i]] * 10)}]\n"
        for i in range(9))
    assert _error(text).startswith("r.yaml:6: aliases expand to more than 1,000,000 values")


@pytest.mark.parametrize(("text", "message"), [
    ("a: &x [*x]\n", "r.yaml:1: recursive alias"),
    ("a: *nowhere\n", "r.yaml:1: found undefined alias 'nowhere'"),
    ("a: &x 1\nb: &x 2\n", "r.yaml:2: duplicate anchor 'x' (give each anchor its own name)"),
    ("? [a]\n: 1\n", "r.yaml:1: a mapping key must be a plain string"),
    ("a: 1\n---\nb: 2\n", ("r.yaml:2: invalid YAML: but found another document (expected a "
                           "single document in the stream on line 1)")),
])
def test_structure_errors(text: str, message: str) -> None:
    assert _error(text) == message


def test_aliases_share_one_value_and_keys_may_be_aliased() -> None:
    doc = load_yaml("k: &k name\nx: &x {q: 1}\ny: *x\nz: {*k : 2}\n", "r.yaml")
    assert doc.value == {"k": "name", "x": {"q": 1}, "y": {"q": 1}, "z": {"name": 2}}
    assert doc.value["x"] is doc.value["y"]
    assert doc.lines[("z", "name")] == 4
