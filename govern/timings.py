"""Where a command's time went, for `--debug`: named phases timed in order, then one line
on stderr (`govern: timings: rules 0.02 s, discover 0.01 s, ..., total 0.31 s`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Timings:
    """Phases of one command, in the order they ran (a phase that runs twice adds up)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.phases: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        began = time.perf_counter()
        try:
            yield
        finally:
            self.phases[name] = self.phases.get(name, 0.0) + time.perf_counter() - began

    def line(self) -> str:
        parts = [f"{name} {seconds:.2f} s" for name, seconds in self.phases.items()]
        parts.append(f"total {time.perf_counter() - self.started:.2f} s")
        return "timings: " + ", ".join(parts)


@contextmanager
def phase(timings: Timings | None, name: str) -> Iterator[None]:
    """`timings.phase(name)`, or nothing when not timing."""
    if timings is None:
        yield
        return
    with timings.phase(name):
        yield
