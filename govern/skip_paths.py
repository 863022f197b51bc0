"""Paths not to scan: gitignore-style patterns (`exclude`, `GOVERN_EXCLUDE`, `--skip-path`).

Each pattern belongs to a base directory: the configuration file's directory for
`exclude`, the working directory for the environment variable and the option. As in a
`.gitignore` placed in that directory (the `pathspec` library reads them as git does):

- `vendor/` skips every directory named `vendor`, at any depth; `*.bak` every such file;
- a pattern with a slash before its end is anchored to the base: `legacy/old.tf`,
  `/examples` (only the top-level one), `modules/**/test`;
- `!pattern` keeps what an earlier pattern skipped (not inside a skipped directory: a
  skipped directory is not walked, as git does not descend into one).

A path is matched by where it is, not by how it was spelled: `.`, `./infra`, `infra/` and
`/abs/repo/infra` are the same directory. A path outside the base is matched relative to
the scanned path it was found under. An absolute path of a file or directory that exists
names that file or directory (as `exclude` entries did before they were patterns), unless
the base holds the same path: then, as in a `.gitignore`, it is anchored to the base.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class SkipPattern:
    """One pattern as written, the directory it is relative to (absolute), and where it
    came from (`file .govern.yaml:12`, `cli --skip-path`, `env GOVERN_EXCLUDE`)."""

    pattern: str
    base: str
    origin: str = ""

    def __str__(self) -> str:
        return self.pattern


def patterns(given: Iterable[str], base: str, origin: str) -> tuple[SkipPattern, ...]:
    """`given` as patterns relative to `base` (an absolute path is anchored to its own
    directory)."""
    out: list[SkipPattern] = []
    base = os.path.abspath(base)
    for text in given:
        if _is_filesystem_path(text, base):
            path = os.path.normpath(text)
            out.append(SkipPattern("/" + os.path.basename(path), os.path.dirname(path),
                                   origin))
        else:
            out.append(SkipPattern(text, base, origin))
    return tuple(out)


class PathFilter:
    """Whether a path found by a scan is skipped."""

    def __init__(self, skip: Sequence[SkipPattern]) -> None:
        self.skip = tuple(skip)

    def __bool__(self) -> bool:
        return bool(self.skip)

    @cached_property
    def _groups(self) -> list[tuple[str, Any, tuple[SkipPattern, ...]]]:
        """(base, compiled spec, its patterns) per base directory, in order."""
        import pathspec  # imported here: most scans name no pattern

        bases: dict[str, list[SkipPattern]] = {}
        for entry in self.skip:
            bases.setdefault(entry.base, []).append(entry)
        return [(base, pathspec.GitIgnoreSpec.from_lines([e.pattern for e in entries]),
                 tuple(entries)) for base, entries in bases.items()]

    def skipped(self, path: str, is_dir: bool, root: str) -> bool:
        """Whether `path` (found under the scanned path `root`) matches the patterns."""
        return self.pattern_for(path, is_dir, root) is not None

    def pattern_for(self, path: str, is_dir: bool, root: str) -> SkipPattern | None:
        """The pattern that skips `path`, or None (the last pattern of the group that
        decided, as git reports it)."""
        if not self.skip:
            return None
        full = os.path.abspath(path)
        for base, spec, entries in self._groups:
            relative = _relative(full, base)
            if relative is None:
                relative = _relative(full, os.path.abspath(root))
                if not relative:  # the scanned path itself, outside the base
                    relative = os.path.basename(full)
            if not relative:
                continue  # the base directory itself is never skipped
            relative = relative.replace(os.sep, "/") + ("/" if is_dir else "")
            result = spec.check_file(relative)
            if result.include:
                index = result.index
                return entries[index] if index is not None else entries[-1]
        return None


def _is_filesystem_path(text: str, base: str) -> bool:
    """Whether `/x/y` names a file or directory of the file system (it exists, and the base
    holds no `x/y`), rather than `x/y` anchored to the base, as in a `.gitignore`."""
    if not os.path.isabs(text):
        return False
    return os.path.lexists(text) and not os.path.lexists(os.path.join(base, text.lstrip("/")))


def _relative(path: str, base: str) -> str | None:
    """`path` relative to `base` ('' for the base itself), or None when outside it."""
    if path == base:
        return ""
    prefix = base.rstrip(os.sep) + os.sep
    return path[len(prefix):] if path.startswith(prefix) else None
