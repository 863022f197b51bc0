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
