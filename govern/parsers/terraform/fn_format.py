"""`format` and `formatlist`: Go's fmt verbs as Terraform exposes them."""

from __future__ import annotations

import json
import re
from typing import Any

from govern.parsers.budget import BudgetExceeded, current
from govern.parsers.terraform.fn_base import FunctionContext, FunctionSpec, arg_str, variadic
from govern.parsers.terraform.values import (
    EvalError,
    is_number,
    number_text,
    to_bool,
    to_number,
    to_string,
    type_name,
)

_VERB_RE = re.compile(r"%([-+# 0]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d*))?(?:\[(\d+)\])?([a-zA-Z%])")


def json_text(value: Any) -> str:
    """Terraform's `jsonencode`: compact, keys sorted, `<>&` escaped as Go does."""
    text = json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False,
                      allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def format_string(fmt: str, args: list[Any]) -> str:
    out: list[str] = []
    pos = 0
    next_arg = 0
    explicit_seen = False
    while True:
        start = fmt.find("%", pos)
        if start < 0:
            out.append(fmt[pos:])
            break
        out.append(fmt[pos:start])
        match = _VERB_RE.match(fmt, start)
        if match is None:
            raise EvalError(f"invalid format verb at offset {start} in {fmt!r}")
        flags, index_a, width, precision, index_b, verb = match.groups()
        pos = match.end()
        if verb == "%":
            out.append("%")
            continue
        explicit = index_a or index_b
        if explicit:
            next_arg = int(explicit) - 1
            explicit_seen = True
        if next_arg < 0 or next_arg >= len(args):
            raise EvalError(f"not enough arguments for format string {fmt!r}")
        value = args[next_arg]
        next_arg += 1
        prec = None if precision is None else _bounded_int(precision or "0", "precision")
        out.append(_format_one(verb, flags, _bounded_int(width, "width") if width else None,
                               prec, value))
    if not explicit_seen and next_arg < len(args):
        raise EvalError(f"too many arguments; only {next_arg} used by format string")
    return "".join(out)


def _bounded_int(text: str, what: str) -> int:
    """A width or precision written in a format string, within the budget's value size."""
    limit = current().limits.value_size
    if len(text) > len(str(limit)) or int(text) > limit:
        shown = text if len(text) <= 20 else f"{text[:20]}..."
        raise BudgetExceeded(f"a {what} of {shown}", limit, "format()")
    return int(text)


def _format_one(verb: str, flags: str, width: int | None, prec: int | None, value: Any) -> str:
    if verb in "vsq" or verb == "t":
        text = _format_text(verb, flags, prec, value)
        return _pad(text, flags, width, numeric=False)
    if verb in "dbox" or verb == "X":
        if verb in "xX" and isinstance(value, str):
            text = value.encode().hex()
            return _pad(text.upper() if verb == "X" else text, flags, width, numeric=False)
        number = to_number(value)
        if isinstance(number, float):
            raise EvalError(f"%{verb} needs a whole number, got {number_text(number)}")
        spec = _spec(flags, width, None, {"d": "d", "b": "b", "o": "o", "x": "x", "X": "X"}[verb])
        return format(number, spec)
    if verb in "eEfFgG":
        number = float(to_number(value))
        if verb in "gG" and prec is None:
            text = _go_shortest_g(number, upper=verb == "G")
            return _pad(_sign(number, flags, text), flags, width, numeric=True)
        spec = _spec(flags, width, 6 if prec is None else prec, verb)
        return format(number, spec)
    raise EvalError(f"unsupported format verb %{verb}")


def _format_text(verb: str, flags: str, prec: int | None, value: Any) -> str:
    if verb == "t":
        return "true" if to_bool(value) else "false"
    if verb == "v" and "#" in flags:
        return json_text(value)
    if verb == "v":
        if value is None:
            text = "null"
        elif isinstance(value, (list, dict)):
            text = json_text(value)
        else:
            text = to_string(value)
    elif verb == "q":
        text = json_text(to_string(value))
    else:
        if value is None:
            raise EvalError("%s cannot format a null value")
        if isinstance(value, (list, dict)):
            raise EvalError(f"%s cannot format a {type_name(value)} value")
        text = to_string(value)
    if prec is not None:
        text = text[:prec]
    return text


def _spec(flags: str, width: int | None, prec: int | None, kind: str) -> str:
    align = "<" if "-" in flags else ""
    sign = "+" if "+" in flags else (" " if " " in flags else "")
    alt = "#" if "#" in flags and kind in "boxX" else ""
    zero = "0" if "0" in flags and not align else ""
    spec = f"{align}{sign}{alt}{zero}{width or ''}"
    if prec is not None:
        spec += f".{prec}"
    return spec + kind


def _pad(text: str, flags: str, width: int | None, numeric: bool) -> str:
    if width is None or len(text) >= width:
        return text
    if "-" in flags:
        return text.ljust(width)
    if "0" in flags and numeric:
        sign = text[0] if text[:1] in "+- " else ""
        return sign + text[len(sign):].rjust(width - len(sign), "0")
    return text.rjust(width)


def _sign(number: float, flags: str, text: str) -> str:
    if number >= 0 and "+" in flags:
        return "+" + text
    if number >= 0 and " " in flags:
        return " " + text
    return text


def _go_shortest_g(number: float, upper: bool) -> str:
    """Go's `%g` without precision: shortest digits, exponent form when exp < -4 or >= 6."""
    if number == 0:
        return "0"
    from decimal import Decimal  # only here: decimal costs 3 ms to import

    _sign, digits, exponent = Decimal(repr(abs(number))).as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits))
    dp = len(text) + exponent  # digits before the decimal point
    text = text.lstrip("0")
    dp -= len("".join(map(str, digits))) - len(text)
    text = text.rstrip("0") or "0"
    nd = len(text)
    exp = dp - 1
    neg = "-" if number < 0 else ""
    if exp < -4 or exp >= 6:
        mantissa = text[0] + ("." + text[1:] if nd > 1 else "")
        letter = "E" if upper else "e"
        return f"{neg}{mantissa}{letter}{'+' if exp >= 0 else '-'}{abs(exp):02d}"
    if dp <= 0:
        return f"{neg}0.{'0' * -dp}{text}"
    if dp >= nd:
        return neg + text + "0" * (dp - nd)
    return f"{neg}{text[:dp]}.{text[dp:]}"


def _format(args: list[Any], ctx: FunctionContext) -> Any:
    return format_string(arg_str(args[0], "format string"), args[1:])


def _formatlist(args: list[Any], ctx: FunctionContext) -> Any:
    fmt = arg_str(args[0], "format string")
    rest = args[1:]
    length: int | None = None
    for arg in rest:
        if isinstance(arg, list):
            if length is not None and len(arg) != length:
                raise EvalError("all list arguments to formatlist must have the same length")
            length = len(arg)
    if length is None:
        return [format_string(fmt, rest)]
    return [format_string(fmt, [a[i] if isinstance(a, list) else a for a in rest])
            for i in range(length)]


FUNCTIONS: dict[str, FunctionSpec] = {
    "format": variadic(_format, 1),
    "formatlist": variadic(_formatlist, 1),
}

__all__ = ["FUNCTIONS", "format_string", "is_number", "json_text"]
