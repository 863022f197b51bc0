"""Reporters: turn a `ScanReport` into text, JSON, SARIF or Markdown (findings; and the
compliance report alone, as the pseudo-format `compliance`).

A reporter sees only `govern.model.finding` types. Each format is one module with a
`render` function; the table below maps format names to them. Adding a format (junit,
github, markdown) is one module and one entry in `_RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from govern.errors import UsageError
from govern.model.finding import ScanReport
from govern.report import compliance_markdown, json_report, markdown, sarif, text


@dataclass(frozen=True)
class RenderOptions:
    """Presentation options; a format uses those that apply to it."""

    color: bool = False  # ANSI colour (text); the CLI decides (isatty, NO_COLOR)


Renderer = Callable[[ScanReport, RenderOptions], str]

_RENDERERS: dict[str, Renderer] = {
    "text": lambda report, options: text.render(report, color=options.color),
    "json": lambda report, options: json_report.render(report),
    "sarif": lambda report, options: sarif.render(report),
    "markdown": lambda report, options: markdown.render(report),
    # the compliance report alone (`--output compliance=FILE.md`)
    "compliance": lambda report, options: compliance_markdown.render(report),
}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)  # compliance: Markdown, --output only


def render(fmt: str, report: ScanReport, *, color: bool = False) -> str:
    """The report in format `fmt` (one of `FORMATS`), ending with a newline."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise UsageError(f"unknown report format {fmt!r} (choose one of: {', '.join(FORMATS)})")
    return renderer(report, RenderOptions(color=color))


__all__ = ["FORMATS", "RenderOptions", "render"]
