"""The typed exception hierarchy.

Library code raises these; the CLI turns them into one-line messages and exit codes.
A user mistake never reaches the user as a traceback.
"""

from __future__ import annotations

from typing import Any


class GovernError(Exception):
    """Base class of every error govern raises on purpose."""


class UsageError(GovernError):
    """A command line that cannot be acted on (exit 2)."""


class ConfigError(GovernError):
    """A configuration file or rule catalogue that is invalid (exit 2)."""


class RuleError(ConfigError):
    """A rule file that is invalid: `file:line: what is wrong (hint)`."""


def yaml_syntax_error(exc: Any, file: str) -> SourceError:
    """A SourceError for PyYAML's MarkedYAMLError: the line of the problem, and where the
    construct it belongs to began (`while parsing a flow sequence on line 5`)."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = exc.problem or exc.context or "cannot be parsed"
    hint = None
    if exc.context and exc.problem and exc.context_mark is not None:
        hint = f"{exc.context} on line {exc.context_mark.line + 1}"
    return SourceError(f"invalid YAML: {problem}", file, line, hint)


def exceeds_yaml_nesting(exc: Any) -> bool:
    """Whether a MarkedYAMLError is libyaml's own nesting limit (libyaml 0.2.5 in
    PyYAML 6.0.3 and later stops flow collections past 1,000 levels), which the loaders
    report as their own, lower, nesting limit."""
    return str(getattr(exc, "problem", "") or "").startswith("exceeded maximum nesting depth")


class SourceError(GovernError):
    """An input file that cannot be read or parsed; reported as a scan error (exit 3)."""

    def __init__(self, message: str, file: str, line: int | None = None,
                 hint: str | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text
