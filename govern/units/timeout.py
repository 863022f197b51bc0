"""`--unit-timeout`: a unit that runs past its time is stopped and reported; the rest of
the scan goes on.

A watchdog thread raises `UnitTimeout` in the thread reading the unit (CPython's
`PyThreadState_SetAsyncExc`), which works the same in this process, in a pool worker and
in a Dask worker's task thread. The exception arrives at the next Python instruction: a
unit busy inside one long call into C (a regular expression, the C YAML loader) stops when
that call returns. The evaluation budget bounds what a unit may compute in any case; the
timeout bounds how long."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class UnitTimeout(Exception):
    """A unit ran past `--unit-timeout`."""


def within(seconds: float | None, work: Callable[[], T]) -> T:
    """`work()`, stopped with UnitTimeout after `seconds` (no limit when None)."""
    if not seconds:
        return work()
    thread = threading.get_ident()
    lock = threading.Lock()
    running = [True]

    def expire() -> None:
        with lock:
            if running[0]:
                _raise_in(thread, UnitTimeout)

    watchdog = threading.Timer(seconds, expire)
    watchdog.daemon = True
    try:
        watchdog.start()
        try:
            return work()
        finally:
            with lock:
                running[0] = False
                _raise_in(thread, None)  # one set but not raised yet is cleared
            watchdog.cancel()
    except UnitTimeout:
        raise UnitTimeout(f"stopped after {seconds:g} s") from None


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    import ctypes  # only with a timeout (start-up time)

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread), ctypes.py_object(exception) if exception else None)
