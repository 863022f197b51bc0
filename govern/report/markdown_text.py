"""Escaping text from rules and scanned files for Markdown (tables, inline code)."""

from __future__ import annotations

from govern.report.text import clean

_SPECIAL = "\\`*_[]<>|#"


def md(text: str) -> str:
    """`text` on one line with Markdown's special characters escaped."""
    return "".join(f"\\{c}" if c in _SPECIAL else c for c in clean(text))


def code(text: str) -> str:
    """`text` as inline code (backticks inside are replaced, `|` escaped for tables)."""
    return "`" + clean(text).replace("`", "'").replace("|", "\\|") + "`"
