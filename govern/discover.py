"""Find what to scan: walk the given paths, classify files, skip what is not IaC.

Terraform is read per directory (a module), so Terraform files are grouped by directory.
Everything skipped on purpose is said once, as a `note`; everything that could not be read is
an `error` notice (a scan error, exit 3). Symlinked directories are followed once; a loop is
noted and not followed again.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from govern.errors import UsageError
from govern.model.finding import Notice

SKIP_DIRS = frozenset({".terraform", ".git", "node_modules", ".terragrunt-cache", "__pycache__",
                       ".venv", "venv", ".tox", ".mypy_cache", ".ruff_cache", ".pytest_cache"})
TERRAFORM_SUFFIXES = (".tf", ".tf.json")
DOCUMENT_SUFFIXES = (".json", ".yaml", ".yml", ".template")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
_SNIFF_BYTES = 8192
# UTF-16/32 text (some ARM templates are saved so) holds NUL bytes but is not binary
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


@dataclass
class Discovery:
    """What the walk found.

    - `terraform_dirs`: directories holding `.tf`/`.tf.json` files (sorted).
    - `terraform_skip`: Terraform files in those directories the parsers must not read
      (binary, too large, unreadable; each already has a notice).
    - `documents`: `.json`/`.yaml`/`.yml`/`.template` files, to be classified by content.
    """

    terraform_dirs: list[str] = field(default_factory=list)
    terraform_skip: set[str] = field(default_factory=set)
    documents: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files_seen: int = 0


def discover(paths: Sequence[str], max_file_size: int = DEFAULT_MAX_FILE_SIZE,
             exclude: Iterable[str] = ()) -> Discovery:
    """Walk `paths` (files or directories). A path that does not exist is a usage error."""
    for path in paths:
        if not os.path.lexists(path):
            raise UsageError(f"path does not exist: {path}")
    walker = _Walker(max_file_size, frozenset(os.path.normpath(e) for e in exclude))
    for path in paths:
        walker.visit_root(os.path.normpath(path))
    found = walker.found
    found.terraform_dirs = sorted(walker.tf_dirs)
    found.documents.sort()
    found.notices.sort(key=lambda n: (n.file or "", n.line or 0, n.message))
    return found


class _Walker:
    def __init__(self, max_file_size: int, exclude: frozenset[str]) -> None:
        self.max_file_size = max_file_size
        self.exclude = exclude
        self.found = Discovery()
        self.tf_dirs: set[str] = set()
        self.seen_dirs: set[tuple[int, int]] = set()
        self.seen_files: set[str] = set()

    def visit_root(self, path: str) -> None:
        try:
            st = os.stat(path)
        except OSError as exc:
            self._error(path, f"cannot read: {exc.strerror or exc}", "unreadable",
                        "check the path and its permissions")
            return
        if stat.S_ISDIR(st.st_mode):
            self._walk_dir(path)
        else:
            self._visit_file(path, st, explicit=True)

    def _walk_dir(self, directory: str) -> None:
        if directory in self.exclude:
            return
        try:
            st = os.stat(directory)
        except OSError as exc:
            self._error(directory, f"cannot read directory: {exc.strerror or exc}",
                        "unreadable", "check its permissions")
            return
        key = (st.st_dev, st.st_ino)
        if key in self.seen_dirs:
            self._note(directory, "directory already scanned through another path "
                       "(symbolic link loop or duplicate link); not scanned again",
                       "symlink-loop")
            return
        self.seen_dirs.add(key)
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self._error(directory, f"cannot read directory: {exc.strerror or exc}",
                        "unreadable", "check its permissions")
            return
        for entry in entries:
            path = os.path.join(directory, entry.name)
            if path in self.exclude:
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name in SKIP_DIRS:
                    continue
                self._walk_dir(path)
                continue
            if not _is_candidate(entry.name):
                continue
            try:
                fst = os.stat(path)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    self._note(path, "symbolic link loop; skipped", "symlink-loop")
                elif entry.is_symlink():
                    self._note(path, "broken symbolic link; skipped", "broken-symlink")
                else:
                    self._error(path, f"cannot read: {exc.strerror or exc}", "unreadable",
                                "check its permissions")
                continue
            self._visit_file(path, fst, explicit=False)

    def _visit_file(self, path: str, st: os.stat_result, explicit: bool) -> None:
        real = os.path.realpath(path)
        if real in self.seen_files:
            return
        self.seen_files.add(real)
        name = os.path.basename(path)
        is_tf = name.endswith(TERRAFORM_SUFFIXES)
        if explicit and not _is_candidate(name):
            self._note(path, "not an infrastructure-as-code file govern reads; skipped",
                       "skipped-unsupported")
            return
        if not stat.S_ISREG(st.st_mode):
            self._note(path, "not a regular file; skipped", "skipped-special")
            return
        self.found.files_seen += 1
        problem = self._check_content(path, st)
        if problem is not None:
            if is_tf:
                self.found.terraform_skip.add(os.path.normpath(path))
                self.tf_dirs.add(os.path.dirname(path) or ".")
            return
        if is_tf:
            self.tf_dirs.add(os.path.dirname(path) or ".")
        elif name.endswith(DOCUMENT_SUFFIXES) and not name.endswith((".tfvars.json",)):
            self.found.documents.append(path)

    def _check_content(self, path: str, st: os.stat_result) -> str | None:
        if st.st_size > self.max_file_size:
            self._note(path, f"file is {st.st_size / 1048576:.1f} MiB, over the "
                       f"{self.max_file_size / 1048576:.1f} MiB limit; skipped",
                       "skipped-too-large", "raise max_file_size in the configuration "
                       "to scan it")
            return "large"
        try:
            with open(path, "rb") as fh:
                head = fh.read(_SNIFF_BYTES)
        except OSError as exc:
            self._error(path, f"cannot read: {exc.strerror or exc}", "unreadable",
                        "check its permissions")
            return "unreadable"
        if b"\x00" in head and not head.startswith(_WIDE_BOMS):
            self._note(path, "binary file (contains NUL bytes); skipped", "skipped-binary")
            return "binary"
        if not head.strip():
            self._note(path, "empty file; nothing to scan", "empty-file")
            return "empty"
        return None

    def _note(self, path: str, message: str, code: str, hint: str | None = None) -> None:
        self.found.notices.append(Notice("note", message, file=path, hint=hint, code=code))

    def _error(self, path: str, message: str, code: str, hint: str | None = None) -> None:
        self.found.notices.append(Notice("error", message, file=path, hint=hint, code=code))


def _is_candidate(name: str) -> bool:
    return name.endswith(TERRAFORM_SUFFIXES) or (
        name.endswith(DOCUMENT_SUFFIXES) and not name.startswith("."))
