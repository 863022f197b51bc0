"""Reading a plan file: JSON with line numbers, and a `format_version` govern knows.

`terraform show -json` has written format 1.x since Terraform 1.0 (minor versions only add
fields); any other major version may change meanings, so such a file is not read.

The bytes are decoded as every format's are (`govern.parsers.decoding`): a plan that is not
UTF-8 is read as Windows-1252 with a warning naming the first byte that was not. The JSON
reader is bounded: nesting past the budget and numbers too large to hold are errors at
their line; a lone surrogate is read as U+FFFD with a warning.
"""

from __future__ import annotations

import re

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.decoding import decode_bytes
from govern.parsers.json_positions import JNode, parse_json_positions

_SUPPORTED = re.compile(r"1(?:\.[0-9]+)*")


class PlanError(SourceError):
    """A plan file that cannot be read; `code` is the notice code it is reported with."""

    code = "parse-error"


class UnsupportedFormatError(PlanError):
    code = "unsupported-format-version"


def read_plan(path: str, notices: list[Notice] | None = None) -> JNode:
    """The plan document. Raises SourceError (unreadable, not JSON) or PlanError. Warnings
    about how it was read (not UTF-8, a lone surrogate) go to `notices` when given."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror or exc}", path) from None
    decoded = decode_bytes(data)
    notice = decoded.notice(path)
    if notice is not None and notices is not None:
        notices.append(notice)
    document = parse_json_positions(decoded.text, path, notices)
    if document.kind != "object":
        raise PlanError("not a Terraform plan: the document is not a JSON object", path,
                        document.line, "create it with `terraform show -json PLANFILE`")
    version = document.get("format_version")
    line = next((key_line for key, key_line, _ in document.members
                 if key == "format_version"), document.line)
    if version is None or not isinstance(version.value, str) or not _SUPPORTED.fullmatch(
            version.value):
        shown = "missing" if version is None else _shown(version)
        raise UnsupportedFormatError(
            f"unsupported Terraform plan format_version {shown}", path, line,
            "govern reads format 1.x, written by `terraform show -json` of Terraform 1.0 "
            "and later; re-create the JSON with a current Terraform")
    return document


def _shown(node: JNode) -> str:
    value = node.value
    return f'"{value}"' if isinstance(value, str) else repr(value)
