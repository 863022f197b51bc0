"""The built-in rules, compiled, kept with govern's own bytecode so that a scan neither parses
nor compiles 474 rule files again.

Reading, parsing and compiling the built-in rules takes about 0.4 s, more than the rest of a
small scan. This module keeps the compiled rules of the last load as one pickle in the
directory where Python keeps govern's bytecode (`govern/__pycache__`, or its place under
`sys.pycache_prefix`), and Python runs the `.pyc` files there without asking who wrote
them: whoever can write that directory can already change what govern does, so a pickle
beside them adds no way in. That is the only reason a pickle is acceptable here, and why:

- the rule cache (`rule_cache`), which may be a directory shared with other CI jobs, holds
  verdicts only (JSON, paths and digests), never rule content, and never a pickle;
- the bundle holds the built-in rules only, never a user's rule files;
- it is written only where Python would write bytecode (never under
  `PYTHONDONTWRITEBYTECODE`), and not at all when `GOVERN_CACHE_DIR=off`.

The bundle's name carries a key over govern's version, its engine, model and kind code
(`rule_cache.engine_key`) and the built-in rules directory as given; inside, the signature of
every built-in rule file (path relative to that directory, size, modification time in
nanoseconds, as Python checks a `.pyc` against its source) and the rules. A load uses the
bundle only when the signature matches the files on disk now; otherwise it reads and
validates the rules as before, and rewrites the bundle from the rules that validated.
Writing is atomic, and any problem reading or writing it is ignored: it is only a shortcut
(`govern/beside_bytecode.py` reads and writes it, as it does the code of govern's
dataclasses).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
from collections.abc import Sequence
from pathlib import Path

from govern import beside_bytecode
from govern.engine import rule_cache
from govern.engine.rule import Rule

_FORMAT = "govern-rule-bundle/1"
_PREFIX = "builtin-rules-"
_KEEP = 2
_MAX_BUNDLE = 256 * 1024 * 1024

Signature = tuple[tuple[str, int, int], ...]  # (relative path, size, mtime_ns) per file


def bundle_dir() -> Path:
    """Where Python keeps the bytecode of the `govern` package."""
    return beside_bytecode.directory()


def key(root: str) -> str | None:
    """The key of the bundle for the built-in rules directory `root` (as given)."""
    return rule_cache.engine_key(f"bundle:{os.path.abspath(root)}")


def signature(root: str, files: Sequence[str]) -> Signature | None:
    """The signature of the built-in rule `files` (under `root`); None when one cannot be
    read or is not a regular file."""
    found: list[tuple[str, int, int]] = []
    prefix = os.path.join(root, "")
    try:
        for file in files:
            info = os.stat(file)
            if not stat.S_ISREG(info.st_mode):
                return None
            name = (file[len(prefix):] if file.startswith(prefix)
                    else os.path.relpath(file, root))
            found.append((name.replace(os.sep, "/"), info.st_size, info.st_mtime_ns))
    except (OSError, ValueError):
        return None
    return tuple(found)


def lookup(bundle_key: str | None, wanted: Signature) -> tuple[Rule, ...] | None:
    """The compiled rules of the bundle `bundle_key` (`key` of the built-in rules
    directory), when it was written from files of exactly the signature `wanted` (paths,
    sizes, modification times)."""
    if bundle_key is None or not beside_bytecode.enabled():
        return None
    data = beside_bytecode.read(bundle_dir() / f"{_PREFIX}{bundle_key}.pickle", _MAX_BUNDLE)
    if data is None:
        return None
    try:
        doc = pickle.loads(data)  # as trusted as the .pyc beside it
    except Exception:  # a truncated or stale bundle is only a miss
        return None
    if (not isinstance(doc, tuple) or len(doc) != 3 or doc[0] != _FORMAT
            or doc[1] != wanted or not isinstance(doc[2], tuple)
            or not all(isinstance(rule, Rule) for rule in doc[2])):
        return None
    return doc[2]


def store(bundle_key: str | None, sign: Signature, rules: Sequence[Rule]) -> None:
    """Write the bundle `bundle_key` of the validated built-in `rules`, loaded from files of
    the signature `sign` (taken before they were read). Failures are ignored."""
    if bundle_key is None:
        return
    try:
        data = pickle.dumps((_FORMAT, sign, tuple(rules)), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a rule that does not pickle is not kept
        return
    directory = bundle_dir()
    if beside_bytecode.write(directory / f"{_PREFIX}{bundle_key}.pickle", data):
        with contextlib.suppress(OSError):
            _prune(directory)


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob(f"{_PREFIX}*.pickle"), key=lambda p: p.stat().st_mtime,
                     reverse=True)
    for old in entries[_KEEP:]:
        old.unlink(missing_ok=True)
