"""The `govern` program leaves without tearing the interpreter down (cli.run): the exit
code, everything written to stdout and files, and exit handlers are as with a normal exit;
`main()` itself still raises SystemExit for callers in the same process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govern.cli import main
from tests.conftest import FIXTURES

INSECURE = str(FIXTURES / "examples" / "terraform-insecure")
CLEAN = str(FIXTURES / "examples" / "terraform-clean")


def _govern(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GOVERN_CACHE_DIR": "off"}
    command = [sys.executable, "-c", code, *args] if code else [
        sys.executable, "-m", "govern", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize(("path", "expected"), [(INSECURE, 1), (CLEAN, 0)])
def test_exit_codes_and_all_of_stdout(path: str, expected: int) -> None:
    done = _govern("scan", path, "--format", "json")
    assert done.returncode == expected, done.stderr
    report = json.loads(done.stdout)  # complete: flushed before leaving
    assert (report["summary"]["by_status"]["fail"] > 0) is (expected == 1)


def test_usage_errors_still_exit_2() -> None:
    done = _govern("scan", "--no-such-option")
    assert done.returncode == 2
    assert "no-such-option" in done.stderr


def test_a_report_file_is_complete(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    done = _govern("scan", INSECURE, "--format", "sarif", "--output", str(out))
    assert done.returncode == 1, done.stderr
    assert json.loads(out.read_text())["runs"][0]["results"]


def test_exit_handlers_run() -> None:
    code = ("import atexit, sys\n"
            "from govern.cli import run\n"
            "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
            "sys.argv = ['govern', 'scan', sys.argv[1]]\n"
            "run()\n")
    done = _govern(INSECURE, code=code)
    assert done.returncode == 1
    assert "handler ran" in done.stderr


def test_a_thread_still_running_is_waited_for() -> None:
    code = ("import sys, threading, time\n"
            "from govern.cli import run\n"
            "def late():\n"
            "    time.sleep(0.5)\n"
            "    print('thread finished', flush=True)\n"
            "threading.Thread(target=late).start()\n"
            "sys.argv = ['govern', '--version']\n"
            "run()\n")
    done = _govern(code=code)
    assert done.returncode == 0
    assert "thread finished" in done.stdout


def test_main_still_raises_system_exit(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["govern", "scan", INSECURE])
    with pytest.raises(SystemExit) as raised:
        main()
    assert raised.value.code == 1
    assert "GOV-" in capsys.readouterr().out


def test_collection_is_back_on_once_main_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """program.run() turns the garbage collector off while govern is imported; main()
    turns it back on."""
    import gc

    monkeypatch.setattr(sys, "argv", ["govern", "--version"])
    thresholds = gc.get_threshold()
    gc.disable()
    try:
        with pytest.raises(SystemExit):
            main()
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(*thresholds)
