"""Reporters: turn a `ScanReport` into text, JSON, SARIF, Markdown, JUnit XML or GitHub
annotations (findings; and the compliance report alone, as the pseudo-format `compliance`).

A reporter sees only `govern.model.finding` types. Each format is one module with a
`render` function; the table below maps format names to them. Adding a format is one
module and one entry in `_RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from govern.errors import UsageError
from govern.model.finding import ScanReport
from govern.report import (
    compliance_markdown,
    github,
    json_report,
    junit,
    markdown,
    sarif,
    text,
)


@dataclass(frozen=True)
class RenderOptions:
    """Presentation options; a format uses those that apply to it."""

    color: bool = False  # ANSI colour (text); the CLI decides (isatty, NO_COLOR)
    sarif_category: str | None = None  # SARIF runs[0].automationDetails.id (`category/`)
    github_limit: int = github.DEFAULT_LIMIT  # annotations per level (github)


Renderer = Callable[[ScanReport, RenderOptions], str]

_RENDERERS: dict[str, Renderer] = {
    "text": lambda report, options: text.render(report, color=options.color),
    "json": lambda report, options: json_report.render(report),
    "sarif": lambda report, options: sarif.render(report, category=options.sarif_category),
    "markdown": lambda report, options: markdown.render(report),
    "junit": lambda report, options: junit.render(report),
    "github": lambda report, options: github.render(report, limit=options.github_limit),
    # the compliance report alone (`--output compliance=FILE.md`)
    "compliance": lambda report, options: compliance_markdown.render(report),
}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)  # compliance: Markdown, --output only


def render(fmt: str, report: ScanReport, *, color: bool = False,
           sarif_category: str | None = None) -> str:
    """The report in format `fmt` (one of `FORMATS`), ending with a newline (github: empty
    when there is nothing to annotate)."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise UsageError(f"unknown report format {fmt!r} (choose one of: {', '.join(FORMATS)})")
    return renderer(report, RenderOptions(color=color, sarif_category=sarif_category))


__all__ = ["FORMATS", "RenderOptions", "render"]
