"""Small helpers for error messages: path names and "did you mean" suggestions."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """`did you mean 'x'?` for the closest choice, if one is close enough."""
    options = sorted(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close and len(word) >= 3:
        close = [c for c in options if c.startswith(word)][:1]
    return f"did you mean '{close[0]}'?" if close else None


def path_name(path: Sequence[str | int]) -> str:
    """`("check", "all", 1, "op")` -> `check.all[1].op`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
