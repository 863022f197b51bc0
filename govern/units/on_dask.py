"""Running a scan's units on a Dask cluster (`--scheduler`, the optional `govern-iac[dask]`).

The units go to the cluster's workers in batches, with the scan's rules as a task of
their own whose result the workers share (recomputed from the task if the worker holding
it dies: scattered data would be lost with it), so custom rule files need not exist on
the workers;
the files to scan must: a worker reads them at the same path, from the same working
directory (a shared volume or the same checkout). A worker that dies mid-scan loses
nothing: the scheduler runs its tasks again elsewhere. A unit whose task fails is a scan
error for that unit, never a silent pass.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Sequence
from typing import Any

from govern.errors import UsageError
from govern.units.execute import Progress, batches
from govern.units.plan import Unit
from govern.units.work import Prepared, ScanJob, UnitResult, run_units, unit_failed

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler
# tcp only: a tls:// scheduler needs certificates govern has no settings for yet
_ADDRESS = re.compile(r"^(?:tcp://)?(?:\[[0-9A-Fa-f:.]+\]|[^\s:/\[\]]+):[0-9]{1,5}$")
_WORKING_DIRECTORY = threading.Lock()  # a task changes its process's working directory


def run_on_dask(units: Sequence[Unit], job: ScanJob, prepared: Prepared, address: str,
                progress: Progress | None = None) -> UnitResult:
    """Every unit's result from the cluster at `address`. UsageError when Dask is not
    installed or the scheduler cannot be reached."""
    from distributed import as_completed

    client = connect(address)
    total = UnitResult()
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        rules = client.submit(_rules, prepared, key=f"govern-rules-{job.key}", pure=False)
        pending = batches(units, workers)
        futures = {client.submit(run_batch, batch, job, rules, key=f"govern-{job.key}-{i}",
                                 pure=False): batch
                   for i, batch in enumerate(pending)}
        for future in as_completed(list(futures),  # type: ignore[no-untyped-call]
                                   loop=client.loop):
            batch = futures[future]
            try:
                result: UnitResult = future.result()
            except Exception as exc:  # the task failed on every worker it was given to
                result = UnitResult(notices=[unit_failed(unit, exc, "its Dask task failed")
                                             for unit in batch], units=len(batch))
            total.add(result)
            if progress is not None:
                progress(result)
    return total


def connect(address: str) -> Any:
    """A `distributed.Client` of the scheduler at `address`. UsageError (exit 2) when Dask
    is not installed, the address is not one, or the scheduler cannot be reached."""
    if not _ADDRESS.match(address):
        raise UsageError(f"--scheduler {address}: not a Dask scheduler address (write "
                         "tcp://HOST:PORT, e.g. tcp://scheduler:8786)")
    try:
        from distributed import Client
    except ImportError as exc:
        raise UsageError("--scheduler needs Dask: install govern-iac[dask] "
                         "(pip install 'govern-iac[dask]')") from exc
    try:
        return Client(address, timeout=CONNECT_TIMEOUT,  # type: ignore[no-untyped-call]
                      set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: "
                         f"{' '.join(str(exc).split()) or type(exc).__name__}") from exc


def _rules(prepared: Prepared) -> Prepared:
    """The scan's rules, as the result of a task (so that Dask can compute it again)."""
    return prepared


def run_batch(batch: Sequence[Unit], job: ScanJob, prepared: Prepared) -> UnitResult:
    """A batch on a Dask worker: in the scan's working directory, with its rules."""
    from govern import __version__

    if job.version != __version__:
        raise RuntimeError(f"this Dask worker runs govern {__version__}, the scan "
                           f"govern {job.version}: install the same version on the workers")
    with _WORKING_DIRECTORY:
        before = os.getcwd()
        os.chdir(job.cwd)
        try:
            return run_units(batch, job, prepared)
        finally:
            os.chdir(before)

