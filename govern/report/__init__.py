"""Reporters: turn a `ScanReport` into text, JSON, SARIF, Markdown, JUnit XML, CSV or GitHub
annotations (findings; and the compliance report alone, as the pseudo-format `compliance`).

A reporter sees only `govern.model.finding` types. Each format is one module with a
`render` function; the table below maps format names to them. Adding a format is one
module and one entry in `_RENDERERS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from importlib import import_module

from govern.errors import UsageError
from govern.model.finding import ScanReport
from govern.report.safe_text import clean_report, clean_text, may_hold_surrogates

GITHUB_DEFAULT_LIMIT = 10  # annotations per level; github.DEFAULT_LIMIT (a test keeps them equal)


@dataclass(frozen=True)
class RenderOptions:
    """Presentation options; a format uses those that apply to it."""

    color: bool = False  # ANSI colour (text); the CLI decides (isatty, NO_COLOR)
    github_limit: int = GITHUB_DEFAULT_LIMIT  # annotations per level (github)
    compact: bool = False  # text: a line per finding (`--compact`)
    width: int | None = None  # text: wrap to this width (a terminal's), between words
    links: bool = False  # text: OSC 8 links to the files (a terminal)
    fail_on: str | None = None  # text: end with the gate's line for these settings
    fail_on_unknown: bool = False


Renderer = Callable[[ScanReport, RenderOptions], str]


def _module(name: str) -> Renderer:
    """A renderer from `govern.report.<name>`, imported only when that format is asked
    for (start-up time)."""

    def run(report: ScanReport, options: RenderOptions) -> str:
        module = import_module(f"govern.report.{name}")
        if name == "text":
            return str(module.render(report, color=options.color, compact=options.compact,
                                     width=options.width, links=options.links,
                                     fail_on=options.fail_on,
                                     fail_on_unknown=options.fail_on_unknown))
        if name == "github":
            return str(module.render(report, limit=options.github_limit))
        return str(module.render(report))

    return run


_RENDERERS: dict[str, Renderer] = {
    "text": _module("text"),
    "json": _module("json_report"),
    "sarif": _module("sarif"),
    "markdown": _module("markdown"),
    "junit": _module("junit"),
    "csv": _module("csv_report"),
    "sonarqube": _module("sonarqube"),
    "github": _module("github"),
    # the compliance report alone (`--output compliance=FILE.md`)
    "compliance": _module("compliance_markdown"),
}

# formats written as they are made, a few findings at a time: the text of a large scan's
# findings is never held at once (they see to surrogates item by item: `safe_items`)
_STREAMED: dict[str, str] = {"json": "json_report", "sarif": "sarif"}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)  # compliance: Markdown, --output only


def render(fmt: str, report: ScanReport, *, color: bool = False,
           sarif_category: str | None = None, options: RenderOptions | None = None) -> str:
    """The report in format `fmt` (one of `FORMATS`), ending with a newline (github: empty
    when there is nothing to annotate). The text holds no lone surrogate (`safe_text`): it
    can always be written as UTF-8."""
    return "".join(chunks(fmt, report, color=color, sarif_category=sarif_category,
                          options=options))


def chunks(fmt: str, report: ScanReport, *, color: bool = False,
           sarif_category: str | None = None, options: RenderOptions | None = None
           ) -> Iterator[str]:
    """`render(...)` in pieces, made as they are written (JSON and SARIF; the other
    formats in one piece). `options` (its colour aside: `color`) shape the text format."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise UsageError(f"unknown report format {fmt!r} (choose one of: {', '.join(FORMATS)})")
    streamed = _STREAMED.get(fmt)
    if streamed is not None:
        module = import_module(f"govern.report.{streamed}")
        if fmt == "sarif":
            return iter(module.chunks(report, category=sarif_category))
        return iter(module.chunks(report))
    chosen = replace(options, color=color) if options else RenderOptions(color=color)
    return iter((_whole(renderer, report, chosen),))


def _whole(renderer: Renderer, report: ScanReport, options: RenderOptions) -> str:
    try:
        text = renderer(report, options)
        if not may_hold_surrogates(text):
            return text
    except UnicodeError:  # a lone surrogate (a file name that is not UTF-8) met an encoder
        pass
    # lone surrogates become U+FFFD, so that every format can be written as UTF-8
    return clean_text(renderer(clean_report(report), options))


__all__ = ["FORMATS", "RenderOptions", "chunks", "render"]
