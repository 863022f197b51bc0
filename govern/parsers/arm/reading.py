"""Reading template and parameter files: bytes -> text -> JSON tree with line ranges.

Encodings: a byte order mark says UTF-8, UTF-16 or UTF-32 (real templates are saved by
editors that add one); without one the file must be UTF-8 (UTF-16 without a BOM is
recognized by its zero bytes).

Azure Resource Manager reads templates more leniently than RFC 8259 (Azure CLI,
PowerShell and the portal accept them): `//` and `/* */` comments, trailing commas, and
line breaks inside strings (multi-line scripts). Strict JSON is read first (the fast
path); when it fails, the text is made strict without moving any line (comments become
blank, line breaks inside a string become `\\n` escapes and the lost lines are added
after the string) and read again. What still fails is a parse error at its line.
"""

from __future__ import annotations

import codecs
import re

from govern.errors import SourceError
from govern.parsers.json_positions import JNode, parse_json_positions

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_LENIENT = re.compile(
    r"""
      (?P<string>"(?:[^"\\]++|\\.)*+")
    | (?P<line>//[^\n]*)
    | (?P<block>/\*.*?\*/)
    | (?P<comma>,(?=(?:\s|//[^\n]*|/\*.*?\*/)*[}\]]))
    """,
    re.VERBOSE | re.DOTALL,
)
_CONTROL = re.compile(r"[\x00-\x1f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def decode(data: bytes, path: str) -> str:
    """The text of a file; raises SourceError when it is not Unicode text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _not_text(path, exc) from None
    if len(data) >= 2 and b"\x00" in data[:64]:
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise _not_text(path, exc) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_text(path, exc) from None


def _not_text(path: str, exc: UnicodeDecodeError) -> SourceError:
    return SourceError(f"cannot decode the file as Unicode text ({exc.reason} at byte "
                       f"{exc.start})", path, None, "save it as UTF-8")


def read_json(path: str) -> JNode:
    """The JSON tree of a file; raises SourceError (with a line) when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path) from None
    return parse_lenient(decode(data, path), path)


def parse_lenient(text: str, path: str) -> JNode:
    """Parse JSON as Azure reads templates (comments, trailing commas, multi-line
    strings); raises SourceError at the line of the problem."""
    try:
        return parse_json_positions(text, path)
    except SourceError:
        pass
    except ValueError as exc:  # a number too long to convert
        raise SourceError(f"invalid JSON: {exc}", path) from None
    try:
        return parse_json_positions(strictify(text), path)
    except ValueError as exc:
        raise SourceError(f"invalid JSON: {exc}", path) from None


def strictify(text: str) -> str:
    """The text as strict JSON, every token on its original line."""
    return _LENIENT.sub(_replace, text)


def _replace(match: re.Match[str]) -> str:
    kind = match.lastgroup
    token = match.group(0)
    if kind == "string":
        if not _CONTROL.search(token):
            return token
        escaped = _CONTROL.sub(lambda m: _ESCAPES.get(m.group(0), f"\\u{ord(m.group(0)):04x}"),
                               token)
        return escaped + "\n" * token.count("\n")
    if kind == "line":
        return ""
    if kind == "block":
        return " " + "\n" * token.count("\n")
    return " "  # a trailing comma
