"""govern.json_text writes the bytes of json.dumps(indent=2), and leaves what it does not
know to json.dumps (same result, same errors)."""

from __future__ import annotations

import enum
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govern.json_text import Streamed, chunks, dumps_indented, indented, layout

_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
            | st.text())
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (st.lists(inner, max_size=4) | st.tuples(inner, inner)
                   | st.dictionaries(st.text(), inner, max_size=4)),
    max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_the_same_text_as_json_dumps(value: Any) -> None:
    assert dumps_indented(value) == json.dumps(value, indent=2)


class _Level(enum.IntEnum):
    HIGH = 3


class _Name(str):
    pass


@pytest.mark.parametrize("value", [
    {"finding": {"rule": "GOV-AWS-001", "line": 3, "tags": [], "meta": {}}},
    ["é", "\u2028", "\ud800", "\x00", 'quote " and \\'],
    [math.inf, -math.inf, 1e300, -0.0, 0.1],
    {"level": _Level.HIGH, "name": _Name("x"), _Name("key"): True},  # subclasses
    {1: "an int key", None: "a None key", 2.5: "a float key"},  # keys json.dumps converts
    [[[[{"deep": [[], {}]}]]]],
])
def test_edge_values(value: Any) -> None:
    assert dumps_indented(value) == json.dumps(value, indent=2)


def test_errors_are_json_dumps_errors() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented({"a": loop})
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps_indented({"a": object()})
    with pytest.raises(TypeError, match="keys must be"):
        dumps_indented({("tuple", "key"): 1})


def _streamed(value: Any) -> Any:
    """`value` with each outermost array written as `Streamed` items."""
    if isinstance(value, dict):
        return {key: _streamed(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return Streamed(value, lambda item, newline: indented(item, newline))
    return value


@settings(max_examples=200, deadline=None)
@given(_VALUES)
def test_streamed_arrays_write_the_same_text(value: Any) -> None:
    assert "".join(chunks(layout(_streamed(value)))) == json.dumps(value, indent=2)


@pytest.mark.parametrize("count", [0, 1, 255, 256, 257, 1000])
def test_a_long_stream_comes_in_pieces_with_the_same_text(count: int) -> None:
    items = [{"rule": f"R{i}", "line": i, "tags": ["a", {"b": None}]} for i in range(count)]
    doc = {"head": {"n": count}, "runs": [{"results": Streamed(
        iter(items), lambda item, newline: indented(item, newline))}], "tail": []}
    pieces = list(chunks(layout(doc)))
    expected = json.dumps({"head": {"n": count}, "runs": [{"results": items}], "tail": []},
                          indent=2)
    assert "".join(pieces) == expected
    assert len(pieces) >= 2 + count // 256  # never the whole array in one piece


def test_a_string_that_looks_like_a_mark_is_only_a_string() -> None:
    lookalike = "\x00govern-streamed-0\x00 and \x00govern-streamed-0-0\x00"
    doc = {"notice": lookalike, "results": Streamed([lookalike], lambda item, nl: indented(
        item, nl)), "after": [lookalike]}
    expected = json.dumps({"notice": lookalike, "results": [lookalike], "after": [lookalike]},
                          indent=2)
    assert "".join(chunks(layout(doc))) == expected
