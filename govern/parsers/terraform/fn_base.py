"""What every Terraform function implementation shares: its context, spec and argument
checks."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from govern.parsers.terraform.values import (
    EvalError,
    NotRead,
    is_number,
    to_int,
    to_number,
    to_string,
    type_name,
)

UnknownPolicy = Literal["deep", "shallow", "custom"]
TemplateRenderer = Callable[[str, str, dict[str, Any]], Any]

MAX_FILE_BYTES = 5 * 1024 * 1024  # when the scan's max_file_size is not known


@dataclass
class FunctionContext:
    """Where functions that touch the file system look.

    `base_dir` is Terraform's working directory: the root module's directory (relative
    paths in `file()` resolve against it, which is why configurations write
    `"${path.module}/x"`). `render_template(text, path, vars)` evaluates a template for
    `templatefile()`.

    `tree`: the directory tree the scan was given (or the root module's directory when a
    file was given); a path whose real location (symbolic links followed) is outside it
    is never read: `inside()` raises NotRead, and the value is unknown with a warning.
    `max_bytes`: files larger than this are not read either (NotRead).
    """

    base_dir: str
    render_template: TemplateRenderer | None = None
    tree: str | None = None
    max_bytes: int = MAX_FILE_BYTES
    _files: dict[str, str | None] = field(default_factory=dict)
    _inside: dict[str, bool] = field(default_factory=dict)  # resolved path -> in the tree
    memo: dict[Any, Any] = field(default_factory=dict)  # results of pure, costly calls

    def resolve(self, path: str) -> str:
        return os.path.normpath(path if os.path.isabs(path) else os.path.join(self.base_dir, path))

    def inside(self, path: str) -> str:
        """The resolved `path`, when it may be read: inside `tree` (symbolic links
        followed). Raises NotRead otherwise."""
        full = self.resolve(path)
        if self.tree is not None:
            inside = self._inside.get(full)
            if inside is None:  # realpath once per path: it stats every component
                real = os.path.realpath(full)
                inside = self._inside[full] = real == self.tree or real.startswith(
                    self.tree.rstrip(os.sep) + os.sep)
            if not inside:
                raise NotRead(f"{path} is outside the scanned tree {self.tree}; govern does "
                              "not read it")
        return full

    def read_bytes(self, path: str) -> bytes | None:
        """The bytes of a file inside the tree (None when it does not exist or is not a
        regular file); NotRead when outside the tree or larger than `max_bytes`."""
        full = self.inside(path)
        try:
            status = os.stat(full)
        except OSError:
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        if status.st_size > self.max_bytes:
            raise NotRead(f"{path} is {status.st_size / 1048576:.1f} MiB, over the "
                          f"{self.max_bytes / 1048576:.1f} MiB limit for files govern reads")
        try:
            with open(full, "rb") as handle:
                data = handle.read(self.max_bytes + 1)
        except OSError:
            return None
        if len(data) > self.max_bytes:
            raise NotRead(f"{path} is over the {self.max_bytes / 1048576:.1f} MiB limit for "
                          "files govern reads")
        return data

    def read_text(self, path: str) -> str | None:
        """The text of a file (None when it does not exist or is not UTF-8 text);
        NotRead as `read_bytes`."""
        full = self.inside(path)
        if full not in self._files:
            data = self.read_bytes(path)
            try:
                self._files[full] = None if data is None else data.decode("utf-8")
            except UnicodeDecodeError:
                self._files[full] = None
        return self._files[full]


Impl = Callable[[list[Any], FunctionContext], Any]


@dataclass(frozen=True)
class FunctionSpec:
    """A function: its implementation, arity and how Unknown arguments propagate.

    `deep`: any Unknown anywhere in the arguments makes the result Unknown.
    `shallow`: only an argument that is itself Unknown does; the function copes with
    Unknowns nested inside (e.g. `merge`, `length`, `keys`).
    `custom`: the function handles Unknown itself (e.g. `coalesce`).
    """

    impl: Impl
    min_args: int
    max_args: int | None
    unknowns: UnknownPolicy = "deep"


def fixed(impl: Impl, count: int, unknowns: UnknownPolicy = "deep") -> FunctionSpec:
    return FunctionSpec(impl, count, count, unknowns)


def variadic(impl: Impl, minimum: int = 0, unknowns: UnknownPolicy = "deep") -> FunctionSpec:
    return FunctionSpec(impl, minimum, None, unknowns)


# ----- argument checks ---------------------------------------------------------------


def arg_str(value: Any, what: str = "argument") -> str:
    try:
        return to_string(value)
    except EvalError as exc:
        raise EvalError(f"{what}: {exc}") from None


def arg_num(value: Any, what: str = "argument") -> int | float:
    try:
        return to_number(value)
    except EvalError as exc:
        raise EvalError(f"{what}: {exc}") from None


def arg_int(value: Any, what: str = "argument") -> int:
    try:
        return to_int(value, what)
    except EvalError as exc:
        raise EvalError(f"{what}: {exc}") from None


def arg_list(value: Any, what: str = "argument") -> list[Any]:
    if isinstance(value, list):
        return value
    raise EvalError(f"{what} must be a list, got {type_name(value)}")


def arg_map(value: Any, what: str = "argument") -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise EvalError(f"{what} must be a map or object, got {type_name(value)}")


def arg_bool(value: Any, what: str = "argument") -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return bool(value == "true")
    raise EvalError(f"{what} must be a bool, got {type_name(value)}")


def is_primitive(value: Any) -> bool:
    return isinstance(value, (str, bool)) or is_number(value)
