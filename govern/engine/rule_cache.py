"""A cache of validated, compiled rule sets, so a scan does not re-validate unchanged rules.

Validating rule files against the JSON Schema needs `jsonschema` (about a tenth of a second
to import) and compiling them takes longer than the rest of a small scan. A rule set is
cached only after it passed every validation layer; its key covers govern's version, the
engine's own code, and the path and bytes of every rule file, so any change misses.

Where: `$GOVERN_CACHE_DIR`, else `$XDG_CACHE_HOME/govern`, else `~/.cache/govern`.
`GOVERN_CACHE_DIR=off` disables it. Any problem with the cache (unwritable, corrupt) is
ignored: it is only ever a shortcut.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path

from govern import __version__
from govern.engine.rule import RuleSet

_ENGINE_DIR = Path(__file__).resolve().parent
# rule validation checks compliance mappings against these catalogues
_FRAMEWORKS_DIR = _ENGINE_DIR.parent / "compliance" / "frameworks"
# rule metadata derives from the model (kinds.py gives each rule's formats)
_MODEL_DIR = _ENGINE_DIR.parent / "model"
_KEEP = 8


def cache_dir() -> Path | None:
    configured = os.environ.get("GOVERN_CACHE_DIR")
    if configured is not None:
        return None if configured in ("", "off", "0") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govern"


def cache_key(files: Sequence[str]) -> str | None:
    digest = hashlib.sha256(__version__.encode())
    try:
        for source in (sorted(_ENGINE_DIR.rglob("*.py")) + sorted(_ENGINE_DIR.glob("*.json"))
                       + sorted(_MODEL_DIR.glob("*.py"))
                       + sorted(_FRAMEWORKS_DIR.glob("*.yaml"))):
            stat = source.stat()
            digest.update(f"{source}:{stat.st_mtime_ns}:{stat.st_size}".encode())
        for file in files:
            digest.update(os.path.abspath(file).encode() + b"\0")
            with open(file, "rb") as handle:
                digest.update(handle.read())
            digest.update(b"\0")
    except OSError:
        return None
    return digest.hexdigest()[:40]


def load_cached(key: str) -> RuleSet | None:
    directory = cache_dir()
    if directory is None:
        return None
    try:
        with open(directory / f"rules-{key}.pickle", "rb") as handle:
            cached = pickle.load(handle)
    except Exception:
        return None
    return cached if isinstance(cached, RuleSet) else None


def store(key: str, rules: RuleSet) -> None:
    directory = cache_dir()
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=directory, prefix=".rules-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(rules, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, directory / f"rules-{key}.pickle")
        _prune(directory)
    except Exception:
        return


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime,
                     reverse=True)
    for old in entries[_KEEP:]:
        old.unlink(missing_ok=True)
