"""Scans through a real Dask scheduler and two workers on 127.0.0.1: the same SARIF bytes
as one local process, also when a worker is killed in the middle of the scan; a scheduler
that cannot be reached is exit 2 with one line."""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from click.testing import CliRunner

from govern.cli import cli
from govern.config import Config
from govern.errors import UsageError
from govern.report import render
from govern.scan import ScanOptions, run_scan
from govern.units import on_dask
from tests.conftest import SHARED
from tests.dask.cluster import Cluster, local_cluster

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "fixtures" / "examples"
SLOW = Path(__file__).with_name("slow_units.py")
CORPUS = SHARED / "corpus" / "aws-cloudformation-templates"


def _sarif(paths: tuple[str, ...], config: Config) -> str:
    report = run_scan(ScanOptions(paths=paths, config=config)).report
    return render("sarif", dataclasses.replace(
        report, stats=dataclasses.replace(report.stats, seconds=0.0)))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with local_cluster(tmp_path_factory.mktemp("dask")) as running:
        yield running


def test_the_same_sarif_as_one_process(cluster: Cluster) -> None:
    paths = tuple(str(p) for p in (EXAMPLES, CORPUS) if p.is_dir())
    local = _sarif(paths, Config(jobs=1))
    assert '"ruleId"' in local
    assert _sarif(paths, Config(scheduler=cluster.address)) == local


def test_many_repositories_in_one_run(cluster: Cluster, tmp_path: Path) -> None:
    repos = sorted(str(p) for p in EXAMPLES.iterdir() if p.is_dir())
    (tmp_path / "targets.txt").write_text("# the fleet\n" + "\n".join(repos) + "\n\n")
    runner = CliRunner()
    listed = runner.invoke(cli, ["scan", "--targets", str(tmp_path / "targets.txt"),
                                 "--scheduler", cluster.address, "-f", "json"])
    named = runner.invoke(cli, ["scan", *repos, "--jobs", "1", "-f", "json"])
    assert listed.exit_code == named.exit_code == 1, listed.output
    strip = [line for line in listed.output.splitlines() if '"seconds"' not in line]
    assert strip == [line for line in named.output.splitlines() if '"seconds"' not in line]


def test_a_worker_killed_mid_scan_changes_nothing(tmp_path: Path) -> None:
    paths = (str(EXAMPLES),)
    local = _sarif(paths, Config(jobs=1))
    with local_cluster(tmp_path, preload=str(SLOW)) as running:
        from distributed import Client

        result: dict[str, str] = {}
        scan = threading.Thread(target=lambda: result.setdefault(
            "sarif", _sarif(paths, Config(scheduler=running.address))))
        with Client(running.address, set_as_default=False) as watcher:
            scan.start()
            busy = _busy_worker(watcher, deadline=time.monotonic() + 60)
            names = {info["id"]: address
                     for address, info in watcher.scheduler_info()["workers"].items()}
            victim = next(i for i, w in enumerate(running.workers)
                          if names.get(f"w{i}") == busy)
            running.kill_worker(victim)
            scan.join(120)
        assert not scan.is_alive()
        assert result["sarif"] == local


def _busy_worker(client: object, deadline: float) -> str:
    """The address of a worker reading a govern unit right now."""
    while time.monotonic() < deadline:
        for worker, keys in client.processing().items():  # type: ignore[attr-defined]
            if any(str(k).startswith("govern-") for k in keys):
                return str(worker)
        time.sleep(0.01)
    raise AssertionError("no worker ever read a unit")


def test_an_unreachable_scheduler_is_exit_2_in_one_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(on_dask, "CONNECT_TIMEOUT", 1.0)
    with pytest.raises(UsageError, match=re.escape("cannot reach the Dask scheduler at "
                                                   "tcp://127.0.0.1:9: ")):
        _sarif((str(EXAMPLES),), Config(scheduler="tcp://127.0.0.1:9"))
    result = CliRunner().invoke(cli, ["scan", str(EXAMPLES), "--scheduler", "nonsense"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "govern: error: --scheduler nonsense: not a Dask scheduler address (write "
        "tcp://HOST:PORT, e.g. tcp://scheduler:8786)"]
