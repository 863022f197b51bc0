"""The garbage units leave behind, collected when it grows.

govern runs the collector tuned for a batch program (`cli._batch_gc`): the oldest
generation is collected only after about eight million allocations. A unit's parsed
files and evaluated modules are cycles that outlive many young collections, so they
reach the oldest generation and wait there; in a worker reading unit after unit of a
50,000-file scan that garbage held 200 MB more than the live data (460 MB instead of
230 MB per worker). After each unit, `after_unit` collects: in a pool's worker,
always (and freezes what is left, so that the next collection visits only the next
unit's objects); in any other process (the scan's own, a Dask worker, a server), when
its resident memory grew by more than `GROWTH` since the last collection: a full
collection when there is garbage worth it, and no cost but reading one small `/proc`
file otherwise.

`frozen_for_workers`: the objects alive when a pool forks (planning's modules, the
prepared rules) are frozen out of the workers' collections, which would otherwise
visit (and so copy, page after page) everything they inherited.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

GROWTH = 64 * 1024 * 1024  # bytes of growth in resident memory that start a collection

_floor: list[int | None] = [None]  # resident bytes after the last collection
_per_unit = [False]  # a pool's worker (`pool_worker`)


def resident_bytes() -> int | None:
    """This process's resident memory, in bytes (None where `/proc` is not available)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def pool_worker() -> None:
    """Make this process a pool's worker: it collects after every unit and freezes
    what is left (its batch's results so far, its caches), so that each collection
    visits only what the last unit made. Freezing would keep garbage for ever in a
    process that outlives its scan; a pool's workers end with it."""
    _per_unit[0] = True


def after_unit() -> bool:
    """Collect every generation when resident memory grew by more than `GROWTH` since
    the last time (or since the first call), or in a pool's worker after every unit;
    whether it collected."""
    if not gc.isenabled():
        return False
    if _per_unit[0]:
        gc.collect()
        gc.freeze()
        return True
    resident = resident_bytes()
    if resident is None:
        return False
    floor = _floor[0]
    if floor is None or resident < floor:
        _floor[0] = resident
        return False
    if resident - floor <= GROWTH:
        return False
    gc.collect()
    _floor[0] = resident_bytes() or resident
    return True


@contextmanager
def frozen_for_workers() -> Iterator[None]:
    """Within it, what is alive now is left out of collections (in this process and in
    the processes forked from it); after it, collected again as usual here. That
    includes what `cli._batch_gc` froze at start-up: Python unfreezes everything at
    once, so this process's later full collections visit those objects too (a few
    hundredths of a second each, and they are rare), rather than freeze again what a
    long-lived process (a server, the test suite) would then never collect."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
