"""Scan only what a change touched (docs/baseline.md).

Everything is evaluated (Terraform needs the whole module to know values), but only the
findings located in a changed file are reported and gated: a finding whose location file,
or the file its resource is written in, is a changed file. Notices are kept for changed
files, notices without a file, and every error (an error makes the scan incomplete, so it
still exits 3 wherever it is).

Changed files come from the file PATH arguments (`--changed-only`, as pre-commit passes
them; their directories are scanned) or from git (`--diff-base REF`: `git diff --name-only
REF...HEAD`, plus staged, unstaged and untracked-but-not-ignored files).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Collection, Iterable, Sequence

from govern.errors import UsageError
from govern.model.finding import Finding, Notice


def scan_dirs(files: Iterable[str]) -> tuple[str, ...]:
    """The parent directories of `files`, deduplicated, without nested ones, sorted."""
    dirs = sorted({os.path.normpath(os.path.dirname(f) or ".") for f in files})
    chosen: list[str] = []
    for directory in dirs:
        if not any(_inside(directory, parent) for parent in chosen):
            chosen.append(directory)
    return tuple(chosen)


def _inside(path: str, parent: str) -> bool:
    if parent == ".":
        return not os.path.isabs(path) and not path.startswith("..")
    return path == parent or path.startswith(parent.rstrip(os.sep) + os.sep)


def split_paths(paths: Sequence[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """For `--changed-only`: the paths to scan (the directories of file arguments, and
    directory arguments as given) and the changed files (the file arguments)."""
    files = [p for p in paths if not os.path.isdir(p)]
    dirs = [p for p in paths if os.path.isdir(p)]
    targets = tuple(dict.fromkeys([*dirs, *scan_dirs(files)])) if files else tuple(dirs)
    return targets, frozenset(key(f) for f in files)


def git_changed_files(base: str, where: str) -> frozenset[str]:
    """Files changed since `base` in the git repository holding `where` (a file or a
    directory): `git diff --name-only BASE...HEAD`, staged and unstaged changes, and
    untracked files that are not ignored. Raises UsageError when `base` looks like an
    option (git would read `--output=FILE` as one and write the file), when `where` is not
    in a git repository, or when `base` is not a commit."""
    if base.startswith("-"):
        raise UsageError(f"--diff-base: {base!r} looks like an option, not a git revision; "
                         f"give a branch, tag or commit, e.g. origin/main")
    directory = where if os.path.isdir(where) else (os.path.dirname(where) or ".")
    top = _git(directory, "rev-parse", "--show-toplevel",
               failure=f"--diff-base: {where} is not in a git repository").strip()
    names: set[str] = set()
    names.update(_git(top, "diff", "--name-only", "--end-of-options", f"{base}...HEAD", "--",
                      failure=f"--diff-base: {base} is not a commit of {top}").splitlines())
    names.update(_git(top, "diff", "--name-only", "HEAD", "--").splitlines())
    names.update(_git(top, "ls-files", "--others", "--exclude-standard").splitlines())
    return frozenset(key(os.path.join(top, n)) for n in names if n)


def _git(cwd: str, *args: str, failure: str | None = None) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              check=False)
    except FileNotFoundError:
        raise UsageError("--diff-base needs git, and git was not found") from None
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        reason = f" ({detail[-1]})" if detail else ""
        raise UsageError(f"{failure or 'git ' + ' '.join(args) + ' failed'}{reason}")
    return done.stdout


def key(path: str) -> str:
    """How files are compared: absolute, symbolic links resolved."""
    return os.path.realpath(os.path.abspath(path))


def in_changed(finding: Finding, changed: Collection[str]) -> bool:
    files = [r.file for r in (finding.location, finding.resource_range) if r is not None]
    return any(key(f) in changed for f in files)


def keep_notice(notice: Notice, changed: Collection[str]) -> bool:
    return notice.level == "error" or not notice.file or key(notice.file) in changed
