"""Hostile rule files, through the CLI (`govern scan --rules`): deep nesting, a huge integer,
an impossible date, a FIFO or a huge sparse file is a rule error (exit 3) naming the file
and line, never a traceback or a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govern.engine.rule_loader import MAX_CHECK_NESTING
from tests.engine.helpers import rule_text, write_rule
from tests.hostile import BIG_INT, FIFO, TOO_LARGE, govern, sparse

NAME = "s3-bucket-without-encryption.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text('variable "x" {}\n')
    (tmp_path / "rules").mkdir()
    return tmp_path


def scan(project: Path, rules: str = "rules") -> tuple[int, str]:
    return govern("scan", "--rules", rules, ".", cwd=project)


def custom(check: str | None = None) -> str:
    return rule_text(check).replace("id: GOV-", "id: ACME-")


def nots(depth: int) -> str:
    """A check of `depth` nested `not:` conditions."""
    return ("check:\n" + "".join("  " * (i + 1) + "not:\n" for i in range(depth))
            + "  " * (depth + 1) + "attr: encryption.enabled\n" + "  " * (depth + 1)
            + "op: is_true\n")


def test_a_custom_rule_loads(project: Path) -> None:  # the baseline of the cases below
    write_rule(project / "rules", custom(nots(MAX_CHECK_NESTING - 1)))
    assert scan(project) == (0, "")


@pytest.mark.parametrize(("depth", "message"), [
    (MAX_CHECK_NESTING, f"{8 + MAX_CHECK_NESTING}: check nested more than 64 levels deep "
                        "(flatten the nested all/any/not conditions)"),
    (100, f"{8 + MAX_CHECK_NESTING}: check nested more than 64 levels deep (flatten the nested "
          "all/any/not conditions)"),
    (1_000, "264: nested more than 256 levels deep (govern's nesting limit; flatten the "
            "document)"),
])
def test_a_deep_check(project: Path, depth: int, message: str) -> None:
    write_rule(project / "rules", custom(nots(depth)))
    assert scan(project) == (3, f"rules/{NAME}:{message}")


def test_deep_flow_nesting_anywhere(project: Path) -> None:
    write_rule(project / "rules", custom() + "references: " + "[" * 100_000 + "]" * 100_000
               + "\n")
    assert scan(project) == (3, f"rules/{NAME}:24: nested more than 256 levels deep (govern's "
                                f"nesting limit; flatten the document)")


@pytest.mark.parametrize(("value", "message"), [
    (BIG_INT, "a number with more than 4300 digits, which govern does not read (quote it if "
              "it is not meant as a number)"),
    ("2026-02-30", "not a calendar date: 2026-02-30 (day is out of range for month) (write a "
                   "real date, YYYY-MM-DD)"),
])
def test_values_that_do_not_convert(project: Path, value: str, message: str) -> None:
    write_rule(project / "rules", custom().replace("op: is_true", f"op: equals\n  value: "
                                                                  f"{value}"))
    assert scan(project) == (3, f"rules/{NAME}:11: {message}")


@pytest.mark.parametrize("given", ["rules", "rules/x.yaml"])
def test_a_fifo_is_refused_at_once(project: Path, given: str) -> None:
    os.mkfifo(project / "rules" / "x.yaml")
    assert scan(project, given) == (3, f"rules/x.yaml: {FIFO}")


def test_a_huge_sparse_file_is_refused_before_reading(project: Path) -> None:
    sparse(project / "rules" / "x.yaml")
    assert scan(project) == (3, f"rules/x.yaml: {TOO_LARGE}")
