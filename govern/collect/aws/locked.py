"""Records that the reader threads of a live scan add to under a lock, and that come back
from a Dask worker (one part of an account) pickled."""

from __future__ import annotations

import threading
from typing import Any


class PicklesWithoutLock:
    """Pickled without its `_lock` (a lock cannot be), given a fresh one when read back."""

    _lock: threading.Lock

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()
