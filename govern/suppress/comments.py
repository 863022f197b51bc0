"""Comments of Terraform and YAML files, read from the raw text, and the extent of the
block (or line) that starts on a given line.

Strings and heredocs are skipped; the HCL and YAML parsers are not involved, so a file
with a syntax error still yields its comments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_HEREDOC = re.compile(r"<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")
_MODULE = re.compile(r'\s*module\s+"([^"]+)"\s*\{')
_OPEN, _CLOSE = "{[(", "}])"


@dataclass(frozen=True)
class Comment:
    text: str  # without the comment markers
    line: int  # where it is written (first line)
    target: int  # the line it applies to: its own when it follows code, else the next code line
    trailing: bool = False  # written after code on its line


def terraform_comments(text: str) -> list[Comment]:
    """Comments of an HCL file (`#`, `//`, `/* */`), skipping strings and heredocs."""
    lines = text.splitlines()
    raw: list[tuple[str, int, int, bool]] = []  # text, first line, last line, trailing
    heredoc: str | None = None
    in_block: tuple[list[str], int, bool] | None = None
    for number, line in enumerate(lines, start=1):
        if heredoc is not None:
            if line.strip() == heredoc:
                heredoc = None
            continue
        if in_block is None and "#" not in line and "/" not in line and "<" not in line:
            continue  # no comment, block comment or heredoc starts here (most lines)
        i, code_before, in_string = 0, False, False
        while i < len(line):
            if in_block is not None:
                end = line.find("*/", i)
                if end < 0:
                    in_block[0].append(line[i:])
                    break
                in_block[0].append(line[i:end])
                raw.append((" ".join(in_block[0]), in_block[1], number, in_block[2]))
                in_block, i = None, end + 2
                continue
            char = line[i]
            if in_string:
                if char == "\\":
                    i += 2
                    continue
                if char == '"':
                    in_string = False
                i += 1
                continue
            if char == '"':
                in_string, code_before = True, True
            elif char == "#" or line.startswith("//", i):
                start = i + (1 if char == "#" else 2)
                raw.append((line[start:], number, number, code_before))
                break
            elif line.startswith("/*", i):
                in_block, i = ([], number, code_before), i + 2
                continue
            elif line.startswith("<<", i):
                match = _HEREDOC.match(line[i:])
                if match:
                    heredoc = match.group(1)
                    break
            elif not char.isspace():
                code_before = True
            i += 1
    return _targets(raw)


def yaml_comments(text: str) -> list[Comment]:
    """`#` comments of a YAML file (a `#` at the start or after whitespace, outside quotes)."""
    raw: list[tuple[str, int, int, bool]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        quote: str | None = None
        for i, char in enumerate(line):
            if quote is not None:
                if char == quote:
                    quote = None
            elif char in "'\"" and (i == 0 or line[i - 1] in " \t:-[{,"):
                quote = char
            elif char == "#" and (i == 0 or line[i - 1] in " \t"):
                raw.append((line[i + 1:], number, number, bool(line[:i].strip())))
                break
    return _targets(raw)


def _targets(raw: Sequence[tuple[str, int, int, bool]]) -> list[Comment]:
    """Where each comment applies: its own line when it follows code, else the next line
    that holds code (after the comment and any comment lines below it)."""
    comment_only = {first for _, first, last, trailing in raw if not trailing
                    for first in range(first, last + 1)}
    out: list[Comment] = []
    for text, first, last, trailing in raw:
        if trailing:
            out.append(Comment(text, first, first, trailing=True))
            continue
        target = last + 1
        while target in comment_only:
            target += 1
        out.append(Comment(text, first, target))
    return out


def hcl_block_end(lines: Sequence[str], start: int) -> int:
    """The last line of what starts on line `start` (1-based) of an HCL file: the line that
    closes the brackets opened there (a block, a multi-line list or map), else `start`
    itself. Strings, comments and heredocs are skipped."""
    depth, opened = 0, False
    heredoc: str | None = None
    in_block_comment = False
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        if heredoc is not None:
            if line.strip() == heredoc:
                heredoc = None
            continue
        i, in_string = 0, False
        while i < len(line):
            if in_block_comment:
                end = line.find("*/", i)
                if end < 0:
                    break
                in_block_comment, i = False, end + 2
                continue
            char = line[i]
            if in_string:
                if char == "\\":
                    i += 2
                    continue
                if char == '"':
                    in_string = False
                i += 1
                continue
            if char == '"':
                in_string = True
            elif char == "#" or line.startswith("//", i):
                break
            elif line.startswith("/*", i):
                in_block_comment, i = True, i + 2
                continue
            elif line.startswith("<<", i):
                match = _HEREDOC.match(line[i:])
                if match:
                    heredoc = match.group(1)
                    break
            elif char in _OPEN:
                depth, opened = depth + 1, True
            elif char in _CLOSE:
                depth -= 1
            i += 1
        if not opened or depth <= 0:
            return number
    return len(lines)


def yaml_block_end(lines: Sequence[str], start: int) -> int:
    """The last line of the YAML node that starts on line `start` (1-based): the last line
    holding code below it that is indented deeper (a `- ` item's own keys included)."""
    if not 1 <= start <= len(lines):
        return start
    head = lines[start - 1]
    indent = len(head) - len(head.lstrip())
    last = start
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= indent:
            break
        last = number
    return last


def module_calls(lines: Sequence[str]) -> list[tuple[str, int, int]]:
    """(name, first line, last line) of the `module "NAME" {` blocks of a Terraform file."""
    out: list[tuple[str, int, int]] = []
    for number, line in enumerate(lines, start=1):
        match = _MODULE.match(line)
        if match:
            out.append((match.group(1), number, hcl_block_end(lines, number)))
    return out
