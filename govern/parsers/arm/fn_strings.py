"""String functions: `concat` (also of arrays), `format`, `string`, case, search,
substrings, splitting, padding and trimming.

ARM compares strings case-sensitively in `contains`, `replace` and `equals`, and
case-insensitively in `startsWith`, `endsWith`, `indexOf` and `lastIndexOf`.
"""

from __future__ import annotations

import re
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.arm.context import CallContext
from govern.parsers.arm.fn_base import FunctionSpec, spec, want_int, want_list, want_str
from govern.parsers.arm.values import (
    EvalError,
    UnknownString,
    arm_equals,
    is_number,
    join_parts,
    to_text,
    type_name,
)
from govern.parsers.budget import current


def _concat(args: list[Any], ctx: CallContext) -> Any:
    arrays = any(isinstance(a, list) for a in args)
    if not arrays and all(isinstance(a, Unknown) and not isinstance(a, UnknownString)
                          for a in args):
        return Unknown(args[0].reason, args[0].ref)  # strings or arrays: not known
    current().size(sum(len(a) for a in args if isinstance(a, (str, list))), "concat()")
    if arrays:
        result: list[Any] = []
        for arg in args:
            if isinstance(arg, Unknown):
                return arg.derived()
            if arg is None:
                continue
            result.extend(want_list(arg, "every argument of concat() on arrays"))
        return result
    pieces = []
    for arg in args:
        if isinstance(arg, (list, dict)):
            raise EvalError(f"concat() mixes strings and {type_name(arg)}s")
        pieces.append(to_text(arg))
    return join_parts(pieces)


MAX_LENGTH = 16_384  # ARM's limit on padLeft(); govern's on format widths and precisions
_FORMAT_ITEM = re.compile(r"\{\{|\}\}|\{(\d{1,9})(?:,(-?\d{1,9}))?(?::([^}]*))?\}|[{}]")


def format_text(fmt: str, args: list[Any]) -> Any:
    """.NET composite formatting: `{0}`, `{1,-8}` (alignment), `{0:D3}` / `{0:N2}` /
    `{0:X}` (number formats); `{{` and `}}` are braces."""
    pieces: list[Any] = []
    pos = 0
    for match in _FORMAT_ITEM.finditer(fmt):
        pieces.append(fmt[pos:match.start()])
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            pieces.append(token[0])
            continue
        if match.group(1) is None:
            raise EvalError(f"format string has an unmatched '{token}'")
        index = int(match.group(1))
        if index >= len(args):
            raise EvalError(f"format item {{{index}}} has no argument")
        value = args[index]
        text = value if isinstance(value, Unknown) else _format_value(value, match.group(3))
        if isinstance(text, Unknown):
            pieces.append(text)
            continue
        width = match.group(2)
        if width is not None:
            size = int(width)
            if abs(size) > MAX_LENGTH:
                raise EvalError(f"format alignment {size} is over {MAX_LENGTH}")
            text = text.ljust(-size) if size < 0 else text.rjust(size)
        pieces.append(text)
    pieces.append(fmt[pos:])
    return join_parts(pieces)


def _format_value(value: Any, spec_text: str | None) -> str | Unknown:
    if not spec_text:
        return to_text(value)
    if not is_number(value):
        raise EvalError(f"format '{spec_text}' needs a number, not {type_name(value)}")
    kind = spec_text[0].upper()
    digits = spec_text[1:]
    if digits and not (digits.isascii() and digits.isdigit() and len(digits) <= 9):
        raise EvalError(f"unsupported format '{spec_text}'")
    size = int(digits) if digits else None
    if size is not None and size > MAX_LENGTH:
        raise EvalError(f"format precision {size} is over {MAX_LENGTH}")
    if kind == "D" and isinstance(value, int):
        text = str(abs(value)).zfill(size or 0)
        return f"-{text}" if value < 0 else text
    if kind == "X" and isinstance(value, int):
        text = format(value, "X" if spec_text[0] == "X" else "x")
        return text.zfill(size or 0)
    if kind == "N":
        return f"{value:,.{2 if size is None else size}f}"
    if kind == "F":
        return f"{value:.{2 if size is None else size}f}"
    raise EvalError(f"unsupported format '{spec_text}'")


def _format(args: list[Any], ctx: CallContext) -> Any:
    if isinstance(args[0], Unknown):
        return Unknown(args[0].reason, args[0].ref)
    return format_text(want_str(args[0], "the format string"), args[1:])


def _string(args: list[Any], ctx: CallContext) -> Any:
    return to_text(args[0])


def _case(upper: bool) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        value = args[0]
        if isinstance(value, UnknownString):
            return join_parts(p if isinstance(p, Unknown) else (p.upper() if upper else p.lower())
                              for p in value.parts)
        if isinstance(value, Unknown):
            return value
        text = want_str(value, "the argument")
        return text.upper() if upper else text.lower()
    return impl


def _substring(args: list[Any], ctx: CallContext) -> Any:
    text = want_str(args[0], "the string")
    start = want_int(args[1], "the start index") if len(args) > 1 else 0
    if start < 0 or start > len(text):
        raise EvalError(f"substring() start index {start} is outside the string "
                        f"(length {len(text)})")
    if len(args) > 2:
        length = want_int(args[2], "the length")
        if length < 0 or start + length > len(text):
            raise EvalError(f"substring() length {length} from {start} goes past the end "
                            f"of the string (length {len(text)})")
        return text[start:start + length]
    return text[start:]


def _replace(args: list[Any], ctx: CallContext) -> Any:
    text = want_str(args[0], "the string")
    old = want_str(args[1], "the text to replace")
    new = want_str(args[2], "the replacement")
    if not old:
        raise EvalError("replace() cannot replace an empty string")
    if len(new) > len(old):
        current().size(len(text) + text.count(old) * (len(new) - len(old)), "replace()")
    return text.replace(old, new)


def _split(args: list[Any], ctx: CallContext) -> Any:
    text = want_str(args[0], "the string")
    delimiters = args[1]
    if isinstance(delimiters, str):
        return text.split(delimiters) if delimiters else [text]
    found = [want_str(d, "a delimiter") for d in want_list(delimiters, "the delimiters")]
    found = [d for d in found if d]
    if not found:
        return [text]
    return re.split("|".join(re.escape(d) for d in found), text)


def _affix(starts: bool) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        text = want_str(args[0], "the string").lower()
        affix = want_str(args[1], "the text to find").lower()
        return text.startswith(affix) if starts else text.endswith(affix)
    return impl


def _index_of(last: bool) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        container, item = args
        if isinstance(container, list):
            positions = range(len(container) - 1, -1, -1) if last else range(len(container))
            pending: Unknown | None = None
            for index in positions:
                same = arm_equals(container[index], item)
                if same is True:
                    return index if pending is None else pending
                if isinstance(same, Unknown) and pending is None:
                    pending = same
            return -1 if pending is None else pending
        text = want_str(container, "the string or array").lower()
        needle = want_str(item, "the text to find").lower()
        return text.rfind(needle) if last else text.find(needle)
    return impl


def _trim(args: list[Any], ctx: CallContext) -> Any:
    return want_str(args[0], "the string").strip()


def _pad_left(args: list[Any], ctx: CallContext) -> Any:
    value = args[0]
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else want_str(
        value, "the value to pad")
    width = want_int(args[1], "the total length")
    if width > MAX_LENGTH:
        raise EvalError(f"padLeft() total length {width} is over {MAX_LENGTH}")
    char = want_str(args[2], "the padding character") if len(args) > 2 else " "
    if len(char) != 1:
        raise EvalError("padLeft() pads with exactly one character")
    return text.rjust(width, char)


def _last_char(first: bool) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        value = args[0]
        if isinstance(value, list):
            if not value:
                return None
            return value[0] if first else value[-1]
        text = want_str(value, "the argument")
        if not text:
            return ""
        return text[0] if first else text[-1]
    return impl


FUNCTIONS: dict[str, FunctionSpec] = {
    "concat": spec(_concat, 1, None, unknowns="custom"),
    "format": spec(_format, 1, None, unknowns="custom"),
    "string": spec(_string, 1),
    "tolower": spec(_case(upper=False), 1, unknowns="custom"),
    "toupper": spec(_case(upper=True), 1, unknowns="custom"),
    "substring": spec(_substring, 1, 3),
    "replace": spec(_replace, 3),
    "split": spec(_split, 2),
    "startswith": spec(_affix(starts=True), 2),
    "endswith": spec(_affix(starts=False), 2),
    "indexof": spec(_index_of(last=False), 2),
    "lastindexof": spec(_index_of(last=True), 2),
    "trim": spec(_trim, 1),
    "padleft": spec(_pad_left, 2, 3),
    "first": spec(_last_char(first=True), 1),
    "last": spec(_last_char(first=False), 1),
}
