"""The one place that turns an exception into govern's exit code and message.

The contract (README, docs/architecture.md): 0 no blocking findings, 1 blocking findings,
2 usage or configuration error, 3 scan error. Nothing but blocking findings ever exits 1:

- `UsageError`, `ConfigError` (a bad option, path or configuration file): exit 2,
  `govern: error: <what>`;
- `RuleError` (an invalid rule file), `SourceError`, any other `GovernError`: exit 3,
  `govern: error: <what>`;
- `MemoryError`: exit 3, `govern: error: out of memory ...`;
- `KeyboardInterrupt`: exit 130, `govern: interrupted`;
- anything else, a bug in govern: exit 3, `internal error in govern <version>: <what>;
  please report it with the output of --debug`.

`--debug` (on any command, or `GOVERN_DEBUG=1`) adds the traceback. click's own usage errors
(exit 2) and `SystemExit` pass through untouched.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

import click

from govern import __version__
from govern.errors import ConfigError, GovernError, RuleError, UsageError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_SCAN_ERROR = 3
EXIT_INTERRUPTED = 130

_DEBUG_KEY = "govern.debug"


def exit_code_for(exc: BaseException) -> int:
    """The exit code the contract gives `exc`."""
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(exc, RuleError):
        return EXIT_SCAN_ERROR
    if isinstance(exc, UsageError | ConfigError):
        return EXIT_USAGE
    return EXIT_SCAN_ERROR


def message_for(exc: BaseException) -> str:
    """The one line the user sees for `exc`."""
    if isinstance(exc, KeyboardInterrupt):
        return "govern: interrupted"
    if isinstance(exc, GovernError):
        return f"govern: error: {exc}"
    if isinstance(exc, MemoryError):
        return ("govern: error: out of memory; scan fewer files at a time or raise the "
                "memory available to govern")
    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    what = " ".join(what.split())  # one line, whatever the exception's text holds
    return (f"internal error in govern {__version__}: {what}; please report it with the "
            f"output of --debug")


def debug_enabled() -> bool:
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.find_root().meta.get(_DEBUG_KEY):
        return True
    return os.environ.get("GOVERN_DEBUG", "").lower() in ("1", "true", "yes")


def set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """The callback of every command's `--debug` option."""
    if value:
        ctx.find_root().meta[_DEBUG_KEY] = True


def debug_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """`--debug`: show the traceback of an error (for a bug report)."""
    decorator = click.option("--debug", is_flag=True, default=False, expose_value=False,
                             is_eager=True, callback=set_debug,
                             help="Show the traceback of an error (for a bug report).")
    return decorator(function)


def fail(exc: BaseException) -> NoReturn:
    """Report `exc` as the contract says and exit."""
    if debug_enabled() and not isinstance(exc, KeyboardInterrupt):
        import traceback  # only for --debug: it imports more than start-up needs

        traceback.print_exception(exc, file=sys.stderr)
    with contextlib.suppress(OSError, ValueError):
        click.echo(message_for(exc), err=True)
    sys.exit(exit_code_for(exc))


@contextlib.contextmanager
def handled_errors() -> Iterator[None]:
    """Run a command: exceptions become their exit code and one line."""
    try:
        yield
    except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort,
            SystemExit):
        raise
    except BrokenPipeError:
        # the reader of our output went away (`govern rules list | head`): nothing to say
        with contextlib.suppress(OSError, ValueError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (flushed at exit)
        sys.exit(EXIT_SCAN_ERROR)
    except BaseException as exc:  # the one place that maps them all
        fail(exc)


class GovernGroup(click.Group):
    """The root command group: every subcommand runs inside `handled_errors`."""

    def invoke(self, ctx: click.Context) -> object:
        with handled_errors():
            return super().invoke(ctx)
