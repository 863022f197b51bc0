"""The typed exception hierarchy.

Library code raises these; the CLI turns them into one-line messages and exit codes.
A user mistake never reaches the user as a traceback.
"""

from __future__ import annotations


class GovernError(Exception):
    """Base class of every error govern raises on purpose."""


class UsageError(GovernError):
    """A command line that cannot be acted on (exit 2)."""


class ConfigError(GovernError):
    """A configuration file or rule catalogue that is invalid (exit 2)."""


class RuleError(ConfigError):
    """A rule file that is invalid: `file:line: what is wrong (hint)`."""


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
