"""How reporters name files: relative to the scan root, with forward slashes.

A finding's `SourceRange.file` is the path as discovered: absolute, or relative to the
working directory. Reporters show it relative to `ScanReport.root`:

- a file **inside** the root: its path relative to the root (`modules/net/main.tf`);
  in SARIF a percent-encoded relative `uri` with `uriBaseId: "%SRCROOT%"`;
- a file **outside** the root: shown as given, with forward slashes; in SARIF an absolute
  `file:///...` URI without `uriBaseId`. A relative URI starting with `../` is never
  written: code scanning consumers (GitHub) reject or silently drop such results, while an
  absolute file URI is valid SARIF and still names the file;
- a **remote** source (`git::https://...`, `s3::...`, `https://...`): shown as given; in
  SARIF it gets no physical location at all (GitHub rejects `git::` URIs), only the
  logical location (the resource address).

Pure functions: no filesystem access, except that a relative path is taken relative to
the current working directory (which is what "as discovered" means).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

SRCROOT = "%SRCROOT%"

_REMOTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*::|[A-Za-z][A-Za-z0-9+.-]+://)")


@dataclass(frozen=True)
class ArtifactUri:
    """A SARIF `artifactLocation`: `uri`, and `uri_base_id` when the uri is relative."""

    uri: str
    uri_base_id: str | None


def is_remote(file: str) -> bool:
    """True for module sources and URLs (`git::...`, `https://...`): not a local file."""
    return ("::" in file or "://" in file) and bool(_REMOTE.match(file))


def _isabs(path: str) -> bool:
    """`os.path.isabs` (the posix one without its generic checks: it runs per finding)."""
    return path.startswith("/") if os.name == "posix" else os.path.isabs(path)


def _absolute(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def relative_to_root(file: str, root: str) -> str | None:
    """`file` relative to `root` with forward slashes, or None when it is outside the root
    (or remote)."""
    if not file or is_remote(file):
        return None
    relative_input = not (_isabs(file) and _isabs(root))
    return _relative_to_root(file, root, os.getcwd() if relative_input else "")


@functools.lru_cache(maxsize=16384)
def _relative_to_root(file: str, root: str, cwd: str) -> str | None:
    """`relative_to_root` once per file and root (a report names each file once per
    finding); `cwd` is part of the key because a relative path is read from it."""
    try:
        rel = os.path.relpath(_absolute(file), _absolute(root))
    except ValueError:  # another drive on Windows
        return None
    rel = rel.replace(os.sep, "/")
    if rel == ".." or rel.startswith("../"):
        return None
    return rel


def display_path(file: str, root: str) -> str:
    """The path shown in text and JSON output: relative to the root when inside it, else the
    path as given with forward slashes (remote sources unchanged)."""
    rel = relative_to_root(file, root)
    if rel is not None:
        return rel
    if is_remote(file):
        return file
    return file.replace(os.sep, "/").replace("\\", "/")


def root_uri(root: str) -> str:
    """The `file:///` URI of the root directory, with the trailing slash SARIF requires."""
    uri = Path(_absolute(root)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact_uri(file: str, root: str) -> ArtifactUri | None:
    """The SARIF artifact location of `file`, or None for a remote source."""
    if not file:
        return None
    relative_input = not (_isabs(file) and _isabs(root))
    return _artifact_uri(file, root, os.getcwd() if relative_input else "")


@functools.lru_cache(maxsize=16384)
def _artifact_uri(file: str, root: str, cwd: str) -> ArtifactUri | None:
    """`artifact_uri` once per file and root (`cwd` as in `_relative_to_root`)."""
    if is_remote(file):
        return None
    rel = relative_to_root(file, root)
    if rel is not None:
        return ArtifactUri(uri=quote(rel, safe="/"), uri_base_id=SRCROOT)
    return ArtifactUri(uri=Path(_absolute(file)).as_uri(), uri_base_id=None)
