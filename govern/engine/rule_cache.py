"""A record of rule files that passed validation, so a scan does not validate them again.

Validating rule files against the JSON Schema needs `jsonschema` (about a twentieth of a
second to import) and takes longer than the rest of a small scan. What is cached is not the
compiled rules but a verdict: "these exact rule file contents passed every validation layer
under this govern". A later load still reads and parses each rule file itself and compiles
it, and skips only the schema and meaning checks. So the cache never supplies rule content:
a cache directory that another job can write (a shared CI cache) can neither run code (the
entry is JSON, read with `json`, never pickle) nor change or drop a rule. (The built-in
rules come compiled from `rule_bundle`, kept beside govern's bytecode, not from here.)

An entry, `rules-<key>.json`, holds its key, govern's version, the path and SHA-256 digest
of every rule file it vouches for, and a SHA-256 digest of all that. The key covers govern's
version, the engine's own code, the built-in rules directory and the path and content
digest of every rule file, so any change misses. On load an entry is used only when it is a
regular file of sensible size, its digest matches its content, and its key, version and
files are exactly those asked for; anything else is ignored (and rewritten).

Where: `$GOVERN_CACHE_DIR`, else `$XDG_CACHE_HOME/govern`, else `~/.cache/govern`.
`GOVERN_CACHE_DIR=off` disables it. Any problem with the cache (unwritable, corrupt,
forged) is ignored: it is only ever a shortcut.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from govern import __version__

_ENGINE_DIR = Path(__file__).resolve().parent
# rule validation checks compliance mappings against these catalogues
_FRAMEWORKS_DIR = _ENGINE_DIR.parent / "compliance" / "frameworks"
# rule metadata derives from the model (kinds.py gives each rule's formats)
_MODEL_DIR = _ENGINE_DIR.parent / "model"
# rule conditions are checked against the declared attributes of their kinds
_KINDS_DIR = _ENGINE_DIR.parent / "kinds"
_KEEP = 8
_FORMAT = "govern-rule-cache/2"
_MAX_ENTRY = 4 * 1024 * 1024  # an entry lists paths and digests: far less than this


def cache_dir() -> Path | None:
    configured = os.environ.get("GOVERN_CACHE_DIR")
    if configured is not None:
        return None if configured in ("", "off", "0") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govern"


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@functools.cache
def _engine_sources() -> tuple[str, ...]:
    """The files of govern's code that decide what a rule means (listed once per process;
    their sizes and modification times are read at every key)."""
    return (*_listed(_ENGINE_DIR, ".py"), *_listed(_ENGINE_DIR, ".json", deep=False),
            *_listed(_MODEL_DIR, ".py", deep=False), *_listed(_KINDS_DIR, ".py"),
            *_listed(_FRAMEWORKS_DIR, ".yaml", deep=False))


def _listed(directory: Path, suffix: str, deep: bool = True) -> list[str]:
    """The files ending in `suffix` in `directory` (and, when `deep`, below it, bytecode
    and hidden directories left out), in a fixed order. (os.walk: pathlib's glob took
    most of the time of a key.)"""
    found: list[str] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        found.extend(os.path.join(root, name) for name in sorted(names)
                     if name.endswith(suffix))
        if not deep:
            break
    return found


def engine_key(salt: str = "") -> str | None:
    """A key over govern's version and the code that decides what a valid rule is and what
    it means (engine, model, kinds, compliance catalogues), and `salt`; None when that code
    cannot be read."""
    digest = hashlib.sha256(__version__.encode())
    try:
        for source in _engine_sources():
            info = os.stat(source)
            digest.update(f"{source}:{info.st_mtime_ns}:{info.st_size}".encode())
    except OSError:
        return None
    digest.update(f"{salt}\0".encode())
    return digest.hexdigest()[:40]


def cache_key(files: Sequence[tuple[str, str]], builtin_root: str | None = None
              ) -> str | None:
    """The key of a rule set: `files` are (path, content digest) pairs in load order."""
    engine = engine_key(f"builtin:{builtin_root or ''}")
    if engine is None:
        return None
    digest = hashlib.sha256(engine.encode())
    for file, content in files:
        digest.update(os.path.abspath(file).encode() + b"\0" + content.encode() + b"\0")
    return digest.hexdigest()[:40]


def _body(key: str, files: Sequence[tuple[str, str]]) -> dict[str, Any]:
    return {"format": _FORMAT, "govern": __version__, "key": key,
            "files": [[os.path.abspath(f), d] for f, d in files]}


def _digest(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _entry(directory: Path, key: str) -> Path:
    return directory / f"rules-{key}.json"


def is_validated(key: str, files: Sequence[tuple[str, str]]) -> bool:
    """Whether a sound cache entry says that exactly `files` passed validation."""
    directory = cache_dir()
    if directory is None:
        return False
    try:
        fd = os.open(_entry(directory, key), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_ENTRY:
                return False
            with os.fdopen(fd, "rb", closefd=False) as handle:
                doc = json.loads(handle.read(_MAX_ENTRY + 1))
        finally:
            os.close(fd)
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(doc, dict) or not isinstance(doc.get("body"), dict):
        return False
    body = doc["body"]
    try:
        sound = doc.get("digest") == _digest(body)
    except (TypeError, ValueError, RecursionError):
        return False
    return sound and body == _body(key, files)


def store(key: str, files: Sequence[tuple[str, str]]) -> None:
    """Record that `files` passed validation (atomically; failures are ignored)."""
    directory = cache_dir()
    if directory is None:
        return
    body = _body(key, files)
    text = json.dumps({"digest": _digest(body), "body": body}, indent=1, sort_keys=True)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=directory, prefix=".rules-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(temp, _entry(directory, key))
        _prune(directory)
    except OSError:
        return


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("rules-*.json"), key=lambda p: p.stat().st_mtime,
                     reverse=True)
    for old in entries[_KEEP:]:
        old.unlink(missing_ok=True)
    for legacy in directory.glob("rules-*.pickle"):  # older govern versions: never read
        legacy.unlink(missing_ok=True)
