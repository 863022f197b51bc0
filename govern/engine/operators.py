"""The closed set of attribute-test operators, in three-valued logic.

Each operator says what it gives for an absent value, for an `Unknown` value, and for a
known value (`True` pass, `False` fail, `None` unknown). `None` in the attribute tree counts
as absent. Booleans never equal numbers (`true` is not `1`). An empty string is not a
configured value: `exists` fails and `absent` passes on `""` (`kms_key_id = ""` names no
key), as Terraform providers and CloudFormation treat an empty optional string.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from govern.model.unknown import Unknown
from govern.regex import Regex, RegexError, compile_regex

Tri = bool | None
_VERSION_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def equal3(actual: Any, expected: Any) -> Tri:
    """Structural equality that knows about Unknown: None when an Unknown could decide it."""
    if isinstance(actual, Unknown):
        return None
    if isinstance(actual, bool) or isinstance(expected, bool):
        return isinstance(actual, bool) and isinstance(expected, bool) and actual == expected
    if isinstance(actual, list) and isinstance(expected, list):
        if len(actual) != len(expected):
            return False
        return _and3(equal3(a, e) for a, e in zip(actual, expected, strict=True))
    if isinstance(actual, Mapping) and isinstance(expected, Mapping):
        if set(actual) != set(expected):
            return False
        return _and3(equal3(actual[k], expected[k]) for k in expected)
    if isinstance(actual, (list, Mapping)) or isinstance(expected, (list, Mapping)):
        return False
    return bool(actual == expected)


def _and3(values: Any) -> Tri:
    result: Tri = True
    for value in values:
        if value is False:
            return False
        if value is None:
            result = None
    return result


def _or3(values: Any) -> Tri:
    result: Tri = False
    for value in values:
        if value is True:
            return True
        if value is None:
            result = None
    return result


def _not3(value: Tri) -> Tri:
    return None if value is None else not value


def version_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """`"TLS1_2"` -> (tls, 1, 2); `"5.7.33"` -> (5, 7, 33): numbers compare as numbers."""
    return tuple(_number_key(t) if t.isdigit() else (1, 0, t.lower())
                 for t in _VERSION_TOKEN.findall(text))


def _number_key(digits: str) -> tuple[int, int, str]:
    """A run of digits, ordered as its number without converting it (int() refuses more
    than 4,300 digits): fewer significant digits first, then the digits."""
    significant = digits.lstrip("0")
    return (0, len(significant), significant)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def compare(actual: Any, expected: Any) -> int | None:
    """-1/0/1 comparing numbers numerically and strings as versions; None if not comparable
    (booleans, lists, maps, a non-numeric string against a number)."""
    if _is_number(actual) and _is_number(expected):
        if actual != actual or expected != expected:  # NaN compares with nothing
            return None
        return int(actual > expected) - int(actual < expected)
    if isinstance(actual, str) and _is_number(expected):
        try:
            number = float(actual)
        except ValueError:
            return None
        if number != number or expected != expected:  # "nan" is not a number to compare
            return None
        return int(number > expected) - int(number < expected)
    if _is_number(actual) and isinstance(expected, str):
        try:
            actual = str(actual)
        except ValueError:  # an int of more than 4,300 digits
            return None
    if isinstance(actual, str) and isinstance(expected, str):
        left, right = version_key(actual), version_key(expected)
        if not left or not right:
            return int(actual > expected) - int(actual < expected)
        return (left > right) - (left < right)
    return None


def _contains(actual: Any, expected: Any) -> Tri:
    if isinstance(actual, list):
        return _or3(equal3(item, expected) for item in actual)
    if isinstance(actual, str):
        return isinstance(expected, str) and expected in actual
    if isinstance(actual, Mapping):
        return isinstance(expected, str) and expected in actual
    return False


def _ordered(test: Callable[[int], bool]) -> Callable[[Any, Any], Tri]:
    def run(actual: Any, expected: Any) -> Tri:
        order = compare(actual, expected)
        return order is not None and test(order)
    return run


def _matches(actual: Any, expected: Regex) -> Tri:
    return isinstance(actual, str) and expected.search(actual) is not None


@dataclass(frozen=True)
class Operator:
    """`takes`: what `value` must be (`None`: no value; `any`, `list`, `ordered`, `regex`);
    `absent`/`unknown`: the outcome for an absent / Unknown value; `test`: the rest."""

    name: str
    takes: str | None
    absent: bool
    unknown: Tri
    test: Callable[[Any, Any], Tri]

    def __reduce__(self) -> tuple[Callable[[str], Operator], tuple[str]]:
        # pickled by name (the tests are lambdas), so compiled rules can be sent to worker
        # processes; the rule cache stores JSON, never pickles (govern/engine/rule_cache.py)
        return (operator_named, (self.name,))


def operator_named(name: str) -> Operator:
    return OPERATORS[name]


def _negate(test: Callable[[Any, Any], Tri]) -> Callable[[Any, Any], Tri]:
    return lambda actual, expected: _not3(test(actual, expected))


def _in(actual: Any, expected: Any) -> Tri:
    return _or3(equal3(actual, item) for item in expected)


OPERATORS: dict[str, Operator] = {op.name: op for op in (
    Operator("exists", None, False, True, lambda a, e: a != ""),
    Operator("absent", None, True, False, lambda a, e: a == ""),
    Operator("equals", "any", False, None, equal3),
    Operator("not_equals", "any", True, None, _negate(equal3)),
    Operator("in", "list", False, None, _in),
    Operator("not_in", "list", True, None, _negate(_in)),
    Operator("gt", "ordered", False, None, _ordered(lambda o: o > 0)),
    Operator("gte", "ordered", False, None, _ordered(lambda o: o >= 0)),
    Operator("lt", "ordered", False, None, _ordered(lambda o: o < 0)),
    Operator("lte", "ordered", False, None, _ordered(lambda o: o <= 0)),
    Operator("matches", "regex", False, None, _matches),
    Operator("not_matches", "regex", True, None, _negate(_matches)),
    Operator("contains", "any", False, None, _contains),
    Operator("not_contains", "any", True, None, _negate(_contains)),
    Operator("is_true", None, False, None, lambda a, e: a is True),
    Operator("is_false", None, False, None, lambda a, e: a is False),
    Operator("not_empty", None, False, None, lambda a, e: a not in ("", [], {})),
)}


def prepare_value(op: Operator, value: Any) -> Any:
    """Check and prepare the `value` of an attribute test (compile regexes, with RE2:
    `govern.regex`).
    Raises ValueError with a plain-words reason."""
    if op.takes is None:
        return None
    if value is None:
        raise ValueError(f"op '{op.name}' needs a value, not null "
                         f"(to test for a missing attribute use op: absent)")
    if op.takes == "list" and not isinstance(value, list):
        raise ValueError(f"op '{op.name}' needs a list value")
    if op.takes == "ordered" and not (_is_number(value) or isinstance(value, str)):
        raise ValueError(f"op '{op.name}' needs a number or a version string")
    if op.takes == "regex":
        if not isinstance(value, str):
            raise ValueError(f"op '{op.name}' needs a regular expression string")
        try:
            return compile_regex(value)
        except RegexError as exc:
            raise ValueError(f"invalid regular expression: {exc.reason} ({exc.hint})") from None
    return value
