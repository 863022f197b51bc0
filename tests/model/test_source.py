"""source_range makes the same SourceRange as the constructor, faster."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from govern.model.source import SourceRange, source_range


def test_the_same_as_the_constructor() -> None:
    made, built = source_range("main.tf", 3, 9), SourceRange("main.tf", 3, 9)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert str(made) == "main.tf:3-9" and made < SourceRange("main.tf", 4, 4)
    assert dataclasses.asdict(made) == {"file": "main.tf", "start_line": 3, "end_line": 9}
    assert pickle.loads(pickle.dumps(made)) == built and copy.deepcopy(made) == built
    assert dataclasses.replace(made, end_line=10) == SourceRange("main.tf", 3, 10)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start_line = 4  # type: ignore[misc]


def test_still_a_plain_frozen_dataclass() -> None:
    """What source_range relies on: exactly these three fields, each in a slot, no
    __post_init__ (nothing the constructor does that source_range would skip)."""
    assert SourceRange.__slots__ == ("file", "start_line", "end_line")
    assert not hasattr(SourceRange, "__post_init__")
    assert [f.name for f in dataclasses.fields(SourceRange)] == [
        "file", "start_line", "end_line"]
    assert not hasattr(source_range("main.tf", 1, 1), "__dict__")


def test_pickles_as_a_call_of_source_range() -> None:
    made = SourceRange("main.tf", 3, 9)
    assert made.__reduce__() == (source_range, ("main.tf", 3, 9))
    restored = pickle.loads(pickle.dumps([made, made]))
    assert restored == [made, made] and restored[0] is restored[1]
