"""Hostile waiver files, through the CLI: a date that is not a calendar date, deep nesting,
a huge integer, a FIFO or a huge sparse file is one configuration error (exit 2) naming the
file and line, never a traceback or a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile import BIG_INT, FIFO, TOO_LARGE, govern, sparse

WAIVER = ("- rule: GOV-AWS-005\n  resource: aws_security_group.web\n  reason: accepted\n"
          "  owner: net-team\n  expires: {expires}\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text('variable "x" {}\n')
    return tmp_path


def scan(project: Path) -> tuple[int, str]:
    return govern("scan", "--waivers", "waivers.yaml", ".", cwd=project)


@pytest.mark.parametrize(("expires", "message"), [
    ("2026-02-30", "waivers.yaml:5: not a calendar date: 2026-02-30 (day is out of range for "
                   "month) (write a real date, YYYY-MM-DD)"),
    ("2026-13-01", "waivers.yaml:5: not a calendar date: 2026-13-01 (month must be in 1..12) "
                   "(write a real date, YYYY-MM-DD)"),
    ("'2026-02-30'", "waivers.yaml:5: expires is not a calendar date: 2026-02-30 (day is out "
                     "of range for month) (write a real date, YYYY-MM-DD)"),
    ("99999-01-01", "waivers.yaml:5: expires must be a date YYYY-MM-DD (got '99999-01-01')"),
    ("2026-06-30T10:00:00", "waivers.yaml:5: expires must be a date YYYY-MM-DD (got "
                            "2026-06-30 10:00:00)"),
    (BIG_INT, "waivers.yaml:5: a number with more than 4300 digits, which govern does not "
              "read (quote it if it is not meant as a number)"),
])
def test_dates_that_are_not_calendar_dates(project: Path, expires: str, message: str) -> None:
    (project / "waivers.yaml").write_text(WAIVER.format(expires=expires))
    assert scan(project) == (2, message)


def test_deep_nesting(project: Path) -> None:
    (project / "waivers.yaml").write_text(
        WAIVER.format(expires="2999-01-01") + "  extra: " + "[" * 5_000 + "]" * 5_000 + "\n")
    assert scan(project) == (2, "waivers.yaml:6: nested more than 256 levels deep (govern's "
                                "nesting limit; flatten the document)")


def test_a_fifo_is_refused_at_once(project: Path) -> None:
    os.mkfifo(project / "waivers.yaml")
    assert scan(project) == (2, f"waivers.yaml: cannot read the waivers file: {FIFO}")


def test_a_huge_sparse_file_is_refused_before_reading(project: Path) -> None:
    sparse(project / "waivers.yaml")
    assert scan(project) == (2, f"waivers.yaml: cannot read the waivers file: {TOO_LARGE}")
