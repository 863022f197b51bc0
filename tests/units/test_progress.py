"""Progress of a long scan: a bar on a terminal (tqdm), a line per unit with --verbose,
nothing with --quiet or when standard error is not a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.units import progress as progress_module
from govern.units.progress import ScanProgress
from govern.units.work import UnitResult

EXAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "examples"


def test_the_bar_counts_units_done_of_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "SHOW_AFTER_SECONDS", 0)
    monkeypatch.setattr(progress_module, "REDRAW_SECONDS", 0)
    stream = io.StringIO()
    shown = ScanProgress(bar=True, verbose=False, stream=stream)
    shown.start(5)
    shown.advance(UnitResult(units=2))
    shown.advance(UnitResult(units=1))
    text = stream.getvalue()
    shown.close()
    assert "scanning" in text and "3/5" in text and "unit" in text


def test_verbose_says_each_unit_and_its_time() -> None:
    stream = io.StringIO()
    shown = ScanProgress(bar=False, verbose=True, stream=stream)
    shown.start(2)
    shown.advance(UnitResult(units=1, timings=[("root module infra", 0.25)]))
    shown.close()
    assert stream.getvalue() == "govern: root module infra: 0.25 s\n"


def test_quiet_or_no_terminal_shows_nothing() -> None:
    assert ScanProgress.for_terminal(quiet=True, verbose=True) is None
    assert ScanProgress.for_terminal(quiet=False, verbose=False) is None  # not a tty here


def test_the_cli_logs_units_with_verbose_only() -> None:
    runner = CliRunner()
    plain = runner.invoke(cli, ["scan", str(EXAMPLES), "-f", "sarif", "-o", "/dev/null"])
    verbose = runner.invoke(cli, ["scan", str(EXAMPLES), "-f", "sarif", "-o", "/dev/null",
                                  "--verbose"])
    assert plain.exit_code == verbose.exit_code == 1
    assert "govern: root module" not in plain.stderr
    lines = [line for line in verbose.stderr.splitlines() if line.startswith("govern: ")]
    assert any("terraform-insecure" in line and line.endswith(" s") for line in lines)
