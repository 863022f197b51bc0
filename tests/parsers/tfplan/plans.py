"""Writing small plan files for tests: the JSON is given as text so that lines are exact."""

from __future__ import annotations

import textwrap
from pathlib import Path

from govern.parsers.native import NativeResource, ParseResult
from govern.parsers.tfplan import parse_tfplan


def write(directory: Path, text: str, name: str = "plan.json") -> str:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    return str(path)


def parse(directory: Path, text: str) -> ParseResult:
    return parse_tfplan([write(directory, text)])


def by_address(result: ParseResult) -> dict[str, NativeResource]:
    return {n.address: n for n in result.resources}
