"""The deadline of a live scan (`--aws-timeout`): once it has passed, no further call is
made; each call that would have been made fails at once (its listing is unfinished)."""

from __future__ import annotations

import time
from collections.abc import Callable


class Deadline:
    """`passed()` once `clock()` reaches `at` (time.monotonic by default; tests give a
    clock that counts calls instead of seconds)."""

    __slots__ = ("at", "clock", "seconds")

    def __init__(self, at: float | None, seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.at = at
        self.seconds = seconds
        self.clock = clock

    def passed(self) -> bool:
        return self.at is not None and self.clock() >= self.at

    @property
    def reason(self) -> str:
        return f"the scan's deadline passed (--aws-timeout {self.seconds:g})"


def deadline_for(at: float | None, seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> Deadline:
    """The deadline at `at` when set (a scan of several accounts shares one), else
    `seconds` from now."""
    return Deadline(at if at is not None else clock() + seconds, seconds, clock)
