"""Files beside govern's bytecode: read only when a regular file within the limit, written
atomically and readable, only where Python writes bytecode and not with the cache off."""

from __future__ import annotations

import importlib.util
import os
import stat
import sys
from pathlib import Path

import pytest

import govern
from govern import beside_bytecode


@pytest.fixture
def writable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.delenv("GOVERN_CACHE_DIR", raising=False)


def test_the_directory_is_that_of_govern_bytecode() -> None:
    init = str(Path(govern.__file__).resolve())
    assert beside_bytecode.directory() == Path(importlib.util.cache_from_source(init)).parent


def test_written_atomically_and_read_back(tmp_path: Path, writable: None) -> None:
    where = tmp_path / "pycache" / "kept.bin"
    assert beside_bytecode.write(where, b"data")
    assert beside_bytecode.read(where, 4) == b"data"
    assert stat.S_IMODE(os.stat(where).st_mode) == 0o644
    assert [p.name for p in where.parent.iterdir()] == ["kept.bin"]  # no temporary left


def test_read_only_a_regular_file_within_the_limit(tmp_path: Path) -> None:
    (tmp_path / "big").write_bytes(b"x" * 10)
    assert beside_bytecode.read(tmp_path / "big", 9) is None
    assert beside_bytecode.read(tmp_path / "missing", 9) is None
    assert beside_bytecode.read(tmp_path, 9) is None  # a directory
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        assert beside_bytecode.read(tmp_path / "fifo", 9) is None  # and no hang


@pytest.mark.parametrize("setting", ["off", "", "0"])
def test_not_written_with_the_cache_off(tmp_path: Path, writable: None,
                                        monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    monkeypatch.setenv("GOVERN_CACHE_DIR", setting)
    assert not beside_bytecode.enabled()
    assert not beside_bytecode.write(tmp_path / "kept.bin", b"data")
    assert not (tmp_path / "kept.bin").exists()


def test_not_written_where_python_writes_no_bytecode(tmp_path: Path, writable: None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert not beside_bytecode.write(tmp_path / "kept.bin", b"data")
    assert not (tmp_path / "kept.bin").exists()


def test_a_directory_that_cannot_be_made_is_no_error(tmp_path: Path, writable: None) -> None:
    (tmp_path / "file").write_text("")
    assert not beside_bytecode.write(tmp_path / "file" / "kept.bin", b"data")
