"""Reading template and parameter files: bytes -> text -> JSON tree with line ranges.

Encodings (`govern.parsers.decoding`): a byte order mark says UTF-8, UTF-16 or UTF-32
(real templates are saved by editors that add one); UTF-16 without a BOM is recognized by
its zero bytes; a file that is not UTF-8 is read as Windows-1252 with a warning.

Azure Resource Manager reads templates more leniently than RFC 8259 (Azure CLI,
PowerShell and the portal accept them): `//` and `/* */` comments, trailing commas, and
line breaks inside strings (multi-line scripts). Strict JSON is read first (the fast
path); when it fails, the text is made strict without moving any line (comments become
blank, line breaks inside a string become `\\n` escapes and the lost lines are added
after the string) and read again. What still fails is a parse error at its line.

Making the text strict is one left-to-right scan that never backtracks: each character is
looked at a bounded number of times (a trailing comma's look past the blanks and comments
that follow it covers text the scan then skips), so a banner of slashes, an unterminated
`/*` or a megabyte of commas costs time in proportion to its length.
"""

from __future__ import annotations

import re

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.decoding import decode_bytes
from govern.parsers.json_positions import JNode, parse_json_positions

_STRING_REST = re.compile(r'(?:[^"\\]++|\\.)*+"', re.DOTALL)  # possessive: linear
_PLAIN = re.compile(r'[^"/,]++')
_BLANK = re.compile(r"\s*+")
_CONTROL = re.compile(r"[\x00-\x1f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def decode(data: bytes, path: str, notices: list[Notice] | None = None) -> str:
    """The text of a file, decoded as every format is (`govern.parsers.decoding`): a file
    that is not UTF-8 is read as Windows-1252, with a warning naming the first byte that
    was not, added to `notices` when given."""
    decoded = decode_bytes(data)
    notice = decoded.notice(path)
    if notice is not None and notices is not None:
        notices.append(notice)
    return decoded.text


def read_json(path: str, notices: list[Notice] | None = None) -> JNode:
    """The JSON tree of a file; raises SourceError (with a line) when it cannot be read.
    Warnings about how it was read (not UTF-8, a lone surrogate) go to `notices`."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path) from None
    return parse_lenient(decode(data, path, notices), path, notices)


def parse_lenient(text: str, path: str, notices: list[Notice] | None = None) -> JNode:
    """Parse JSON as Azure reads templates (comments, trailing commas, multi-line
    strings); raises SourceError at the line of the problem."""
    try:
        return parse_json_positions(text, path, notices)
    except SourceError:
        pass
    return parse_json_positions(strictify(text), path, notices)


def strictify(text: str) -> str:
    """The text as strict JSON, every token on its original line.

    Outside strings: `//` comments are removed up to the line break, `/* */` comments become
    one space and their line breaks, a comma whose next token (past blanks and comments) is
    `}` or `]` becomes a space. A string keeps its text, its control characters escaped and
    the line breaks it held added after it. An unterminated string or block comment is left
    as written (the JSON reader then reports it at its line)."""
    return _Strictifier(text).run()


class _Strictifier:
    """One pass over the text; `no_block_end`/`no_string_end` record that no `*/` (no
    closing quote) follows, so a later `/*` (`"`) is not searched for again."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[str] = []
        self.no_block_end = False
        self.no_string_end = False

    def run(self) -> str:
        text, out = self.text, self.out
        size = len(text)
        pos = 0
        while pos < size:
            plain = _PLAIN.match(text, pos)
            if plain is not None:
                out.append(plain.group(0))
                pos = plain.end()
                continue
            char = text[pos]
            if char == '"':
                pos = self._string(pos)
            elif char == ",":
                out.append(" " if self._closes_next(pos + 1) else ",")
                pos += 1
            else:
                pos = self._slash(pos)
        return "".join(out)

    def _string(self, pos: int) -> int:
        end = self._string_end(pos)
        if end < 0:
            self.out.append('"')
            return pos + 1
        token = self.text[pos:end]
        if _CONTROL.search(token) is None:
            self.out.append(token)
        else:
            self.out.append(_CONTROL.sub(
                lambda m: _ESCAPES.get(m.group(0), f"\\u{ord(m.group(0)):04x}"), token))
            self.out.append("\n" * token.count("\n"))
        return end

    def _string_end(self, pos: int) -> int:
        """The end of the string that opens at `pos`, or -1 when it is not closed."""
        if not self.no_string_end:
            rest = _STRING_REST.match(self.text, pos + 1)
            if rest is not None:
                return rest.end()
            self.no_string_end = True  # every later quote is inside this unclosed one
        return -1

    def _slash(self, pos: int) -> int:
        end = self._comment_end(pos)
        if end < 0:
            self.out.append("/")
            return pos + 1
        if self.text[pos + 1] == "*":
            self.out.append(" " + "\n" * self.text.count("\n", pos, end))
        return end

    def _comment_end(self, pos: int) -> int:
        """The end of the comment that opens at `pos` (a line comment stops before its line
        break), or -1 when none opens there or a block comment is not closed."""
        text = self.text
        opener = text[pos:pos + 2]
        if opener == "//":
            newline = text.find("\n", pos + 2)
            return len(text) if newline < 0 else newline
        if opener != "/*" or self.no_block_end:
            return -1
        close = text.find("*/", pos + 2)
        if close < 0:
            self.no_block_end = True
            return -1
        return close + 2

    def _closes_next(self, pos: int) -> bool:
        """Whether the next token from `pos`, past blanks and comments, is `}` or `]`."""
        text = self.text
        while True:
            blank = _BLANK.match(text, pos)
            pos = blank.end() if blank is not None else pos
            if pos >= len(text):
                return False
            if text[pos] in "}]":
                return True
            end = self._comment_end(pos) if text[pos] == "/" else -1
            if end < 0:
                return False
            pos = end
