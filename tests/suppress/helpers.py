"""Scanning small files written by the tests, with the date pinned."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from govern.model.finding import ScanReport
from govern.scan import ScanOptions, run_scan
from tests.tagging import TAGS_ASKED

TODAY = date(2026, 6, 1)


def scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str],
         today: date = TODAY) -> ScanReport:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return run_scan(ScanOptions(paths=(".",), today=today, config=TAGS_ASKED)).report


def suppressed(report: ScanReport) -> list[tuple[str, str, str, str, str | None]]:
    """(rule id, address, source, justification, until) of every suppressed finding."""
    return sorted((f.rule_id, f.resource_address, s.source, s.justification, s.until)
                  for f in report.findings if (s := f.suppression) is not None)


def active(report: ScanReport, address: str) -> list[str]:
    """Rule ids of the findings on `address` that are not suppressed."""
    return sorted(f.rule_id for f in report.findings
                  if f.resource_address == address and f.suppression is None)


def notices(report: ScanReport) -> list[tuple[str, str, str | None, int | None]]:
    """(level, code, file, line) of the suppression notices."""
    return [(n.level, n.code, os.path.normpath(n.file) if n.file else None, n.line)
            for n in report.notices if n.code.startswith("suppression-")]
