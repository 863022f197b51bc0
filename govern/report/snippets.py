"""The lines of a scanned file that a finding points at, for the text report.

Files are read again when the report is written (a few per report, each once): as UTF-8
with undecodable bytes replaced, at most `MAX_FILE_BYTES`; a file that cannot be read
(gone, a directory, too large) simply has no snippet. At most `MAX_LINES` lines are shown
from the finding's first line; longer ranges end with a line saying how many more there
are.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from govern.model.source import SourceRange

MAX_LINES = 4
MAX_FILE_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Snippet:
    """Lines `first`.. of a file (`lines`), and how many lines of the range follow."""

    first: int
    lines: tuple[str, ...]
    more: int = 0


class SnippetReader:
    """Reads each file once per report."""

    def __init__(self) -> None:
        self._files: dict[str, list[str] | None] = {}

    def snippet(self, where: SourceRange) -> Snippet | None:
        if where.start_line < 1:
            return None
        lines = self._lines(where.file)
        if lines is None or where.start_line > len(lines):
            return None
        last = min(max(where.end_line, where.start_line), len(lines))
        shown = min(last, where.start_line + MAX_LINES - 1)
        return Snippet(where.start_line, tuple(lines[where.start_line - 1:shown]),
                       last - shown)

    def _lines(self, file: str) -> list[str] | None:
        if file not in self._files:
            self._files[file] = _read(file)
        return self._files[file]


def _read(file: str) -> list[str] | None:
    try:
        info = os.stat(file)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None  # never opened: a FIFO would block
        with open(file, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError):
        return None
    return data.decode("utf-8", "replace").splitlines()
