"""Small helpers for error messages: path names and "did you mean" suggestions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """`did you mean 'x'?` for the closest choice, if one is close enough."""
    import difflib  # imported here: only a mistake needs a suggestion

    options = sorted(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close and len(word) >= 3:
        close = [c for c in options if c.startswith(word)][:1]
    if not close:
        close = _sharing_a_word(word, options)
    return f"did you mean '{close[0]}'?" if close else None


def _sharing_a_word(word: str, options: Sequence[str]) -> list[str]:
    """The one choice that shares the most words of four letters or more with `word`
    (`encrypted_at_rest` -> `storage_encrypted`); none when two choices tie."""
    words = {w for w in word.lower().replace("-", "_").split("_") if len(w) >= 4}
    scored = sorted(((len(words & set(o.lower().replace("-", "_").split("_"))), o)
                     for o in options), reverse=True)
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return []
    return [scored[0][1]]


def path_name(path: Sequence[str | int]) -> str:
    """`("check", "all", 1, "op")` -> `check.all[1].op`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
