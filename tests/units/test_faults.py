"""Faults while units run: a unit that raises, a worker process killed in the middle of a
unit (once, or every time). Nothing is lost in silence: the result is the same as without
the fault, or the unit is a scan error (exit 3) and every other unit is judged."""

from __future__ import annotations

import dataclasses
import os
import signal
from pathlib import Path
from typing import Any

import pytest

from govern.config import Config
from govern.gate import exit_code
from govern.model.finding import ScanReport
from govern.report import render
from govern.scan import ScanOptions, run_scan
from govern.units import work
from govern.units.plan import Unit
from govern.units.reading import Reading, UnitGraph

EXAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "examples"
VICTIM = "terraform-insecure"  # the root module of this example is the unit that fails


def _scan(jobs: int) -> ScanReport:
    report = run_scan(ScanOptions(paths=(str(EXAMPLES),), config=Config(jobs=jobs))).report
    return dataclasses.replace(report, stats=dataclasses.replace(report.stats, seconds=0.0))


def _is_victim(unit: Unit) -> bool:
    return any(VICTIM in Path(p).parts for p in (*unit.paths, *unit.documents))


def _failing_reader(fault: Any) -> Any:
    real = work.read_unit

    def read_unit(unit: Unit, reading: Reading, *args: Any, **kwargs: Any) -> UnitGraph:
        if _is_victim(unit):
            fault()
        return real(unit, reading, *args, **kwargs)

    return read_unit


@pytest.fixture(scope="module")
def expected() -> str:
    return render("sarif", _scan(1))


def test_a_unit_that_raises_is_a_scan_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fault() -> None:
        raise KeyError("boom")

    whole = _scan(1)
    monkeypatch.setattr(work, "read_unit", _failing_reader(fault))
    report = _scan(1)
    errors = [n for n in report.notices if n.code == "internal-error"]
    assert len(errors) == 1 and "KeyError: 'boom'" in errors[0].message
    assert VICTIM in Path(errors[0].file or "").parts
    assert exit_code(report, "high") == 3
    # every other unit was judged: only the victim's findings are missing
    kept = {f.fingerprint for f in report.findings}
    lost = [f for f in whole.findings if f.fingerprint not in kept]
    assert lost and all(f.location and VICTIM in Path(f.location.file).parts for f in lost)


def test_a_worker_killed_once_loses_nothing(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path, expected: str) -> None:
    marker = tmp_path / "killed"

    def fault() -> None:
        if not marker.exists():
            marker.write_text("once")
            os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(work, "read_unit", _failing_reader(fault))
    assert render("sarif", _scan(2)) == expected
    assert marker.exists()  # the worker was killed indeed


def test_a_unit_that_kills_every_worker_is_a_scan_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fault() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(work, "read_unit", _failing_reader(fault))
    report = _scan(2)
    died = [n for n in report.notices if n.code == "internal-error"]
    assert len(died) == 1 and "worker process reading it died" in died[0].message
    assert exit_code(report, "high") == 3
    assert any(f.location and "custom-rules" in Path(f.location.file).parts
               for f in report.findings)


def test_a_task_that_fails_in_the_pool_is_a_scan_error_for_its_units(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch whose task fails outside the units' own guard (here its result does not
    pickle) is reported for each of its units; the other batches are judged."""
    real = work.read_unit

    def read_unit(unit: Unit, reading: Reading, *args: Any, **kwargs: Any) -> UnitGraph:
        read = real(unit, reading, *args, **kwargs)
        if _is_victim(unit):
            read.files.add(lambda: None)  # type: ignore[arg-type]  # no pickle for it
        return read

    monkeypatch.setattr(work, "read_unit", read_unit)
    report = _scan(2)
    failed = [n for n in report.notices if n.code == "internal-error"]
    assert failed and all("its worker task failed" in n.message for n in failed)
    assert any(VICTIM in Path(n.file or "").parts for n in failed)
    assert exit_code(report, "high") == 3
    assert any(f.location and "custom-rules" in Path(f.location.file).parts
               for f in report.findings)
