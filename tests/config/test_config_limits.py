"""Hostile configuration, through the CLI: deep nesting, huge integers, impossible dates,
FIFOs and huge files in `.govern.yaml`, `pyproject.toml` and `GOVERN_*` values are each a
one-line configuration error (exit 2) naming the file and line, never a traceback or a
hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile import BIG_INT, FIFO, TOO_LARGE, govern, sparse


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text('variable "x" {}\n')
    return tmp_path


def scan(project: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    return govern("scan", *args, ".", cwd=project, env=env)


@pytest.mark.parametrize(("text", "message"), [
    (f"fail-on: high\nmax-file-size: {BIG_INT}\n",
     ".govern.yaml:2: a number with more than 4300 digits, which govern does not read"),
    ("fail-on: high\nparameters:\n  GOV-AWS-015:\n    required_tags: "
     + "[" * 3_000 + "]" * 3_000 + "\n",
     ".govern.yaml:4: nested more than 256 levels deep"),
    ("fail-on: high\nparameters:\n  GOV-AWS-015:\n    since: 2026-02-30\n",
     ".govern.yaml:4: not a calendar date: 2026-02-30 (day is out of range for month)"),
    ("fail-on: high\nparameters:\n  GOV-AWS-015:\n    since: 2026-13-01\n",
     ".govern.yaml:4: not a calendar date: 2026-13-01 (month must be in 1..12)"),
])
def test_govern_yaml(project: Path, text: str, message: str) -> None:
    (project / ".govern.yaml").write_text(text)
    code, error = scan(project)
    assert code == 2
    assert error.startswith(message)


@pytest.mark.parametrize(("value", "message"), [
    (BIG_INT, "pyproject.toml:3: invalid TOML: a number with more than 4300 digits"),
    ("[" * 3_000 + "]" * 3_000, "pyproject.toml:3: nested more than 256 levels deep"),
    ("{a = " * 3_000 + "1" + "}" * 3_000, "pyproject.toml:3: nested more than 256 levels deep"),
    ("2026-02-30", "pyproject.toml:3: invalid TOML: Invalid date or datetime (at line 3,"),
])
def test_pyproject_toml(project: Path, value: str, message: str) -> None:
    (project / "pyproject.toml").write_text(f'[tool.govern]\nfail-on = "high"\nx = {value}\n')
    code, error = scan(project)
    assert code == 2
    assert error.startswith(message)


def test_a_toml_string_full_of_brackets_is_not_nesting(project: Path) -> None:
    brackets = "[" * 300
    (project / "pyproject.toml").write_text(
        f'[tool.govern]\nfail-on = "none"\n# {brackets}\nexclude = ["{brackets}"]\n')
    assert scan(project) == (0, "")


def test_environment_integer_too_long(project: Path) -> None:
    code, error = scan(project, env={"GOVERN_MAX_FILE_SIZE": BIG_INT})
    assert code == 2
    assert error == ("environment variable GOVERN_MAX_FILE_SIZE: must be a positive number of "
                     "bytes (got '" + "9" * 40 + "... (5,000 characters)')")


@pytest.mark.parametrize("value", ["\u00b2", "1" * 19])
def test_environment_integer_not_ascii_or_too_long(project: Path, value: str) -> None:
    code, error = scan(project, env={"GOVERN_MAX_FILE_SIZE": value})
    assert (code, error.split(" (got")[0]) == (
        2, "environment variable GOVERN_MAX_FILE_SIZE: must be a positive number of bytes")


@pytest.mark.parametrize("how", ["discovered", "--config", "GOVERN_CONFIG"])
def test_a_fifo_is_refused_at_once(project: Path, how: str) -> None:
    name = ".govern.yaml" if how == "discovered" else "settings.yaml"
    os.mkfifo(project / name)
    args = ("--config", name) if how == "--config" else ()
    env = {"GOVERN_CONFIG": name} if how == "GOVERN_CONFIG" else None
    assert scan(project, *args, env=env) == (2, f"{name}: cannot read configuration: {FIFO}")


def test_a_fifo_named_as_waivers_in_the_configuration(project: Path) -> None:
    os.mkfifo(project / "waivers.yaml")
    (project / ".govern.yaml").write_text("fail-on: high\nwaivers: waivers.yaml\n")
    assert scan(project) == (
        2, ".govern.yaml:2: waivers: waivers.yaml is not a regular file")
    (project / ".govern.yaml").unlink()
    assert scan(project, env={"GOVERN_WAIVERS": "waivers.yaml"})[1].startswith(
        "environment variable GOVERN_WAIVERS: not a regular file")


@pytest.mark.parametrize("name", [".govern.yaml", "pyproject.toml"])
def test_a_huge_sparse_file_is_refused_before_reading(project: Path, name: str) -> None:
    sparse(project / name)
    assert scan(project, "--config", name) == (
        2, f"{name}: cannot read configuration: {TOO_LARGE}")
