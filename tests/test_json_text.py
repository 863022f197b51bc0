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

from govern.json_text import dumps_indented

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
