"""`--unit-timeout`: a unit that runs past it is stopped and reported (exit 3) while every
other unit is judged; in this process, in a pool worker, and in a thread other than the
main one (as in a Dask worker)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from govern.config import Config
from govern.gate import exit_code
from govern.scan import ScanOptions, run_scan
from govern.units import work
from govern.units.timeout import UnitTimeout, within

EXAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "examples"
VICTIM = "terraform-insecure"


def _spin() -> None:
    while True:
        pass


def test_work_past_its_time_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(UnitTimeout, match=r"stopped after 0\.2 s"):
        within(0.2, _spin)
    assert time.monotonic() - started < 5


def test_work_in_time_is_untouched_and_nothing_strays_after_it() -> None:
    finished = stopped = 0
    for _ in range(300):  # the watchdog fires about when the work ends
        try:
            within(0.0005, lambda: sum(range(2000)))
            finished += 1
        except UnitTimeout:
            stopped += 1
        time.sleep(0.0002)  # a stray exception would arrive here, outside `within`
    assert finished + stopped == 300
    assert within(None, lambda: 7) == 7


def test_it_works_outside_the_main_thread() -> None:
    caught: list[BaseException] = []

    def run() -> None:
        try:
            within(0.2, _spin)
        except UnitTimeout as exc:
            caught.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert not thread.is_alive() and len(caught) == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_unit_past_the_timeout_is_a_scan_error_and_the_rest_goes_on(
        monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    real = work.read_unit

    def read_unit(unit: Any, *args: Any, **kwargs: Any) -> Any:
        if any(VICTIM in Path(p).parts for p in unit.paths):
            _spin()
        return real(unit, *args, **kwargs)

    monkeypatch.setattr(work, "read_unit", read_unit)
    report = run_scan(ScanOptions(paths=(str(EXAMPLES),), config=Config(jobs=jobs),
                                  unit_timeout=0.5)).report
    [stopped] = [n for n in report.notices if n.code == "unit-timeout"]
    assert VICTIM in Path(stopped.file or "").parts
    assert "stopped after 0.5 s (--unit-timeout)" in stopped.message
    assert exit_code(report, "high") == 3
    assert any(f.location and "custom-rules" in Path(f.location.file).parts
               for f in report.findings)
