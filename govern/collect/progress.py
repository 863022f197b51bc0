"""Progress of a live collection: the readers know what they read (account, region,
service), the scan knows where to show it. A collector says how many readers it starts
(`expect`) and each one it finished (`read`); the scan installs what shows it
(`reporting`, a `ScanProgress`) around the collection. Readers run on threads of their
own (and the accounts of an organization on more threads), so the one reporter is
shared by all of them; with none installed, both calls do nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class LiveProgress(Protocol):
    def expect(self, readers: int) -> None:
        """`readers` more readers will run."""

    def read(self, account: str, region: str, service: str, seconds: float) -> None:
        """One reader finished: what it read, and how long it took."""


_lock = threading.Lock()
_current: list[LiveProgress] = []


@contextmanager
def reporting(progress: LiveProgress | None) -> Iterator[None]:
    """`progress` told of the live collection made in the block (None: nothing)."""
    if progress is None:
        yield
        return
    with _lock:
        _current.append(progress)
    try:
        yield
    finally:
        with _lock:
            _current.remove(progress)


def expect(readers: int) -> None:
    with _lock:
        for progress in _current:
            progress.expect(readers)


def read(account: str, region: str, service: str, seconds: float) -> None:
    with _lock:
        for progress in _current:
            progress.read(account, region, service, seconds)
