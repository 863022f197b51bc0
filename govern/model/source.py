"""Where a thing was written: a file and a line range."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
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


_new = object.__new__


def source_range(file: str, start_line: int, end_line: int) -> SourceRange:
    """`SourceRange(file, start_line, end_line)`, made in half the time: a frozen
    dataclass's `__init__` sets each field through `object.__setattr__`, and the template
    evaluators make one range per value they read (tests/model/test_source.py checks that
    the two are the same)."""
    made = _new(SourceRange)
    fields = made.__dict__
    fields["file"] = file
    fields["start_line"] = start_line
    fields["end_line"] = end_line
    return made
