"""Files govern keeps beside its own bytecode: the compiled built-in rules
(`engine/rule_bundle.py`, decision 0010) and the code of its dataclasses
(`dataclass_code.py`, decision 0011).

Python runs the `.pyc` files of that directory without asking who wrote them, so a file
there is as trusted as govern's code and no more. The rules both follow, kept here: the
directory is where Python keeps the bytecode of the `govern` package (`govern/__pycache__`,
or its place under `sys.pycache_prefix`); nothing is written where Python would not write
bytecode (`PYTHONDONTWRITEBYTECODE`), nor with `GOVERN_CACHE_DIR=off`; writing is atomic
and the file readable like the `.pyc` files beside it; a file that is missing, not a regular
file, too large or unreadable is only a miss.
"""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
from pathlib import Path


def directory() -> Path:
    """Where Python keeps the bytecode of the `govern` package."""
    init = Path(__file__).resolve().parent / "__init__.py"
    return Path(importlib.util.cache_from_source(str(init))).parent


def enabled() -> bool:
    """False with `GOVERN_CACHE_DIR=off` (or empty, or 0)."""
    return os.environ.get("GOVERN_CACHE_DIR") not in ("", "off", "0")


def read(where: Path, limit: int) -> bytes | None:
    """The content of the regular file `where` when it has at most `limit` bytes."""
    try:
        fd = os.open(where, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return None
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(limit + 1)
        finally:
            os.close(fd)
    except OSError:
        return None
    return data if len(data) <= limit else None


def write(where: Path, data: bytes) -> bool:
    """Write `data` to `where` atomically, where Python would write bytecode; whether it
    was written (a failure is not an error: the file is only a shortcut)."""
    if sys.dont_write_bytecode or not enabled():
        return False
    import tempfile  # only when writing: it imports more than start-up needs

    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=where.parent, prefix=f".{where.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(temp, 0o644)  # readable like the .pyc files beside it
            os.replace(temp, where)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        return False
    return True
