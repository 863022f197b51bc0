"""Regular expressions written by users, run in time linear in the text (RE2).

Rules (`op: matches`), tag patterns (rules and configuration) and Terraform's `regex()`,
`regexall()` and `replace()` with a `/pattern/` take their pattern from files govern
scans or loads. Python's `re` backtracks: `(a+)+$` against forty `a`s and a `b` runs for
hours. RE2 (the `google-re2` package) never backtracks, and its syntax is the one
Terraform itself uses (Go's regexp is RE2). Decision record: docs/decisions/0006.

RE2 rejects what it cannot run in linear time: backreferences (`\\1`), look-ahead and
look-behind (`(?=`, `(?<=`), possessive quantifiers, counted repetitions over 1000, and
patterns whose program exceeds its memory budget. `compile_regex` raises `RegexError` for
those, with RE2's reason and a hint; callers turn it into their own error (a rule error,
a configuration error, an unknown value with a warning).

`re2` is imported on the first compile, not at start-up. A lone surrogate (text read
with `surrogateescape`) cannot be given to RE2, which reads UTF-8: it is matched as
U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

SYNTAX_URL = "https://github.com/google/re2/wiki/Syntax"
HINT = f"RE2 syntax, as in Terraform: no backreferences or look-around; see {SYNTAX_URL}"
_SURROGATE = re.compile("[\ud800-\udfff]")


class RegexError(ValueError):
    """A pattern RE2 does not accept; `reason` is RE2's words, `hint` how to fix it."""

    def __init__(self, pattern: str, reason: str) -> None:
        self.pattern = pattern
        self.reason = reason
        self.hint = HINT
        super().__init__(f"invalid regular expression {pattern!r}: {reason}")


class RegexMatch(Protocol):
    """The part of a match object govern uses (RE2's matches have `re`'s API)."""

    def group(self, *groups: int | str) -> Any: ...

    def groups(self, default: Any = None) -> tuple[Any, ...]: ...

    def start(self, group: int | str = 0) -> int: ...

    def end(self, group: int | str = 0) -> int: ...


@dataclass(frozen=True)
class Regex:
    """A pattern RE2 accepts. Holds only its text (so compiled rules pickle and compare as
    text); the RE2 program is compiled once per process and cached."""

    pattern: str

    @property
    def groups(self) -> int:
        """The number of capturing groups."""
        return _compiled(self.pattern).groups

    @property
    def groupindex(self) -> dict[str, int]:
        """Named group -> its number, in the pattern's order."""
        return dict(_compiled(self.pattern).names)

    def search(self, text: str) -> RegexMatch | None:
        """The first match anywhere in `text`, or None."""
        found: RegexMatch | None = _program(self.pattern).search(_encodable(text))
        return found

    def finditer(self, text: str) -> Iterator[RegexMatch]:
        """Every non-overlapping match, left to right, as they are found."""
        matches: Iterator[RegexMatch] = _program(self.pattern).finditer(_encodable(text))
        return matches

    def sub(self, replace: Callable[[RegexMatch], str], text: str) -> str:
        """`text` with every match replaced by `replace(match)`."""
        replaced: str = _program(self.pattern).sub(replace, _encodable(text))
        return replaced


def compile_regex(pattern: str) -> Regex:
    """The pattern, checked; raises RegexError when RE2 does not accept it."""
    _program(pattern)
    return Regex(pattern)


def regex_problem(pattern: str) -> str | None:
    """Why RE2 does not accept `pattern` (with the hint), or None when it does."""
    try:
        _program(pattern)
    except RegexError as exc:
        return f"{exc.reason}; {exc.hint}"
    return None


def _encodable(text: str) -> str:
    """`text` with each lone surrogate as U+FFFD (same length: spans stay right)."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True)
class _Compiled:
    program: Any  # re2's compiled pattern; None when RE2 rejected it
    groups: int = 0
    names: tuple[tuple[str, int], ...] = ()
    problem: str = ""


def _program(pattern: str) -> Any:
    return _compiled(pattern).program


def _compiled(pattern: str) -> _Compiled:
    compiled = _compile(pattern)
    if compiled.program is None:
        raise RegexError(pattern, compiled.problem)
    return compiled


@lru_cache(maxsize=256)
def _compile(pattern: str) -> _Compiled:
    """RE2's program for `pattern`, or why there is none (cached too: a rejected pattern
    in a loop of a thousand instances is compiled once)."""
    import re2  # type: ignore[import-untyped]  # on first use: keeps start-up fast

    options = re2.Options()
    options.log_errors = False  # RE2 would write its own copy of the error to stderr
    try:
        program = re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0] if exc.args else "not accepted"
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        return _Compiled(None, problem=str(reason))
    except UnicodeEncodeError:
        return _Compiled(None, problem="it holds a lone surrogate (not Unicode text)")
    names = tuple(sorted(program.groupindex.items(), key=lambda item: item[1]))
    return _Compiled(program, int(program.groups), names)
