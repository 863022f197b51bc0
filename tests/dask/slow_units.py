"""Preloaded into the test cluster's workers (`dask worker --preload`): every unit takes
at least a moment, so that a test can kill a worker while it is reading one."""

from __future__ import annotations

import time
from typing import Any

from govern.units import work

# Dask imports a preload file twice (it copies it and reloads it): keep the real reader
_read_unit = getattr(work, "_unslowed_read_unit", work.read_unit)
setattr(work, "_unslowed_read_unit", _read_unit)  # noqa: B010
DELAY_SECONDS = 0.3


def _slow_read_unit(*args: Any, **kwargs: Any) -> Any:
    time.sleep(DELAY_SECONDS)
    return _read_unit(*args, **kwargs)


work.read_unit = _slow_read_unit
