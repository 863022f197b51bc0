"""Find what to scan: walk the given paths, classify files, skip what is not IaC.

Terraform is read per directory (a module), so Terraform files are grouped by directory.
Fail closed: a file that looks like infrastructure as code (a `.tf`/`.tf.json` file, or a
document whose bytes hold what only a template or a plan holds) but cannot be read, is too
large, or holds NUL bytes is an `error` notice (a scan error, exit 3) naming the file and
the reason. Only what is clearly not IaC is skipped with a `note`, said once.

The walk is iterative and bounded (`MAX_DEPTH` levels below each path given); it never
opens anything but regular files (a FIFO or a device is noted, never waited on), follows a
symbolic link only when its target is inside the tree being walked (a link leaving it is
noted and not followed), and follows a linked directory once (a loop is noted).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field

from govern.errors import UsageError
from govern.model.finding import Notice
from govern.parsers.classify import MARKER_OVERLAP, classify_head, has_template_marker
from govern.skip_paths import PathFilter

SKIP_DIRS = frozenset({".terraform", ".git", "node_modules", ".terragrunt-cache", "__pycache__",
                       ".venv", "venv", ".tox", ".mypy_cache", ".ruff_cache", ".pytest_cache"})
TERRAFORM_SUFFIXES = (".tf", ".tf.json")
DOCUMENT_SUFFIXES = (".json", ".yaml", ".yml", ".template")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_DEPTH = 256  # directory levels below a path given to scan
_SNIFF_BYTES = 65536
_CHUNK = 1024 * 1024
# how much of a file too large to scan is searched for template markers (then its last MiB)
_MARKER_SCAN_LIMIT = 64 * 1024 * 1024
# UTF-16/32 text (some ARM templates are saved so) holds NUL bytes but is not binary
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_LIMIT_HINT = ("raise max-file-size in the configuration (or GOVERN_MAX_FILE_SIZE) to scan "
               "it, or exclude it")


@dataclass
class Discovery:
    """What the walk found.

    - `terraform_dirs`: directories holding `.tf`/`.tf.json` files (sorted).
    - `terraform_skip`: Terraform files in those directories the parsers must not read
      (binary, too large, unreadable, linked from outside the tree; each has a notice).
    - `documents`: `.json`/`.yaml`/`.yml`/`.template` files, to be classified by content
      (and files of another name given explicitly whose first bytes sniff as a template).
    - `explicit`: the files named as paths to scan (a document among them that is not a
      template is said so, not skipped in silence).
    """

    terraform_dirs: list[str] = field(default_factory=list)
    terraform_skip: set[str] = field(default_factory=set)
    documents: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files_seen: int = 0
    explicit: set[str] = field(default_factory=set)


def discover(paths: Sequence[str], max_file_size: int = DEFAULT_MAX_FILE_SIZE,
             skip: PathFilter | None = None) -> Discovery:
    """Walk `paths` (files or directories), leaving out what `skip` matches (a path
    named to scan that it matches is noted). A path that does not exist is a usage
    error."""
    for path in paths:
        if not os.path.lexists(path):
            raise UsageError(f"path does not exist: {path}")
    walker = _Walker(max_file_size, skip or PathFilter(()))
    for path in paths:
        walker.visit_root(os.path.normpath(path))
    found = walker.found
    found.terraform_dirs = sorted(walker.tf_dirs)
    found.documents.sort()
    found.notices.sort(key=lambda n: (n.file or "", n.line or 0, n.message))
    return found


class _Walker:
    def __init__(self, max_file_size: int, skip: PathFilter) -> None:
        self.max_file_size = max_file_size
        self.skip = skip
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
        if self.skip:
            pattern = self.skip.pattern_for(path, stat.S_ISDIR(st.st_mode), path)
            if pattern is not None:
                self._note(path, f"matches the pattern {pattern.pattern!r} of paths not to "
                           f"scan ({pattern.origin or 'exclude'}); not scanned", "excluded")
                return
        if stat.S_ISDIR(st.st_mode):
            self._walk_tree(path)
        else:
            self.found.explicit.add(path)
            self._visit_file(path, st, explicit=True)

    def _walk_tree(self, root: str) -> None:
        """Depth first, in name order, without recursion."""
        tree = os.path.realpath(root)
        stack = [(root, 0)]
        while stack:
            directory, depth = stack.pop()
            if depth > MAX_DEPTH:
                self._error(directory, f"directory nested more than {MAX_DEPTH} levels below "
                            f"{root}; not scanned", "too-deep",
                            "scan it as a path of its own, or exclude it")
                continue
            subdirs = self._visit_dir(directory, tree, root)
            stack.extend((sub, depth + 1) for sub in reversed(subdirs))

    def _visit_dir(self, directory: str, tree: str, root: str) -> list[str]:
        """Visit the files of `directory` (below the path `root` given to scan); return its
        subdirectories to walk."""
        try:
            st = os.stat(directory)
        except OSError as exc:
            self._error(directory, f"cannot read directory: {exc.strerror or exc}",
                        "unreadable", "check its permissions")
            return []
        key = (st.st_dev, st.st_ino)
        if key in self.seen_dirs:
            self._note(directory, "directory already scanned through another path "
                       "(symbolic link loop or duplicate link); not scanned again",
                       "symlink-loop")
            return []
        self.seen_dirs.add(key)
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            self._error(directory, f"cannot read directory: {exc.strerror or exc}",
                        "unreadable", "check its permissions")
            return []
        subdirs: list[str] = []
        for entry in entries:
            path = os.path.join(directory, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir and entry.name in SKIP_DIRS:
                continue
            if not is_dir and not _is_candidate(entry.name):
                continue
            if self.skip and self.skip.skipped(path, is_dir, root):
                if not is_dir and entry.name.endswith(TERRAFORM_SUFFIXES):
                    # the module loader lists the directory itself: tell it not to read it
                    self.found.terraform_skip.add(os.path.normpath(path))
                continue
            if entry.is_symlink() and not self._link_inside(path, tree, is_dir):
                continue
            if is_dir:
                subdirs.append(path)
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
        return subdirs

    def _link_inside(self, path: str, tree: str, is_dir: bool) -> bool:
        """Whether the symbolic link `path` points inside `tree`; noted when it does not."""
        target = os.path.realpath(path)
        if target == tree or target.startswith(tree.rstrip(os.sep) + os.sep):
            return True
        if not os.path.lexists(target):
            return True  # broken: said when the file is visited
        self._note(path, f"symbolic link to {target}, outside the scanned tree {tree}; not "
                   f"followed", "symlink-outside",
                   "scan the target as a path of its own to include it")
        if not is_dir and os.path.basename(path).endswith(TERRAFORM_SUFFIXES):
            # the module loader lists the directory itself: tell it not to read the link
            self.found.terraform_skip.add(os.path.normpath(path))
        return False

    def _visit_file(self, path: str, st: os.stat_result, explicit: bool) -> None:
        real = os.path.realpath(path)
        if real in self.seen_files:
            return
        self.seen_files.add(real)
        name = os.path.basename(path)
        is_tf = name.endswith(TERRAFORM_SUFFIXES)
        if not stat.S_ISREG(st.st_mode):
            self._note(path, f"not a regular file ({_file_type(st.st_mode)}); skipped, never "
                       f"opened", "skipped-special")
            return
        if explicit and not _is_candidate(name):
            self._visit_other(path, st)
            return
        self.found.files_seen += 1
        problem = self._check_content(path, st, is_tf)
        if problem is not None:
            if is_tf:
                self.found.terraform_skip.add(os.path.normpath(path))
                self.tf_dirs.add(os.path.dirname(path) or ".")
            return
        if is_tf:
            self.tf_dirs.add(os.path.dirname(path) or ".")
        elif name.endswith(DOCUMENT_SUFFIXES) and not name.endswith((".tfvars.json",)):
            self.found.documents.append(path)

    def _visit_other(self, path: str, st: os.stat_result) -> None:
        """A file named explicitly whose name govern does not read: scanned as a document
        when its first bytes sniff as a template, else noted (an error when it looks like a
        template but is too large or binary)."""
        if st.st_size > self.max_file_size:
            self._check_content(path, st, is_tf=False)
            return
        head = self._head(path)
        if head is None:
            return  # unreadable: already an error
        wide = _is_wide_text(head)
        if (b"\x00" not in head or wide) and classify_head(head) is not None:
            self.found.files_seen += 1
            self.found.documents.append(path)
            return
        if b"\x00" in head and not wide:
            self._check_content(path, st, is_tf=False)
            return
        self._note(path, "not an infrastructure-as-code file govern reads; skipped",
                   "skipped-unsupported")

    def _check_content(self, path: str, st: os.stat_result, is_tf: bool) -> str | None:
        """Why `path` is not to be parsed (a notice says so), or None."""
        size_mib = f"{st.st_size / 1048576:.1f} MiB"
        limit_mib = f"{self.max_file_size / 1048576:.1f} MiB"
        if st.st_size > self.max_file_size:
            looks = is_tf or self._looks_like_template(path, st.st_size)
            if looks is None:
                return "unreadable"
            if looks:
                self._error(path, f"file is {size_mib}, over the {limit_mib} limit "
                            f"(max-file-size), and looks like infrastructure as code; not "
                            f"scanned", "too-large", _LIMIT_HINT)
            else:
                self._note(path, f"file is {size_mib}, over the {limit_mib} limit, and holds "
                           f"nothing that looks like a template or a plan; skipped",
                           "skipped-too-large", _LIMIT_HINT)
            return "large"
        head = self._head(path)
        if head is None:
            return "unreadable"
        if not head.strip():
            self._note(path, "empty file; nothing to scan", "empty-file")
            return "empty"
        nul = head.find(b"\x00")
        if nul >= 0 and not _is_wide_text(head):
            looks = is_tf or self._looks_like_template(path, st.st_size)
            if looks is None:
                return "unreadable"
            if looks:
                self._error(path, f"binary content (a NUL byte at offset {nul}) in a file "
                            f"that looks like infrastructure as code; not scanned", "binary",
                            "save the file as UTF-8 text (or UTF-16 with a byte order mark)")
            else:
                self._note(path, "binary file (contains NUL bytes); skipped",
                           "skipped-binary")
            return "binary"
        return None

    def _head(self, path: str) -> bytes | None:
        try:
            with open(path, "rb") as fh:
                return fh.read(_SNIFF_BYTES)
        except OSError as exc:
            self._error(path, f"cannot read: {exc.strerror or exc}", "unreadable",
                        "check its permissions")
            return None

    def _looks_like_template(self, path: str, size: int) -> bool | None:
        """Whether the file's bytes hold what only a template or a plan holds: its first
        bytes sniff as one, or a marker shows in its first `_MARKER_SCAN_LIMIT` bytes or its
        last MiB. None (with an error notice) when it cannot be read."""
        try:
            with open(path, "rb") as fh:
                head = fh.read(_SNIFF_BYTES)
                if classify_head(head.replace(b"\x00", b"")) is not None:
                    return True
                carry, read = b"", len(head)
                chunk = head
                while chunk and read <= _MARKER_SCAN_LIMIT:
                    if has_template_marker(carry + chunk):
                        return True
                    carry = chunk[-MARKER_OVERLAP:]
                    chunk = fh.read(_CHUNK)
                    read += len(chunk)
                if size > read:
                    fh.seek(max(read, size - _CHUNK))
                    return has_template_marker(fh.read(_CHUNK))
                return False
        except OSError as exc:
            self._error(path, f"cannot read: {exc.strerror or exc}", "unreadable",
                        "check its permissions")
            return None

    def _note(self, path: str, message: str, code: str, hint: str | None = None) -> None:
        self.found.notices.append(Notice("note", message, file=path, hint=hint, code=code))

    def _error(self, path: str, message: str, code: str, hint: str | None = None) -> None:
        self.found.notices.append(Notice("error", message, file=path, hint=hint, code=code))


def _is_candidate(name: str) -> bool:
    return name.endswith(TERRAFORM_SUFFIXES) or (
        name.endswith(DOCUMENT_SUFFIXES) and not name.startswith("."))


def _is_wide_text(head: bytes) -> bool:
    """UTF-16/32 text: with a byte order mark, or UTF-16 without one (mostly ASCII: NUL
    bytes at every other offset, of one parity only, decoding to printable text)."""
    if head.startswith(_WIDE_BOMS):
        return True
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) < len(head) // 4 or min(even, odd) * 20 > max(even, odd):
        return False
    text = head[:len(head) - len(head) % 2].decode("utf-16-le" if odd > even else "utf-16-be",
                                                  errors="replace")
    printable = sum(1 for c in text if c.isprintable() or c in "\t\r\n")
    return printable * 10 >= len(text) * 9


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"
