"""Text every report can write: no lone surrogates.

A file name that is not valid UTF-8 reaches govern through `os.fsdecode` with surrogate
escapes (byte 0xff is `\\udcff`), and a template can hold a lone surrogate in a name or a
value (JSON's `"\\ud800"`). Neither can be encoded as UTF-8, so writing a report holding
one would fail. Every reporter gets a report where each lone surrogate is U+FFFD (the
Unicode replacement character) instead: the report is written, and the odd character shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from govern.json_text import Layout, layout
from govern.model.finding import ScanReport

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
# what a JSON writer (ensure_ascii) makes of one: the output is ASCII but names no character
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")

T = TypeVar("T")


def clean_text(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, text) if _SURROGATE.search(text) else text


def may_hold_surrogates(rendered: str) -> bool:
    """Whether a rendered report holds a surrogate, raw or escaped (then the report is
    rendered again from `clean_report`; a non-BMP character escaped as a pair comes out
    the same)."""
    if not rendered.isascii() and _SURROGATE.search(rendered):
        return True
    # searched for literally first (one pass): the report of a large scan is megabytes
    if "\\u" not in rendered:
        return False
    return _ESCAPED_SURROGATE.search(rendered) is not None


def clean_report(report: ScanReport) -> ScanReport:
    """`report` with every lone surrogate in its strings replaced by U+FFFD."""
    return clean_value(report)


def clean_value(value: T) -> T:
    """`value` (strings, dataclasses, tuples, lists, dicts) with every lone surrogate in
    its strings replaced by U+FFFD."""
    return _cleaned(value)  # type: ignore[no-any-return]


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _cleaned(getattr(value, f.name)) for f in fields(value) if f.init}
        return replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_cleaned(v) for v in value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {_cleaned(k): _cleaned(v) for k, v in value.items()}
    if isinstance(value, frozenset):
        return frozenset(_cleaned(v) for v in value)
    return value


def safe_layout(build: Callable[[ScanReport], Any], report: ScanReport) -> Layout:
    """The `json_text.layout` of the document `build(report)`, built again from
    `clean_report(report)` when its text would hold a surrogate (the streamed items see
    to themselves: `safe_items`)."""
    try:
        pieces = layout(build(report))
        if not any(isinstance(p, str) and may_hold_surrogates(p) for p in pieces):
            return pieces
    except UnicodeError:  # a lone surrogate met an encoder (a file URI)
        pass
    return layout(build(clean_report(report)))


def safe_items(write: Callable[[T, str, str], str], root: str) -> Callable[[T, str], str]:
    """A `json_text.Streamed` writer of the items `write(item, root, newline)` writes (see
    `json_text.indented`): an item whose text would hold a surrogate is written again from
    its cleaned value (and root), as `clean_report` would have given it."""
    def safe(item: T, newline: str) -> str:
        try:
            text = write(item, root, newline)
            if not may_hold_surrogates(text):
                return text
        except UnicodeError:
            pass
        return write(clean_value(item), clean_text(root), newline)

    return safe

