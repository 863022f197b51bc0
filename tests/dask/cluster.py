"""A real Dask cluster on 127.0.0.1 for the tests: `dask scheduler` and two `dask worker`
processes (no nanny: a worker killed stays dead), started and stopped here."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

STARTUP_SECONDS = 60


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen[bytes]
    workers: list[subprocess.Popen[bytes]]

    def kill_worker(self, index: int) -> None:
        os.kill(self.workers[index].pid, signal.SIGKILL)
        self.workers[index].wait(10)


def _dask() -> list[str]:
    return [sys.executable, "-m", "dask"]


@contextmanager
def local_cluster(directory: Path, workers: int = 2, preload: str | None = None,
                  env: Mapping[str, str] | None = None) -> Iterator[Cluster]:
    """A scheduler and `workers` workers of one thread each, in `directory`; `preload`: a
    module file each worker imports first; `env`: added to the workers' environment."""
    scheduler_file = directory / "scheduler.json"
    logs = directory / "logs"
    logs.mkdir(exist_ok=True)
    environ = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False",
               "PYTHONPATH": os.pathsep.join(sys.path)}
    started: list[subprocess.Popen[bytes]] = []
    try:
        scheduler = subprocess.Popen(
            [*_dask(), "scheduler", "--host", "127.0.0.1", "--port", "0",
             "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(scheduler_file)],
            cwd=directory, env=environ, stdout=(logs / "scheduler.log").open("wb"),
            stderr=subprocess.STDOUT)
        started.append(scheduler)
        deadline = time.monotonic() + STARTUP_SECONDS
        while not scheduler_file.exists():
            if time.monotonic() > deadline or scheduler.poll() is not None:
                raise RuntimeError("the Dask scheduler did not start: "
                                   + (logs / "scheduler.log").read_text())
            time.sleep(0.1)
        time.sleep(0.2)  # the file is written in one go, but give it a moment
        address = json.loads(scheduler_file.read_text())["address"]
        worker_env = {**environ, **(env or {})}
        procs = []
        for index in range(workers):
            command = [*_dask(), "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                       "--no-nanny", "--no-dashboard", "--name", f"w{index}",
                       "--local-directory", str(directory / "scratch")]
            if preload:
                command += ["--preload", preload]
            proc = subprocess.Popen(command, cwd=directory, env=worker_env,
                                    stdout=(logs / f"worker{index}.log").open("wb"),
                                    stderr=subprocess.STDOUT)
            started.append(proc)
            procs.append(proc)
        _wait_for_workers(address, workers, deadline)
        yield Cluster(address, scheduler, procs)
    finally:
        for proc in reversed(started):
            if proc.poll() is None:
                proc.terminate()
        for proc in started:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


def _wait_for_workers(address: str, count: int, deadline: float) -> None:
    from distributed import Client

    with Client(address, timeout=STARTUP_SECONDS, set_as_default=False) as client:
        client.wait_for_workers(count, timeout=max(1.0, deadline - time.monotonic()))
