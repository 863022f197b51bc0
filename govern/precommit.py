"""The `govern` pre-commit hook: `python -m govern.precommit [SCAN OPTIONS] FILE...`.

pre-commit passes the staged files that match the hook's `files` pattern after the hook's
`args`. Terraform is evaluated per directory (a module: variables, tfvars, locals live in
sibling files), so this runs `govern scan --changed-only` with the same options and the
files: the scan reads the **parent directories** of the files (deduplicated, without a
directory inside another one already chosen), evaluates everything in them, and reports
and gates only the findings located in the staged files. Errors (a file that cannot be
parsed) anywhere in those directories still fail the hook (exit 3): the scan is incomplete.

Options are parsed by the `scan` command itself, so every `govern scan` option works in
the hook's `args` (`--fail-on high`, `--var-file prod.tfvars`, `--config ...`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from govern.suppress.changes import scan_dirs

__all__ = ["main", "scan_dirs"]


def main(argv: Sequence[str] | None = None) -> None:
    from govern.cli import scan

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        with scan.make_context("govern scan", args) as ctx:
            files = ctx.params.get("paths") or ()
            if not files:  # nothing staged that govern reads
                sys.exit(0)
            ctx.params["changed_only"] = True  # scans scan_dirs(files), reports files
            scan.invoke(ctx)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
