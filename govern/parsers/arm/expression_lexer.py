"""Tokens of ARM template expressions (the text between the outer `[` and `]`).

Strings are single-quoted with `''` for a quote; numbers are integers (optionally
negative, with a fraction for `float()` arguments); identifiers name functions,
properties and the literals `true`, `false` and `null`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    \s*
    (?:
      (?P<ident>[A-Za-z_$][A-Za-z0-9_$]*)
    | (?P<string>'(?:[^']|'')*')
    | (?P<number>-?[0-9]+(?:\.[0-9]+)?)
    | (?P<punct>[(),.\[\]])
    | (?P<end>\Z)
    | (?P<open>')
    | (?P<bad>.)
    )
    """,
    re.VERBOSE | re.DOTALL,
)


class ExpressionSyntaxError(Exception):
    """An expression that does not parse; `column` is 1-based in the expression text."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # ident, string, number, ( ) , . [ ] or end
    text: str
    value: object
    column: int  # 1-based offset in the expression text


def tokenize(text: str) -> list[Token]:
    """All tokens of `text`, ending with an `end` token. Raises ExpressionSyntaxError."""
    tokens: list[Token] = []
    pos = 0
    while True:
        match = _TOKEN.match(text, pos)
        assert match is not None  # the pattern always matches (`bad` takes any character)
        kind = match.lastgroup
        start = match.start(kind) if kind else pos
        column = start + 1
        pos = match.end()
        if kind == "ident":
            word = match.group("ident")
            tokens.append(Token("ident", word, word, column))
        elif kind == "string":
            raw = match.group("string")
            tokens.append(Token("string", raw, raw[1:-1].replace("''", "'"), column))
        elif kind == "number":
            raw = match.group("number")
            if len(raw) > 30:
                raise ExpressionSyntaxError("number too long", column)
            number: int | float = float(raw) if "." in raw else int(raw)
            tokens.append(Token("number", raw, number, column))
        elif kind == "punct":
            char = match.group("punct")
            tokens.append(Token(char, char, None, column))
        elif kind == "end":
            tokens.append(Token("end", "", None, column))
            return tokens
        elif kind == "open":
            raise ExpressionSyntaxError("unterminated string (close it with ')", column)
        else:
            char = match.group("bad")
            hint = " (strings use single quotes)" if char == '"' else ""
            raise ExpressionSyntaxError(f"unexpected character {char!r}{hint}", column)
