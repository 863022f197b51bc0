"""Hostile inventory files, through the CLI (`govern scan --inventory FILE`): deep nesting, a
huge integer, a FIFO or a huge sparse file is one configuration error (exit 2) naming the
file (and line), never a traceback or a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile import BIG_INT, FIFO, TOO_LARGE, govern, sparse

HEAD = '{"govern_inventory": 1,\n "meta": {},\n "edges": [],\n "resources": '


def scan(tmp_path: Path) -> tuple[int, str]:
    return govern("scan", "--inventory", "inv.json", cwd=tmp_path)


@pytest.mark.parametrize(("text", "message"), [
    (HEAD + "[" * 300 + "]" * 300 + "}",
     "inv.json:4: not an inventory file: nested more than 256 levels deep (govern's nesting "
     "limit)"),
    (HEAD + "[" * 100_000 + "]" * 100_000 + "}",
     "inv.json:4: not an inventory file: nested more than 256 levels deep (govern's nesting "
     "limit)"),
    (HEAD + "[],\n \"n\": " + BIG_INT + "}",
     "inv.json:5: not an inventory file: a number with more than 4300 digits, which govern "
     "does not read (write it as a string if it is not meant as a number)"),
])
def test_bad_json(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "inv.json").write_text(text)
    assert scan(tmp_path) == (2, message)


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "inv.json")
    assert scan(tmp_path) == (2, f"inv.json: cannot read inventory: {FIFO}")


def test_a_huge_sparse_file_is_refused_before_reading(tmp_path: Path) -> None:
    sparse(tmp_path / "inv.json")
    assert scan(tmp_path) == (2, f"inv.json: cannot read inventory: {TOO_LARGE}")
