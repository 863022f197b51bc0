"""Where a thing was written: a file and a line range."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True, slots=True)  # slots: a scan makes millions of them
class SourceRange:
    """A 1-based, inclusive line range in one file.

    `file` is the path as discovered (relative to the working directory when the user
    gave a relative path); reporters make it relative to the scan root.
    """

    file: str
    start_line: int
    end_line: int

    def __str__(self) -> str:
        if self.start_line == self.end_line:
            return f"{self.file}:{self.start_line}"
        return f"{self.file}:{self.start_line}-{self.end_line}"

    def __reduce__(self) -> tuple[Any, tuple[str, int, int]]:
        # pickled as a call of `source_range` (a frozen slotted dataclass would be
        # restored field by field through object.__setattr__, three times slower)
        return (source_range, (self.file, self.start_line, self.end_line))


_new = object.__new__
_slots = vars(SourceRange)  # each field's slot (a descriptor that bypasses frozen)
_set_file = _slots["file"].__set__
_set_start = _slots["start_line"].__set__
_set_end = _slots["end_line"].__set__


def source_range(file: str, start_line: int, end_line: int) -> SourceRange:
    """`SourceRange(file, start_line, end_line)`, made in half the time: a frozen
    dataclass's `__init__` sets each field through `object.__setattr__`, and the template
    evaluators make one range per value they read (tests/model/test_source.py checks that
    the two are the same). Each field is set through its slot directly."""
    made: SourceRange = _new(SourceRange)
    _set_file(made, file)
    _set_start(made, start_line)
    _set_end(made, end_line)
    return made
