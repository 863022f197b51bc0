"""Tokenizer for HCL2 native syntax.

One master regular expression scans the ordinary parts of a file; quoted templates that
contain `${`/`%{` and heredocs switch into a template mode that emits literal and
sequence tokens, the way HashiCorp's scanner does. Tokens are plain tuples
`(kind, value, line)` to keep the scanner fast:

- `id` (identifier), `num` (number text), `str` (a quoted string without
  interpolation, escapes processed), `nl` (one or more newlines, line comments
  included), `eof`;
- punctuation and operators: the kind is the text itself (`{`, `=`, `=>`, `...`);
- templates: `oq`/`cq` (open/close quote), `oh`/`ohf` (open heredoc, `ohf` for the
  flush form `<<-`; value is the marker), `ch` (close heredoc), `lit` (literal text,
  escapes processed), `ti` (`${`), `tc` (`%{`), `te` (`}`); for `ti`/`tc`/`te` the
  value is `"~"` when a strip marker is written next to the brace.
"""

from __future__ import annotations

import re

from govern.errors import SourceError

Token = tuple[str, str, int]

_NORMAL = re.compile(
    r"""
    [ \t\r\f\v]*
    (?:
      (?P<id>[^\W\d][\w-]*)
    | (?P<nl>(?:(?:\#|//)[^\n]*)?\n|(?:\#|//)[^\n]*\Z)
    | (?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    | (?P<str>"(?:[^"\\\n$%]++|\\[^\n]|\$(?!\{)|%(?!\{))*+")
    | (?P<heredoc><<(?P<flush>-?)(?P<marker>[^\W\d][\w-]*)\r?\n)
    | (?P<bc>/\*)
    | (?P<op>\.\.\.|=>|==|!=|<=|>=|&&|\|\||::|~\}|[{}\[\]()=,.:?+\-*/%<>!])
    | (?P<oq>")
    | (?P<eof>\Z)
    | (?P<err>.)
    )
    """,
    re.VERBOSE | re.DOTALL,
)
_BLOCK_COMMENT_END = re.compile(r"\*/")
_QUOTED_LIT = re.compile(r'(?:[^"\\\n$%]++|\\[^\n]|\$\$\{|%%\{|\$(?!\{)|%(?!\{))++')
_HEREDOC_LIT = re.compile(r"(?:[^$%\n]++|\$\$\{|%%\{|\$(?!\{)|%(?!\{))*+\n?")
_ESCAPE = re.compile(r"\\(?:([nrt\"\\])|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.?))|\$\$\{|%%\{")
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}

_QUOTED = "q"
_HEREDOC = "h"
_SEQUENCE = "t"
_BRACE = "{"


def unescape_quoted(raw: str, path: str, line: int) -> str:
    """Process the escapes of a quoted-string literal (`\\n`, `\\uNNNN`, `$${`, ...)."""
    if "\\" not in raw and "$${" not in raw and "%%{" not in raw:
        return raw

    def replace(m: re.Match[str]) -> str:
        text = m.group(0)
        if text == "$${":
            return "${"
        if text == "%%{":
            return "%{"
        simple, short, long, bad = m.groups()
        if simple is not None:
            return _SIMPLE_ESCAPES[simple]
        code = int(short or long or "0", 16) if bad is None else -1
        if 0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return chr(code)
        raise SourceError(
            f'invalid escape sequence "{text}" in string', path, line,
            r'allowed escapes are \n \r \t \" \\ \uNNNN \UNNNNNNNN; write "\\" for a backslash',
        )

    return _ESCAPE.sub(replace, raw)


def unescape_heredoc(raw: str) -> str:
    """Heredocs and JSON strings only know the `$${` and `%%{` escapes."""
    if "$${" not in raw and "%%{" not in raw:
        return raw
    return raw.replace("$${", "${").replace("%%{", "%{")


class _Frame:
    """An open template (quoted string or heredoc) in the lexer's mode stack."""

    __slots__ = ("flush", "kind", "line", "marker", "start_of_line")

    def __init__(self, kind: str, line: int, marker: str = "", flush: bool = False) -> None:
        self.kind = kind
        self.line = line
        self.marker = marker
        self.flush = flush
        self.start_of_line = True


class Lexer:
    """Turns HCL source into a list of tokens ending with an `eof` token."""

    def __init__(self, text: str, path: str, line: int = 1) -> None:
        self.text = text
        self.path = path
        self.line = line
        self.toks: list[Token] = []
        # "{" (brace inside an interpolation), "t" (inside `${`/`%{`), or a _Frame
        self.stack: list[str | _Frame] = []

    def tokenize(self) -> list[Token]:
        pos = 0
        while pos >= 0:
            top = self.stack[-1] if self.stack else None
            if isinstance(top, _Frame):
                scan = self._quoted if top.kind == _QUOTED else self._heredoc
                pos = scan(top, pos)
            else:
                pos = self._normal(pos)
        return self.toks

    def tokenize_template(self) -> list[Token]:
        """Tokenize text that is a template body with no delimiters (a JSON string)."""
        frame = _Frame(_HEREDOC, self.line, marker="")
        frame.start_of_line = False
        self.stack.append(frame)
        return self.tokenize()

    # ----- ordinary syntax ------------------------------------------------------------

    def _normal(self, pos: int) -> int:
        """Scan ordinary tokens; return where a mode switch happens, or -1 at the end."""
        toks = self.toks
        append = toks.append
        stack = self.stack
        line = self.line
        for m in _NORMAL.finditer(self.text, pos):
            kind = m.lastgroup
            if kind == "id":
                append(("id", m.group(1), line))
            elif kind == "op":
                op = m.group("op")
                if stack and (op == "}" or op == "~}" or op == "{"):
                    self.line = line
                    if self._brace(op, line):
                        return m.end()
                    continue
                if op == "~}":
                    self._fail('unexpected "~"', line,
                               '"~" is only allowed as a strip marker next to "${" or "}"')
                append((op, op, line))
            elif kind == "nl":
                if not toks or toks[-1][0] != "nl":
                    append(("nl", "", line))
                if m.group("nl")[-1] == "\n":
                    line += 1
            elif kind == "str":
                raw = m.group("str")[1:-1]
                append(("str", unescape_quoted(raw, self.path, line), line))
            elif kind == "num":
                append(("num", m.group("num"), line))
            else:
                self.line = line
                return self._special(kind, m)
        self.line = line  # pragma: no cover - the pattern always matches at the end
        return -1  # pragma: no cover

    def _brace(self, op: str, line: int) -> bool:
        """Track braces inside an interpolation; True when a sequence ends."""
        stack = self.stack
        if op == "{":
            stack.append(_BRACE)
            self.toks.append(("{", "{", line))
            return False
        if stack[-1] == _SEQUENCE:
            stack.pop()
            self.toks.append(("te", "~" if op == "~}" else "", line))
            return True
        if op == "~}":
            self._fail('unexpected "~"', line,
                       '"~" is only allowed as a strip marker next to "${" or "}"')
        stack.pop()
        self.toks.append(("}", "}", line))
        return False

    def _special(self, kind: str | None, m: re.Match[str]) -> int:
        line = self.line
        if kind == "oq":
            self.toks.append(("oq", "", line))
            self.stack.append(_Frame(_QUOTED, line))
            return m.end()
        if kind == "heredoc":
            flush = m.group("flush") == "-"
            marker = m.group("marker")
            self.toks.append(("ohf" if flush else "oh", marker, line))
            self.stack.append(_Frame(_HEREDOC, line, marker, flush))
            self.line = line + 1
            return m.end()
        if kind == "bc":
            end = _BLOCK_COMMENT_END.search(self.text, m.end())
            if end is None:
                raise SourceError("unterminated comment", self.path, line,
                                  f'the "/*" at line {line} is never closed with "*/"')
            self.line = line + self.text.count("\n", m.end(), end.end())
            return end.end()
        if kind == "eof":
            if self.stack:
                self._fail("unexpected end of file", line,
                           "an interpolation sequence \"${\" or \"%{\" is not closed with \"}\"")
            last = line - 1 if line > 1 and self.text.endswith("\n") else line
            self.toks.append(("eof", "", last))
            return -1
        char = m.group("err")
        self._fail(f"unexpected character {char!r}", line,
                   "this character cannot start any HCL token")
        return -1  # pragma: no cover

    # ----- templates ------------------------------------------------------------------

    def _quoted(self, frame: _Frame, pos: int) -> int:
        """Scan the inside of a quoted template up to `${`, `%{` or the closing quote."""
        text = self.text
        m = _QUOTED_LIT.match(text, pos)
        if m is not None:
            self.toks.append(("lit", unescape_quoted(m.group(0), self.path, self.line), self.line))
            pos = m.end()
        char = text[pos:pos + 1]
        if char == '"':
            self.stack.pop()
            self.toks.append(("cq", "", self.line))
            return pos + 1
        if char in ("$", "%"):
            return self._sequence_start(pos)
        if char == "\\":
            self._fail("invalid escape sequence at end of line", self.line,
                       "a backslash must be followed by n, r, t, \", \\, u or U")
        self._fail("unterminated string", frame.line,
                   'a quoted string must be closed with " on the same line; '
                   "use a heredoc (<<EOT) for text over several lines")
        return -1  # pragma: no cover

    def _sequence_start(self, pos: int) -> int:
        text = self.text
        kind = "ti" if text[pos] == "$" else "tc"
        strip = text[pos + 2:pos + 3] == "~"
        self.toks.append((kind, "~" if strip else "", self.line))
        self.stack.append(_SEQUENCE)
        return pos + 3 if strip else pos + 2

    def _heredoc(self, frame: _Frame, pos: int) -> int:
        """Scan heredoc lines (one `lit` token per line) up to a sequence or the marker."""
        text = self.text
        end = len(text)
        toks = self.toks
        while True:
            if frame.start_of_line:
                nl = text.find("\n", pos)
                stop = end if nl < 0 else nl
                segment = text[pos:stop]
                if frame.marker and segment.strip() == frame.marker:
                    self.stack.pop()
                    toks.append(("ch", "", self.line))
                    return stop
                if nl < 0 and frame.marker:
                    self._fail("unterminated heredoc", frame.line,
                               f'no line "{frame.marker}" closes the heredoc opened at '
                               f"line {frame.line}")
                if "${" not in segment and "%{" not in segment:
                    if nl >= 0:
                        toks.append(("lit", segment + "\n", self.line))
                        self.line += 1
                        pos = nl + 1
                        continue
                    if segment:
                        toks.append(("lit", segment, self.line))
                    return self._template_end(frame, end)
            m = _HEREDOC_LIT.match(text, pos)
            piece = m.group(0) if m is not None else ""
            if piece:
                toks.append(("lit", unescape_heredoc(piece), self.line))
                pos += len(piece)
                if piece.endswith("\n"):
                    self.line += 1
                    frame.start_of_line = True
                    continue
                frame.start_of_line = False
            if pos >= end:
                if frame.marker:
                    self._fail("unterminated heredoc", frame.line,
                               f'no line "{frame.marker}" closes the heredoc opened at '
                               f"line {frame.line}")
                return self._template_end(frame, end)
            frame.start_of_line = False
            return self._sequence_start(pos)

    def _template_end(self, frame: _Frame, end: int) -> int:
        """End of a delimiter-less template (JSON string): close it and finish."""
        self.stack.pop()
        self.toks.append(("ch", "", self.line))
        self.toks.append(("eof", "", self.line))
        return -1

    def _fail(self, message: str, line: int, hint: str) -> None:
        raise SourceError(message, self.path, line, hint)


def tokenize(text: str, path: str) -> list[Token]:
    """Tokenize HCL native syntax; raise SourceError on text that has no tokens."""
    return Lexer(text, path).tokenize()
