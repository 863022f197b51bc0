"""Hostile baseline files, through the CLI: deep nesting, a huge integer, a FIFO or a huge
sparse file is one usage error (exit 2) naming the file (and line), never a traceback or a
hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile import BIG_INT, FIFO, TOO_LARGE, govern, sparse

HINT = "(create it with `govern baseline create`)"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text('variable "x" {}\n')
    return tmp_path


def scan(project: Path) -> tuple[int, str]:
    return govern("scan", "--baseline", "base.json", ".", cwd=project)


@pytest.mark.parametrize(("text", "message"), [
    ('{"version": 1,\n "findings": [' + "[" * 300 + "]" * 300 + "]}",
     f"baseline base.json:2: nested more than 256 levels deep (govern's nesting limit) {HINT}"),
    ('{"version": 1,\n "findings": [' + "[" * 100_000 + "]" * 100_000 + "]}",
     f"baseline base.json:2: nested more than 256 levels deep (govern's nesting limit) {HINT}"),
    ('{"version": 1,\n"tool": "govern",\n "findings": [], "n": ' + BIG_INT + "}",
     "baseline base.json:3: a number with more than 4300 digits, which govern does not read "
     f"(write it as a string if it is not meant as a number) {HINT}"),
    ('{"version": 1,\n "findings": [}', f"baseline base.json:2: invalid JSON: Expecting value "
                                        f"{HINT}"),
])
def test_bad_json(project: Path, text: str, message: str) -> None:
    (project / "base.json").write_text(text)
    assert scan(project) == (2, message)


def test_brackets_inside_strings_do_not_count_as_nesting(project: Path) -> None:
    (project / "base.json").write_text(json_with_brackets())
    assert scan(project) == (0, "")


def json_with_brackets() -> str:
    return ('{"version": 1, "tool": "govern", "findings": [{"fingerprint": "' + "[" * 300
            + '", "message": "{{{"}]}')


def test_a_fifo_is_refused_at_once(project: Path) -> None:
    os.mkfifo(project / "base.json")
    assert scan(project) == (2, f"baseline base.json: cannot be read: {FIFO}")


def test_a_huge_sparse_file_is_refused_before_reading(project: Path) -> None:
    sparse(project / "base.json")
    assert scan(project) == (2, f"baseline base.json: cannot be read: {TOO_LARGE}")
