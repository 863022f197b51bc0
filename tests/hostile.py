"""Running the CLI on hostile user files (rules, configuration, waivers, baselines,
inventories) in tests: under an alarm, so that a read that blocks (a FIFO) fails the test
instead of hanging CI, and with the error message separated from the CLI's prefix."""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping
from pathlib import Path

from click.testing import CliRunner

from govern.cli import cli

BIG_INT = "9" * 5_000  # more digits than Python converts (4300)


def _blocked(*args: object) -> None:
    raise TimeoutError("govern blocked on its input")


def govern(*args: str, cwd: Path, env: Mapping[str, str] | None = None) -> tuple[int, str]:
    """Exit code and the message of the first stderr line (after `error: `). A Python
    exception escaping the CLI (a traceback for the user) fails the test."""
    old = os.getcwd()
    previous = signal.signal(signal.SIGALRM, _blocked)
    signal.alarm(30)
    try:
        os.chdir(cwd)
        result = CliRunner().invoke(cli, list(args), env=dict(env or {}))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {type(result.exception).__name__}: "
                             f"{result.exception}") from result.exception
    first = (result.stderr.splitlines() or [""])[0]
    return result.exit_code, first.split("error: ", 1)[-1]


def sparse(path: Path, size: int = 2 * 1024**3) -> Path:
    """A file of `size` bytes that takes no disk space (reading it whole would)."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


TOO_LARGE = ("larger than govern reads (2,147,483,648 bytes): the limit is 64 MiB for rule, "
             "configuration, waiver, baseline and inventory files")
FIFO = "is a FIFO (named pipe), not a regular file"
