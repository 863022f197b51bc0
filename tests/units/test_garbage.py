"""Units' garbage is collected when it grows (and after every unit in a pool's worker),
not left for the batch-tuned collector's rare full collections."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import weakref

import pytest

from govern.units import garbage


class _Node:
    """A cycle with a payload: only the collector frees it."""

    def __init__(self, size: int) -> None:
        self.payload = bytearray(size)
        self.me = self


def _cycle(size: int) -> weakref.ref[_Node]:
    return weakref.ref(_Node(size))


@pytest.mark.skipif(garbage.resident_bytes() is None, reason="needs /proc")
def test_collects_once_memory_grew() -> None:
    # in a process of its own: in a long test run, freed memory the allocator keeps may
    # absorb the growth, and the resident size would not move
    code = textwrap.dedent("""
        import gc, weakref
        from govern.units import garbage
        gc.enable()
        gc.set_threshold(20_000, 20, 20)
        garbage.GROWTH = 8 * 1024 * 1024
        class Node:
            def __init__(self, size):
                self.payload = bytearray(size)
                self.me = self
        def cycle(size):
            return weakref.ref(Node(size))
        gc.collect()
        assert garbage.after_unit() is False, "the first call only notes where it starts"
        small = cycle(1024)
        assert garbage.after_unit() is False, "no growth worth a collection"
        assert small() is not None, "collected without growth"
        large = [cycle(1024 * 1024) for _ in range(32)]  # 32 MB of cycles
        assert garbage.after_unit() is True, "no collection after 32 MB"
        assert all(ref() is None for ref in large)
        assert small() is None
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_without_proc_it_never_collects(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(garbage, "resident_bytes", lambda: None)
    ref = _cycle(1024)
    assert garbage.after_unit() is False
    assert ref() is not None
    gc.collect()
    assert ref() is None


def test_a_pool_worker_collects_after_every_unit_and_freezes() -> None:
    # in a process of its own: freezing is for processes that end with their pool
    code = textwrap.dedent("""
        import gc, weakref
        from govern.units import garbage
        gc.set_threshold(20_000, 20, 20)
        class Node:
            def __init__(self):
                self.me = self
        garbage.pool_worker()
        kept = [1, 2]
        ref = weakref.ref(Node())
        assert garbage.after_unit() is True
        assert ref() is None, "the cycle was not collected"
        assert gc.get_freeze_count() > 0, "nothing was frozen"
        assert gc.is_tracked(kept)
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_frozen_for_workers_unfreezes_after() -> None:
    gc.unfreeze()
    alive = [object()]
    with garbage.frozen_for_workers():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    assert alive
