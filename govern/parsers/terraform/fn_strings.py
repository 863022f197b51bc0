"""String functions and regular expressions (RE2, as Terraform: `govern.regex`)."""

from __future__ import annotations

import re
from typing import Any

from govern.parsers.budget import current
from govern.parsers.terraform.fn_base import (
    FunctionContext,
    FunctionSpec,
    arg_int,
    arg_list,
    arg_str,
    fixed,
    variadic,
)
from govern.parsers.terraform.values import EvalError, to_string
from govern.regex import Regex, RegexError, RegexMatch, compile_regex


def _join(args: list[Any], ctx: FunctionContext) -> Any:
    sep = arg_str(args[0], "separator")
    parts: list[str] = []
    for arg in args[1:]:
        for item in arg_list(arg, "join list"):
            if item is None:
                raise EvalError("join: element is null")
            parts.append(arg_str(item, "join element"))
    current().size(sum(map(len, parts)) + len(sep) * max(0, len(parts) - 1), "join()")
    return sep.join(parts)


def _split(args: list[Any], ctx: FunctionContext) -> Any:
    sep, text = arg_str(args[0], "separator"), arg_str(args[1], "string")
    if text == "":
        return [""]
    if sep == "":
        return list(text)
    return text.split(sep)


def _title(args: list[Any], ctx: FunctionContext) -> Any:
    """Go's strings.Title: upper-case the first letter of every word."""
    text = arg_str(args[0])
    out: list[str] = []
    prev_sep = True
    for char in text:
        out.append(char.upper() if prev_sep and char.isalpha() else char)
        prev_sep = not (char.isalnum() or char == "_")
    return "".join(out)


def _trim(args: list[Any], ctx: FunctionContext) -> Any:
    return arg_str(args[0]).strip(arg_str(args[1], "cutset"))


def _trimprefix(args: list[Any], ctx: FunctionContext) -> Any:
    return arg_str(args[0]).removeprefix(arg_str(args[1]))


def _trimsuffix(args: list[Any], ctx: FunctionContext) -> Any:
    return arg_str(args[0]).removesuffix(arg_str(args[1]))


def _chomp(args: list[Any], ctx: FunctionContext) -> Any:
    text = arg_str(args[0])
    while text.endswith(("\r\n", "\n")):
        text = text[:-2] if text.endswith("\r\n") else text[:-1]
    return text


def _indent(args: list[Any], ctx: FunctionContext) -> Any:
    spaces = arg_int(args[0], "indent spaces")
    lines = arg_str(args[1]).split("\n")
    current().size(max(0, spaces) * len(lines), "indent()")
    pad = " " * spaces
    return "\n".join([lines[0], *[pad + line for line in lines[1:]]])


def _substr(args: list[Any], ctx: FunctionContext) -> Any:
    text = arg_str(args[0])
    offset, length = arg_int(args[1], "offset"), arg_int(args[2], "length")
    if offset < 0:
        offset = max(len(text) + offset, 0)
    if offset > len(text):
        raise EvalError("substr: offset is greater than the string length")
    if length < 0:
        return text[offset:]
    return text[offset:offset + length]


def compile_re(pattern: str) -> Regex:
    """A Terraform pattern: RE2 syntax, as Terraform's own (Go) regexp reads it, run in
    linear time. A pattern RE2 rejects is an error Terraform would report too."""
    try:
        return compile_regex(pattern)
    except RegexError as exc:
        raise EvalError(str(exc)) from None


_GO_REPL_RE = re.compile(r"\$(\$|\{(\w+)\}|(\w+))")


def _expand(template: str, match: RegexMatch) -> str:
    """Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`; `$$` is `$`; a group that
    does not exist or did not take part is empty."""
    def one(ref: re.Match[str]) -> str:
        if ref.group(1) == "$":
            return "$"
        name = ref.group(2) or ref.group(3)
        try:
            group = match.group(int(name) if name.isdigit() else name)
        except IndexError:
            return ""
        return group or ""

    return _GO_REPL_RE.sub(one, template)


def _replace(args: list[Any], ctx: FunctionContext) -> Any:
    text, old, new = arg_str(args[0]), arg_str(args[1]), arg_str(args[2])
    if len(old) > 1 and old.startswith("/") and old.endswith("/"):
        return _replace_all(compile_re(old[1:-1]), text, new)
    if old and len(new) > len(old):
        current().size(len(text) + text.count(old) * (len(new) - len(old)), "replace()")
    elif not old:
        current().size(len(text) + (len(text) + 1) * len(new), "replace()")
    return text.replace(old, new)


def _replace_all(pattern: Regex, text: str, template: str) -> str:
    """`replace()` with a `/pattern/`: Go's ReplaceAllString, its size charged as the
    result grows (an empty pattern matches between every two characters)."""
    size = len(text)

    def one(match: RegexMatch) -> str:
        nonlocal size
        piece = _expand(template, match)
        size += len(piece) - (match.end() - match.start())
        current().size(size, "replace()")
        return piece

    return pattern.sub(one, text)


def _match_value(pattern: Regex, match: RegexMatch) -> Any:
    names = pattern.groupindex
    if names:
        return {name: match.group(name) for name in names}
    if pattern.groups:
        return list(match.groups())
    return match.group(0)


def _regex(args: list[Any], ctx: FunctionContext) -> Any:
    pattern = compile_re(arg_str(args[0], "pattern"))
    match = pattern.search(arg_str(args[1]))
    if match is None:
        raise EvalError("regex: pattern did not match the string")
    return _match_value(pattern, match)


def _regexall(args: list[Any], ctx: FunctionContext) -> Any:
    pattern = compile_re(arg_str(args[0], "pattern"))
    found: list[Any] = []
    for match in pattern.finditer(arg_str(args[1])):
        found.append(_match_value(pattern, match))
        current().size(len(found), "regexall()")
    return found


def _simple(func: Any) -> FunctionSpec:
    def impl(args: list[Any], ctx: FunctionContext) -> Any:
        return func(*[arg_str(a) for a in args])

    return fixed(impl, func.__code__.co_argcount if hasattr(func, "__code__") else 1)


def _tostring(args: list[Any], ctx: FunctionContext) -> Any:
    if args[0] is None:
        return None
    if isinstance(args[0], (list, dict)):
        raise EvalError("tostring: a collection cannot be converted to a string")
    return to_string(args[0])


FUNCTIONS: dict[str, FunctionSpec] = {
    "join": variadic(_join, 2),
    "split": fixed(_split, 2),
    "lower": _simple(lambda s: s.lower()),
    "upper": _simple(lambda s: s.upper()),
    "title": fixed(_title, 1),
    "trimspace": _simple(lambda s: s.strip()),
    "trim": fixed(_trim, 2),
    "trimprefix": fixed(_trimprefix, 2),
    "trimsuffix": fixed(_trimsuffix, 2),
    "chomp": fixed(_chomp, 1),
    "indent": fixed(_indent, 2),
    "strrev": _simple(lambda s: s[::-1]),
    "substr": fixed(_substr, 3),
    "replace": fixed(_replace, 3),
    "startswith": _simple(lambda s, p: s.startswith(p)),
    "endswith": _simple(lambda s, p: s.endswith(p)),
    "strcontains": _simple(lambda s, p: p in s),
    "regex": fixed(_regex, 2),
    "regexall": fixed(_regexall, 2),
    "tostring": fixed(_tostring, 1),
}
