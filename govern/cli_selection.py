"""The options that choose the rules a command runs and the paths it reads: `--check`,
`--skip-check`, `--skip-path` (`govern scan`, `govern config show`, `govern baseline
create`). They have the meaning of the configuration's `rules.enable`, `rules.disable` and
`exclude` (govern/config/selectors.py, govern/skip_paths.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

from govern.errors import UsageError

if TYPE_CHECKING:
    from govern.config import CliSettings

Command = TypeVar("Command", bound=Callable[..., Any])


@dataclass(frozen=True)
class RuleSelection:
    """`--check`, `--skip-check`, `--skip-path` (each value split at commas)."""

    check: tuple[str, ...] = ()
    skip_check: tuple[str, ...] = ()
    skip_path: tuple[str, ...] = ()

    @classmethod
    def given(cls, check: tuple[str, ...], skip_check: tuple[str, ...],
              skip_path: tuple[str, ...]) -> RuleSelection:
        return cls(split_values(check, "--check"), split_values(skip_check, "--skip-check"),
                   split_values(skip_path, "--skip-path"))

    def settings(self, **given: Any) -> CliSettings:
        from govern.config import CliSettings

        return CliSettings(**given, check=self.check, skip_check=self.skip_check,
                           skip_path=self.skip_path)


def split_values(values: tuple[str, ...], option: str) -> tuple[str, ...]:
    """`("a,b", "c")` -> `("a", "b", "c")`; an empty item is a usage error."""
    items = tuple(item.strip() for value in values for item in value.split(","))
    if any(not item for item in items):
        raise UsageError(f"{option} needs a value (a comma-separated list has an empty item)")
    return items


def selection_options(command: Command) -> Command:
    """`--check`, `--skip-check` and `--skip-path`: the options of `rules.enable`,
    `rules.disable` and `exclude` (docs/configuration.md, selecting rules)."""
    for option in reversed((
        click.option("--check", "check", multiple=True, metavar="SELECTOR",
                     help="Run only the rules these name: rule ids, other tools' ids "
                          "(CKV_AWS_24, AVD-AWS-0107), globs (GOV-AWS-*), categories, or a "
                          "severity (that severity and above); comma-separated or "
                          "repeated. Replaces the config's rules.enable."),
        click.option("--skip-check", "skip_check", multiple=True, metavar="SELECTOR",
                     help="Do not run the rules these name (as --check; a severity skips "
                          "that severity and below); added to the config's rules.disable."),
        click.option("--skip-path", "skip_path", multiple=True, metavar="PATTERN",
                     help="Do not scan paths matching this gitignore-style pattern "
                          "(vendor/, *.test.tf, /legacy), relative to the working "
                          "directory; repeatable; added to the config's exclude."),
    )):
        command = option(command)
    return command

