"""A JSON reader that keeps line numbers (for `.tf.json`, CloudFormation, ARM).

`parse_json_positions(text, path)` returns a `JNode` tree: every node has its plain
Python `value` and its 1-based `line`/`end_line`; objects keep their members in order
as `(key, key_line, child)`, arrays their `elements`. A key written twice keeps the last
value (as `json.loads` does) and is listed in `duplicates` so callers can warn.
Plain JSON only (RFC 8259); a leading UTF-8 byte order mark is tolerated.

Bounded on any input: a document nested deeper than the evaluation budget's `nesting`
limit, or a number too large to hold (an integer of more than 4,300 digits, `1e400`), is a
SourceError at its line. A `\\ud800` escape that leaves a lone surrogate (not text: no
later stage could encode it) is read as U+FFFD; the caller may collect a warning for it.

Speed: one compiled scanner over the text; strings with escapes decoded by `json`'s C code;
a few MB take well under a second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from json import JSONDecodeError, JSONDecoder
from typing import Any

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.budget import current

_TOKEN = re.compile(
    r"""
    [ \t\r\n]*+
    (?:
      (?P<str>"[^"\\\x00-\x1f]*+")
    | (?P<punct>[{}\[\]:,])
    | (?P<esc>"(?:[^"\\\x00-\x1f]++|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*+")
    | (?P<num>-?(?:0|[1-9][0-9]*+)(?:\.[0-9]++)?(?:[eE][+-]?[0-9]++)?)
    | (?P<word>true|false|null)
    | (?P<eof>\Z)
    | (?P<err>[^ \t\r\n])
    )
    """,
    re.VERBOSE,
)
_DECODER = JSONDecoder()
_WORDS: dict[str, bool | None] = {"true": True, "false": False, "null": None}
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"

_Token = tuple[str, Any, int]


@dataclass(slots=True)  # not frozen: built once per value, construction speed matters
class JNode:
    """One JSON value with its line range.

    `kind` is object, array, string, number, bool or null. For objects, `members` holds
    `(key, key_line, child)` in source order (one entry per distinct key, with the last
    value when a key repeats) and `duplicates` the `(key, line)` of every repeated key.
    For arrays, `elements` holds the children.
    """

    kind: str
    value: Any
    line: int
    end_line: int
    members: tuple[tuple[str, int, JNode], ...] = ()
    elements: tuple[JNode, ...] = ()
    duplicates: tuple[tuple[str, int], ...] = ()

    def get(self, key: str) -> JNode | None:
        """The member `key` of an object node, or None."""
        for name, _, child in self.members:
            if name == key:
                return child
        return None


def to_python(node: JNode) -> Any:
    """The plain Python value of a node (dicts, lists, str, int, float, bool, None)."""
    return node.value


def iter_duplicates(node: JNode) -> Iterator[tuple[str, int]]:
    """Every repeated key in the tree, as `(key, line)`, in document order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield from current.duplicates
        children = [child for _, _, child in current.members] or list(current.elements)
        stack.extend(reversed(children))


_STR, _PUNCT, _ESC, _NUM, _WORD, _EOF = (_TOKEN.groupindex[name] for name in (
    "str", "punct", "esc", "num", "word", "eof"))


def _tokenize(text: str, path: str, replaced: list[int]) -> list[_Token]:
    """All tokens as `(kind, value, line)`; punctuation kinds are the character. The lines
    of strings whose lone surrogates were replaced go to `replaced`. (Dispatched on the
    number of the group that matched, the most frequent first: this loop runs for every
    token of every JSON file.)"""
    count = text.count
    toks: list[_Token] = []
    append = toks.append
    line = 1
    last = 0
    for m in _TOKEN.finditer(text):
        end = m.end()
        line += count("\n", last, end)  # tokens never contain a raw newline
        last = end
        index = m.lastindex
        if index == _STR:
            append(("str", m[_STR][1:-1], line))
        elif index == _PUNCT:
            append((m[_PUNCT], None, line))
        elif index == _NUM:
            append(("num", _number(m[_NUM], path, line), line))
        elif index == _WORD:
            append(("word", _WORDS[m[_WORD]], line))
        elif index == _ESC:
            string = _DECODER.raw_decode(text, m.start(_ESC))[0]
            if "\\ud" in m[_ESC].lower() and _SURROGATE.search(string):
                string = _SURROGATE.sub(REPLACEMENT, string)
                replaced.append(line)
            append(("str", string, line))
        elif index == _EOF:
            append(("eof", None, line))
            break
        else:
            _bad_char(text, m.start("err"), path, line)
    return toks


def _number(num: str, path: str, line: int) -> int | float:
    """The value of a JSON number; SourceError when it is too large to hold."""
    try:
        if num.isdigit() or num[1:].isdigit():
            return int(num)
        value = float(num)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        value = math.inf
    if math.isinf(value):
        shown = num if len(num) <= 24 else f"{num[:12]}...{num[-6:]} ({len(num):,} characters)"
        raise SourceError(f"invalid JSON: the number {shown} is too large to read", path,
                          line, "govern reads integers of up to 4,300 digits and numbers up "
                          "to about 1.8e308; write a smaller number, or a string")
    return value


def _bad_char(text: str, pos: int, path: str, line: int) -> None:
    char = text[pos]
    if char == '"':
        try:
            _DECODER.raw_decode(text, pos)
        except JSONDecodeError as exc:
            reason = exc.msg.removesuffix(" at").removesuffix(" starting")
        else:  # pragma: no cover - the pattern accepts every valid string
            reason = "Invalid string"
        raise SourceError(f"invalid JSON string: {reason[0].lower()}{reason[1:]}", path,
                          line, "close strings with a quote on the same line and escape "
                          "control characters and backslashes (\\n, \\\\)")
    hint = ("JSON allows no comments, single quotes or unquoted words" if char in "/'#"
            or char.isalpha() else "expected a JSON value, a comma, a colon or a bracket")
    raise SourceError(f"invalid JSON: unexpected character {char!r}", path, line, hint)


def parse_json_positions(text: str, path: str, notices: list[Notice] | None = None
                         ) -> JNode:
    """Parse JSON text into a JNode tree; raise SourceError with a line on bad input.
    Warnings about what was read differently (lone surrogates) go to `notices`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    replaced: list[int] = []
    root = _Builder(_tokenize(text, path, replaced), path).document()
    if notices is not None:
        notices.extend(surrogate_notice(path, line) for line in sorted(set(replaced)))
    return root


def surrogate_notice(path: str, line: int) -> Notice:
    """A warning: a string at `line` held a lone surrogate, read as U+FFFD."""
    return Notice("warning", "a string holds a \\u escape of a lone surrogate (not a "
                  "character); read as U+FFFD", path, line,
                  "escape a character outside the Basic Multilingual Plane as a surrogate "
                  "pair (\\ud83d\\ude00), or write it as it is", code="invalid-character")


class _Builder:
    """Builds JNodes from tokens with an explicit stack (no recursion limit)."""

    def __init__(self, toks: list[_Token], path: str) -> None:
        self.toks = toks
        self.path = path
        self.max_depth = current().limits.nesting

    def document(self) -> JNode:
        toks = self.toks
        if toks[0][0] == "eof":
            raise SourceError("invalid JSON: the file is empty", self.path, 1,
                              "a JSON document needs one value, like {}")
        node, i = self.value(0)
        if toks[i][0] != "eof":
            raise SourceError("invalid JSON: unexpected text after the document",
                              self.path, toks[i][2], "a JSON file holds exactly one value")
        return node

    def value(self, i: int) -> tuple[JNode, int]:
        """Parse the value starting at token `i`; return it and the next index."""
        stack: list[_Open] = []
        toks = self.toks
        while True:
            kind, val, line = toks[i]
            i += 1
            if kind == "str":
                node = JNode("string", val, line, line)
            elif kind == "num":
                node = JNode("number", val, line, line)
            elif kind == "word":
                node = JNode("null" if val is None else "bool", val, line, line)
            elif kind == "{" or kind == "[":
                if len(stack) >= self.max_depth:
                    raise self.too_deep(line)
                frame = _Open(kind, line)
                if toks[i][0] == ("}" if kind == "{" else "]"):
                    node = frame.close(toks[i][2])
                    i += 1
                else:
                    stack.append(frame)
                    if kind == "{":
                        i = self.key(frame, i)
                    continue
            else:
                raise self.unexpected(toks[i - 1], "a JSON value", stack)
            while True:  # attach `node` to its container, closing finished ones
                if not stack:
                    return node, i
                frame = stack[-1]
                if frame.kind == "[":  # frame.add, inlined for its common cases
                    frame.children.append(node)
                elif frame.key in frame.index:
                    frame.add(node)
                else:
                    frame.index[frame.key] = len(frame.members)
                    frame.members.append((frame.key, frame.key_line, node))
                kind, _, line = toks[i]
                i += 1
                if kind == ",":
                    if frame.kind == "{":
                        key_kind, key, key_line = toks[i]  # self.key, inlined likewise
                        if key_kind == "str" and toks[i + 1][0] == ":":
                            frame.key = key
                            frame.key_line = key_line
                            i += 2
                        else:
                            i = self.key(frame, i)  # raises the error
                    break
                if kind == ("}" if frame.kind == "{" else "]"):
                    stack.pop()
                    node = frame.close(line)
                    continue
                expected = '"," or "}"' if frame.kind == "{" else '"," or "]"'
                raise self.unexpected(toks[i - 1], expected, stack)

    def too_deep(self, line: int) -> SourceError:
        return SourceError(f"invalid JSON: arrays and objects nested deeper than "
                           f"{self.max_depth} levels", self.path, line,
                           "govern reads documents nested up to its evaluation limit "
                           "(docs/configuration.md, evaluation limits); flatten the document")

    def key(self, frame: _Open, i: int) -> int:
        kind, val, line = self.toks[i]
        if kind != "str":
            raise self.unexpected(self.toks[i], "a quoted object key", [frame])
        colon = self.toks[i + 1]
        if colon[0] != ":":
            raise self.unexpected(colon, '":" after the object key', [frame])
        frame.key = val
        frame.key_line = line
        return i + 2

    def unexpected(self, tok: _Token, expected: str, stack: list[_Open]) -> SourceError:
        kind = tok[0]
        if kind == "eof":
            hint = (f'unclosed "{stack[-1].kind}" opened at line {stack[-1].line}'
                    if stack else None)
            return SourceError("invalid JSON: unexpected end of file", self.path, tok[2], hint)
        found = {"str": "a string", "num": "a number", "word": "a literal"}.get(kind, f'"{kind}"')
        hint = "JSON allows no trailing commas" if kind in ("}", "]") else None
        return SourceError(f"invalid JSON: expected {expected}, found {found}", self.path,
                           tok[2], hint)


class _Open:
    """An object or array being filled."""

    __slots__ = ("children", "duplicates", "index", "key", "key_line", "kind", "line",
                 "members")

    def __init__(self, kind: str, line: int) -> None:
        self.kind = kind
        self.line = line
        self.key = ""
        self.key_line = 0
        self.members: list[tuple[str, int, JNode]] = []
        self.children: list[JNode] = []
        self.index: dict[str, int] = {}
        self.duplicates: list[tuple[str, int]] = []

    def add(self, node: JNode) -> None:
        if self.kind == "[":
            self.children.append(node)
            return
        key = self.key
        at = self.index.get(key)
        if at is None:
            self.index[key] = len(self.members)
            self.members.append((key, self.key_line, node))
        else:
            self.members[at] = (key, self.key_line, node)
            self.duplicates.append((key, self.key_line))

    def close(self, end_line: int) -> JNode:
        if self.kind == "[":
            return JNode("array", [child.value for child in self.children], self.line,
                         end_line, elements=tuple(self.children))
        value = {key: child.value for key, _, child in self.members}
        return JNode("object", value, self.line, end_line, members=tuple(self.members),
                     duplicates=tuple(self.duplicates))
