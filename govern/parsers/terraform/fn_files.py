"""File-system functions. Relative paths resolve against the root module's directory
(Terraform's working directory); a file that does not exist at scan time (often one a
build step writes) gives Unknown, not an error. A path outside the scanned tree (symbolic
links followed) or a file over the size limit is never read: NotRead, which makes the
attribute Unknown with a warning (`FunctionContext.inside`, `read_bytes`)."""

from __future__ import annotations

import base64
import glob
import hashlib
import os
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.budget import current
from govern.parsers.terraform.fn_base import (
    FunctionContext,
    FunctionSpec,
    arg_map,
    arg_str,
    fixed,
)
from govern.parsers.terraform.values import NotRead, freeze


def _missing(path: str) -> Unknown:
    return Unknown(f"file {path} is not readable text at scan time")


def _file(args: list[Any], ctx: FunctionContext) -> Any:
    path = arg_str(args[0], "path")
    text = ctx.read_text(path)
    return _missing(path) if text is None else text


def _fileexists(args: list[Any], ctx: FunctionContext) -> Any:
    return os.path.isfile(ctx.inside(arg_str(args[0], "path")))


def _file_bytes(ctx: FunctionContext, path: str) -> bytes | None:
    return ctx.read_bytes(path)


def _filebase64(args: list[Any], ctx: FunctionContext) -> Any:
    path = arg_str(args[0], "path")
    data = _file_bytes(ctx, path)
    return _missing(path) if data is None else base64.b64encode(data).decode()


def _file_digest(name: str) -> FunctionSpec:
    def impl(args: list[Any], ctx: FunctionContext) -> Any:
        path = arg_str(args[0], "path")
        data = _file_bytes(ctx, path)
        return _missing(path) if data is None else hashlib.new(name, data).hexdigest()

    return fixed(impl, 1)


def _templatefile(args: list[Any], ctx: FunctionContext) -> Any:
    path = arg_str(args[0], "path")
    variables = arg_map(args[1], "template variables")
    text = ctx.read_text(path)
    if text is None:
        return _missing(path)
    if ctx.render_template is None:
        return Unknown("templatefile() is not available here")
    full = ctx.resolve(path)
    same_object = ("templatefile-id", full, id(variables))
    cached = ctx.memo.get(same_object)
    if cached is not None and cached[0] is variables:
        return cached[1]
    frozen_id = ("frozen", id(variables))
    frozen = ctx.memo.get(frozen_id)
    if frozen is None or frozen[0] is not variables:
        frozen = (variables, freeze(variables))
        ctx.memo[frozen_id] = frozen
    key = ("templatefile", full, frozen[1])
    if key not in ctx.memo:
        ctx.memo[key] = ctx.render_template(text, full, dict(variables))
    # keeping `variables` alive keeps its id from being reused
    ctx.memo[same_object] = (variables, ctx.memo[key])
    return ctx.memo[key]


def _fileset(args: list[Any], ctx: FunctionContext) -> Any:
    base, pattern = arg_str(args[0], "path"), arg_str(args[1], "pattern")
    root = ctx.inside(base)
    key = ("fileset", root, pattern)
    if key not in ctx.memo:
        ctx.memo[key] = _glob_files(root, pattern, ctx)
    return list(ctx.memo[key])


def _glob_files(root: str, pattern: str, ctx: FunctionContext) -> list[str]:
    """The files matching `pattern` under `root`; those whose real location is outside
    the scanned tree (through a symbolic link) are left out."""
    if not os.path.isdir(root):
        return []
    limit = current().limits.value_size
    found: set[str] = set()
    for one in expand_braces(pattern):
        for name in glob.iglob(one, root_dir=root, recursive=True):
            found.add(name)
            if len(found) > limit:
                current().size(len(found), "fileset()")
    files = [f for f in found if os.path.isfile(os.path.join(root, f))
             and _inside(ctx, os.path.join(root, f))]
    return sorted(f.replace(os.sep, "/") for f in files)


def _inside(ctx: FunctionContext, path: str) -> bool:
    try:
        ctx.inside(path)
    except NotRead:
        return False
    return True


def expand_braces(pattern: str) -> list[str]:
    """`a.{json,yaml}` -> [`a.json`, `a.yaml`] (nested braces too), as fileset() allows."""
    start = pattern.find("{")
    if start < 0:
        return [pattern]
    depth = 0
    options: list[str] = []
    last = start + 1
    for position in range(start, len(pattern)):
        char = pattern[position]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                options.append(pattern[last:position])
                head, tail = pattern[:start], pattern[position + 1:]
                return [expanded for option in options
                        for expanded in expand_braces(head + option + tail)]
        elif char == "," and depth == 1:
            options.append(pattern[last:position])
            last = position + 1
    return [pattern]  # unbalanced: taken literally


def go_base(path: str) -> str:
    if path == "":
        return "."
    path = path.rstrip("/")
    if path == "":
        return "/"
    return path.rsplit("/", 1)[-1]


def go_dir(path: str) -> str:
    head = path[: path.rfind("/") + 1]
    cleaned = os.path.normpath(head) if head else "."
    if cleaned.startswith("//"):
        cleaned = "/" + cleaned.lstrip("/")
    return cleaned


def _basename(args: list[Any], ctx: FunctionContext) -> Any:
    return go_base(arg_str(args[0], "path"))


def _dirname(args: list[Any], ctx: FunctionContext) -> Any:
    return go_dir(arg_str(args[0], "path"))


def _abspath(args: list[Any], ctx: FunctionContext) -> Any:
    return os.path.abspath(ctx.resolve(arg_str(args[0], "path"))).replace(os.sep, "/")


def _pathexpand(args: list[Any], ctx: FunctionContext) -> Any:
    path = arg_str(args[0], "path")
    if path.startswith("~"):
        return Unknown("pathexpand() depends on the home directory of the run")
    return path


FUNCTIONS: dict[str, FunctionSpec] = {
    "file": fixed(_file, 1),
    "fileexists": fixed(_fileexists, 1),
    "filebase64": fixed(_filebase64, 1),
    "filemd5": _file_digest("md5"),
    "filesha1": _file_digest("sha1"),
    "filesha256": _file_digest("sha256"),
    "filesha512": _file_digest("sha512"),
    "templatefile": fixed(_templatefile, 2, "shallow"),
    "fileset": fixed(_fileset, 2),
    "basename": fixed(_basename, 1),
    "dirname": fixed(_dirname, 1),
    "abspath": fixed(_abspath, 1),
    "pathexpand": fixed(_pathexpand, 1),
}
