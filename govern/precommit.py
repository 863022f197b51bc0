"""The `govern` pre-commit hook: `python -m govern.precommit [SCAN OPTIONS] FILE...`.

pre-commit passes the staged files that match the hook's `files` pattern after the hook's
`args`. Terraform is evaluated per directory (a module: variables, tfvars, locals live in
sibling files), so a changed file is scanned through its directory: this runs `govern scan`
with the same options on the **parent directories** of the files, deduplicated, and without
a directory that is inside another one already chosen (a directory is scanned with
everything below it). Findings in unchanged files of those directories are reported too;
a later change adds `--changed-only`.

Options are parsed by the `scan` command itself, so every `govern scan` option works in
the hook's `args` (`--fail-on high`, `--var-file prod.tfvars`, `--config ...`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence

import click


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


def main(argv: Sequence[str] | None = None) -> None:
    from govern.cli import scan

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        with scan.make_context("govern scan", args) as ctx:
            files = ctx.params.get("paths") or ()
            if not files:  # nothing staged that govern reads
                sys.exit(0)
            ctx.params["paths"] = scan_dirs(files)
            scan.invoke(ctx)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
