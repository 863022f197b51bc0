"""Reading the files a user hands govern besides templates: rule files, configuration,
waivers, baselines and inventories.

Each is read through `read_user_file`, which refuses at once what is not a regular file (a
FIFO or a device would block the read or never end) and a file over `MAX_USER_FILE_SIZE`,
before reading it. The parsed documents are then held to the evaluation budget's nesting
limit (`govern.parsers.budget.DEFAULT_LIMITS.nesting`): `nesting_problem` measures a parsed
value without recursion, and `deep_line`/`long_number_line` find, in the text, the line a
too-deep structure or a too-long integer is on, for the error message.

Callers turn `UserFileError` into their own typed error (ConfigError, UsageError, a rule
problem), so each kind of file keeps its exit code.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from typing import Any

from govern.parsers.budget import DEFAULT_LIMITS

MAX_USER_FILE_SIZE = 64 * 1024 * 1024
MAX_NESTING = DEFAULT_LIMITS.nesting
INT_DIGITS = sys.get_int_max_str_digits() or 4300

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a directory"))


class UserFileError(Exception):
    """A user-given file that cannot be read: `reason` says why (no file name in it);
    `missing` when there is no such file."""

    def __init__(self, reason: str, missing: bool = False) -> None:
        self.reason = reason
        self.missing = missing
        super().__init__(reason)


def read_user_file(path: str) -> bytes:
    """The bytes of the regular file at `path`. Raises `UserFileError` for a missing file, a
    FIFO, device, socket or directory (refused without waiting on it), a file larger than
    `MAX_USER_FILE_SIZE`, or a read error."""
    try:
        _check(os.stat(path))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UserFileError("file not found", missing=True) from None
    except OSError as exc:
        raise UserFileError(f"cannot be read: {exc.strerror or exc}") from None
    try:
        _check(os.fstat(fd))  # the file may have been swapped since the stat
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_USER_FILE_SIZE + 1)
    except OSError as exc:
        raise UserFileError(f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_USER_FILE_SIZE:
        raise UserFileError(_too_large())
    return data


def read_user_text(path: str) -> str:
    """`read_user_file`, decoded as UTF-8 (a leading byte order mark is dropped)."""
    data = read_user_file(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserFileError(f"not UTF-8 text (byte {data[exc.start]:#x} on line {line})"
                            ) from None


def _check(info: os.stat_result) -> None:
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise UserFileError(f"is {kind}, not a regular file")
    if not stat.S_ISREG(info.st_mode):
        raise UserFileError("is not a regular file")
    if info.st_size > MAX_USER_FILE_SIZE:
        raise UserFileError(_too_large(info.st_size))


def _too_large(size: int | None = None) -> str:
    have = f" ({size:,} bytes)" if size is not None else ""
    return (f"larger than govern reads{have}: the limit is {MAX_USER_FILE_SIZE // 2**20} MiB "
            f"for rule, configuration, waiver, baseline and inventory files")


def nesting_problem(value: Any, limit: int = MAX_NESTING) -> bool:
    """Whether lists/dicts in `value` nest deeper than `limit` (measured without recursion,
    so any depth is safe to ask about)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth + 1 > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def nesting_message(limit: int = MAX_NESTING) -> str:
    return f"nested more than {limit} levels deep (govern's nesting limit)"


# strings and comments (whose brackets do not count), then brackets. A string left open
# runs to the end of its line (TOML's one-line strings) or of the text, and the quantifiers
# are possessive: the tokens are found in one pass, in linear time on any text (a string
# that never closes is not scanned again from each of its quotes).
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*+"?|[\[\]{}]', re.DOTALL)
_TOML_TOKENS = re.compile(r'"""(?:[^\\"]|\\.|"(?!""))*+(?:"""|\Z)'
                          r"|'''(?:[^']|'(?!''))*+(?:'''|\Z)"
                          r'|"(?:[^"\\\n]|\\.)*+"?'
                          r"|'[^'\n]*+'?|#[^\n]*+|[\[\]{}]", re.DOTALL)


def deep_line(text: str, toml: bool = False, limit: int = MAX_NESTING) -> int | None:
    """The line on which brackets in JSON (or TOML) `text` first nest deeper than `limit`.
    Used to place an error, so it may take a moment on large files."""
    depth = 0
    for match in (_TOML_TOKENS if toml else _JSON_TOKENS).finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, match.start()) + 1
        elif token in "]}":
            depth -= 1
    return None


def long_number_line(text: str) -> int | None:
    """The line of the first run of more digits than Python converts to an integer."""
    match = re.search(f"[0-9_]{{{INT_DIGITS + 1},}}", text)
    return None if match is None else text.count("\n", 0, match.start()) + 1


def long_number_message() -> str:
    return (f"a number with more than {INT_DIGITS} digits, which govern does not read "
            f"(write it as a string if it is not meant as a number)")


class JsonLimitError(Exception):
    """JSON text that cannot be read: `where` is `:line` when the line is known, `reason`
    says what is wrong."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        self.reason = reason
        self.where = f":{line}" if line else ""
        super().__init__(f"{self.where}: {reason}")


def load_json(text: str) -> Any:
    """`json.loads`, with syntax errors, integers too long to convert and nesting deeper
    than `MAX_NESTING` all raised as `JsonLimitError` with their line. The depth is checked
    on the parsed value; json's own recursion guard (RecursionError, past about 1,000
    levels) is the backstop for deeper text."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonLimitError(f"invalid JSON: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise JsonLimitError(nesting_message(), deep_line(text)) from None
    except ValueError:  # only an integer too long to convert gets here
        raise JsonLimitError(long_number_message(), long_number_line(text)) from None
    if nesting_problem(value):
        raise JsonLimitError(nesting_message(), deep_line(text))
    return value
