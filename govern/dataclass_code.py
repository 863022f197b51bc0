"""The methods `dataclasses` generates for govern's classes, compiled once and kept with
govern's own bytecode.

`@dataclass` writes the source of `__init__`, `__repr__`, `__eq__`, `__hash__` (and, for
frozen classes, `__setattr__` and `__delattr__`) as text and compiles it with `exec` when
the class is created, at every start: the 110 dataclasses a Terraform scan imports took
about 0.08 s of compiling, a quarter of a small scan. The generated text depends only on
the class's fields and options, so its code object can be kept: this module gives the
`dataclasses` module an `exec` of its own that, for classes of govern's modules only,
compiles each distinct text once, and keeps the code objects (with `marshal`, as Python
keeps a module's code in a `.pyc`) in the directory where Python keeps govern's bytecode.

The result is the same function: the same text compiled with the same flags (none
inherited: `dataclasses` has no `__future__` imports) and the same file name as `exec`
gives a string, run by `exec` in the same namespaces. Classes of other packages go to the
real `exec` untouched. As with the compiled rules (`engine/rule_bundle.py`, decision 0010),
the file is as trusted as the `.pyc` files beside it and no more: it is written only where
Python writes bytecode (never under `PYTHONDONTWRITEBYTECODE`), not at all with
`GOVERN_CACHE_DIR=off`, it is keyed by the interpreter's bytecode magic number, and any
problem reading or writing it only means compiling as `dataclasses` would.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import importlib.util
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from govern import beside_bytecode

__all__ = ["install"]

_MAGIC = importlib.util.MAGIC_NUMBER
_MAX_FILE = 16 * 1024 * 1024
_MAX_ENTRIES = 4096  # more than this: keep only what this run used
_FILE_NAME = f"dataclass-code.{sys.implementation.cache_tag}.marshal"

_kept: dict[str, bytes] = {}  # text -> marshalled code, as read (loaded when used)
_code: dict[str, CodeType] = {}
_state = {"changed": False, "installed": False}


def _directory() -> Path:
    return beside_bytecode.directory()


def _ours(namespace: Any) -> bool:
    if not isinstance(namespace, dict):
        return False
    name = namespace.get("__name__")
    return isinstance(name, str) and (name == "govern" or name.startswith("govern."))


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec` as `dataclasses` calls it, with the code of govern's classes kept."""
    if type(source) is not str or not _ours(globals):
        builtins.exec(source, globals, locals)
        return
    code = _code.get(source)
    if code is None:
        code = _load(_kept.get(source))
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            _state["changed"] = True
        _code[source] = code
    builtins.exec(code, globals, locals)


def install() -> None:
    """Load the kept code and give `dataclasses` the caching `exec` (once per process)."""
    if _state["installed"] or not beside_bytecode.enabled():
        return
    if getattr(dataclasses, "exec", builtins.exec) is not builtins.exec:
        return  # someone else replaced it: leave it alone
    _state["installed"] = True
    _kept.update(_read())
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    atexit.register(_write)


def _load(data: bytes | None) -> CodeType | None:
    if data is None:
        return None
    try:
        code = marshal.loads(data)
    except Exception:  # a damaged entry is only a miss
        return None
    return code if isinstance(code, CodeType) else None


def _read() -> dict[str, bytes]:
    data = beside_bytecode.read(_directory() / _FILE_NAME, _MAX_FILE)
    if data is None or not data.startswith(_MAGIC):
        return {}
    try:
        doc = marshal.loads(data[len(_MAGIC):])
    except Exception:  # truncated or damaged: only a miss
        return {}
    if not isinstance(doc, dict):
        return {}
    return {text: code for text, code in doc.items()
            if isinstance(text, str) and isinstance(code, bytes)}


def _write() -> None:
    """Keep the code of this run (with what was kept before), when something was new."""
    if not _state["changed"]:
        return
    kept = dict(_kept) if len(_kept) + len(_code) <= _MAX_ENTRIES else {}
    try:
        kept.update((text, marshal.dumps(code)) for text, code in _code.items())
        data = _MAGIC + marshal.dumps(kept)
    except ValueError:  # a code object marshal cannot write: keep nothing
        return
    if beside_bytecode.write(_directory() / _FILE_NAME, data):
        _state["changed"] = False
