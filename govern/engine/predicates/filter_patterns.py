"""CloudWatch Logs JSON filter patterns (`{ ($.eventName = X) || ... }`), read as sets of
alternatives so that one pattern can be compared with another.

A pattern is read into its disjunctive normal form: a set of alternatives, each the set of
comparisons that must all hold (`&&` binds tighter than `||`, parentheses group). A
comparison is `(selector, operator, value)`: the selector as written (`$.eventName`), the
operator (`=`, `!=`, `<`, `<=`, `>`, `>=`, or `NOT EXISTS`, `IS NULL`, `IS TRUE`,
`IS FALSE` with an empty value), the value without its double quotes (`"Yes"` and `Yes`
are the same value). `covers(a, b)` answers "does every event `b` matches match `a`?" by
the sufficient test that each alternative of `b` contains every comparison of some
alternative of `a`: a pattern covers itself and any narrower pattern written with the
same comparisons (`{A || B}` covers `{(A || B) && C}`). Comparisons are compared as
written: a wildcard value (`Create*`) is not expanded, so a pattern that relies on one
covers only patterns that use the same value. Patterns that are not JSON patterns (space
separated terms, `[...]` space-delimited patterns) are not read (None).
"""

from __future__ import annotations

import functools
import re
from itertools import product

Comparison = tuple[str, str, str]
Alternatives = frozenset[frozenset[Comparison]]

MAX_ALTERNATIVES = 4096  # a pattern whose normal form is larger is not read
_TOKEN = re.compile(r"""
    \s*(?:
      (?P<paren>[()])
    | (?P<logic>&&|\|\|)
    | (?P<selector>\$\.[^\s=!<>()&|]*)
    | (?P<keyword>NOT\s+EXISTS|IS\s+NULL|IS\s+TRUE|IS\s+FALSE)
    | (?P<op>!=|<=|>=|=|<|>)
    | (?P<quoted>"(?:[^"\\]|\\.)*")
    | (?P<regex>%(?:[^%\\]|\\.)*%)
    | (?P<bare>[^\s()&|"]+)
    )""", re.X)


class _Unreadable(Exception):
    pass


@functools.lru_cache(maxsize=4096)
def alternatives(pattern: str) -> Alternatives | None:
    """The pattern's alternatives, or None when it is not a JSON filter pattern govern
    reads (once per pattern: a scan judges the same ones on every trail)."""
    text = pattern.strip()
    if not (text.startswith("{") and text.endswith("}")):
        return None
    try:
        parser = _Parser(_tokens(text[1:-1]))
        found = parser.expression()
        if parser.position != len(parser.tokens):
            raise _Unreadable("unexpected text after the expression")
    except _Unreadable:
        return None
    return found


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` cannot be read (None when it can)."""
    return None if alternatives(pattern) is not None else (
        "not a CloudWatch Logs JSON filter pattern govern reads: "
        "{ comparisons joined by && and || }")


def covers(wide: Alternatives, narrow: Alternatives) -> bool:
    """Whether every event `narrow` matches also matches `wide` (sufficient test: each
    alternative of `narrow` contains an alternative of `wide`)."""
    return all(any(option <= required for option in wide) for required in narrow)


def _tokens(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise _Unreadable(f"unreadable text at {position}")
        kind = match.lastgroup or ""
        value = match.group(kind)
        if kind == "keyword":
            value = " ".join(value.split())
        found.append((kind, value))
        position = match.end()
    return found


class _Parser:
    """expression := conjunction ('||' conjunction)*; conjunction := atom ('&&' atom)*;
    atom := '(' expression ')' | selector operator value | selector keyword."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.position = 0

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _take(self) -> tuple[str, str]:
        token = self._peek()
        if token is None:
            raise _Unreadable("unexpected end of the pattern")
        self.position += 1
        return token

    def expression(self) -> Alternatives:
        result = set(self.conjunction())
        while self._peek() == ("logic", "||"):
            self._take()
            result |= self.conjunction()
        return _bounded(frozenset(result))

    def conjunction(self) -> Alternatives:
        result = self.atom()
        while self._peek() == ("logic", "&&"):
            self._take()
            right = self.atom()
            result = _bounded(frozenset(a | b for a, b in product(result, right)))
        return result

    def atom(self) -> Alternatives:
        kind, value = self._take()
        if (kind, value) == ("paren", "("):
            inner = self.expression()
            if self._take() != ("paren", ")"):
                raise _Unreadable("missing )")
            return inner
        if kind != "selector":
            raise _Unreadable(f"expected a selector, found {value!r}")
        op_kind, op = self._take()
        if op_kind == "keyword":
            return frozenset({frozenset({(value, op, "")})})
        if op_kind != "op":
            raise _Unreadable(f"expected an operator after {value}")
        value_kind, operand = self._take()
        if value_kind == "quoted":
            operand = re.sub(r"\\(.)", r"\1", operand[1:-1])
        elif value_kind not in ("bare", "regex"):
            raise _Unreadable(f"expected a value after {value} {op}")
        return frozenset({frozenset({(value, op, operand)})})


def _bounded(found: Alternatives) -> Alternatives:
    if len(found) > MAX_ALTERNATIVES:
        raise _Unreadable("too many alternatives")
    return found
