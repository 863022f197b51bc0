"""Running a scan's units: in this process, or on a local pool of processes, and merging
their results into one (the same bytes however the units were run).

The pool starts only when the scan is large enough to gain from it (`choose_jobs`): a
pre-commit run over a few files stays in one process, with no start-up cost. Units go to
the workers in batches, the largest first; results are added up as they come (each unit
sends its findings, not its graph). A worker that dies (killed, out of memory) loses no
unit: the units not finished run again (`_on_pool`), and only a unit that kills the
worker reading it alone is reported, as a scan error for that unit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from govern.engine.evaluate import evaluate_bound, finding_order
from govern.model.graph import ResourceGraph
from govern.units.garbage import frozen_for_workers, pool_worker
from govern.units.plan import Unit
from govern.units.work import Prepared, ScanJob, UnitResult, run_units, unit_failed

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

# a scan whose files hold fewer bytes than this runs in one process (a worker's start
# and the transfer of results cost more than the work they would share). On two cores:
# azure-docs-json-samples (0.5 MB) took 0.28 s on two processes against 0.25 s on one;
# aws-cloudformation-templates (3.1 MB) 0.45 s against 0.60 s.
POOL_THRESHOLD_BYTES = 1024 * 1024
_BATCHES_PER_WORKER = 16
_MAX_BATCH_UNITS = 64

Progress = Callable[[UnitResult], None]  # told each result as it comes


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def choose_jobs(units: Sequence[Unit], requested: int | None) -> int:
    """How many processes run `units`: `requested` (`--jobs`, 0 = every core) when
    given, else every core when the scan is large enough to gain, else 1."""
    if requested is not None:
        jobs = available_cores() if requested == 0 else requested
    elif sum(u.cost for u in units) >= POOL_THRESHOLD_BYTES:
        jobs = available_cores()
    else:
        jobs = 1
    return max(1, min(jobs, len(units)))


def run_all(units: Sequence[Unit], job: ScanJob, jobs: int,
            progress: Progress | None = None) -> UnitResult:
    """Every unit's result, added up (in no particular order: `merged` orders them);
    `progress` is told each result as it comes."""
    if jobs <= 1:
        total = UnitResult()
        for unit in units:
            result = run_units([unit], job)
            total.add(result)
            if progress is not None:
                progress(result)
        return total
    return _on_pool(units, job, jobs, progress)


def merged(total: UnitResult, job: ScanJob, prepared: Prepared) -> UnitResult:
    """`total` with the scan-wide rules judged on every unit's shared resources, the
    findings in report order and the counts in rule order."""
    if prepared.wide:
        graph = ResourceGraph()
        for part in total.shared:
            for resource in part.resources:
                if resource.id not in graph:
                    graph.add(resource)
            for edge in part.edges:
                graph.connect(edge)
        findings, evaluated = evaluate_bound(graph, prepared.wide, job.base_dir,
                                             total.notices)
        total.findings.extend(findings)
        total.evaluated.update(evaluated)
    total.findings.sort(key=finding_order)
    total.evaluated = {rule_id: total.evaluated.get(rule_id, 0)
                       for rule_id in prepared.rule_ids}
    total.shared = []
    return total


def batches(units: Sequence[Unit], jobs: int) -> list[tuple[Unit, ...]]:
    """`units` (largest first) in batches of about the same cost, many per worker so that
    the last ones balance the load; a large unit is a batch alone."""
    target = max(1, sum(u.cost for u in units) // (jobs * _BATCHES_PER_WORKER))
    out: list[tuple[Unit, ...]] = []
    current: list[Unit] = []
    cost = 0
    for unit in units:
        current.append(unit)
        cost += unit.cost
        if cost >= target or len(current) >= _MAX_BATCH_UNITS:
            out.append(tuple(current))
            current, cost = [], 0
    if current:
        out.append(tuple(current))
    return out


def _on_pool(units: Sequence[Unit], job: ScanJob, jobs: int,
             progress: Progress | None) -> UnitResult:
    """The units on a pool. When a worker dies, every task the pool had not finished is
    lost with it: those units run again one per task on a fresh pool, and the ones lost
    again each alone in a pool of its own, so that only a unit that kills its own worker
    is reported (the others' results are the ones they would have had)."""
    total = UnitResult()
    lost = _pool_pass(batches(units, jobs), job, jobs, total, progress)
    if lost:
        lost = _pool_pass([(u,) for batch in lost for u in batch], job, jobs, total, progress)
    for batch in lost:
        if _pool_pass([batch], job, 1, total, progress):
            (unit,) = batch
            total.add(UnitResult(notices=[unit_failed(
                unit, RuntimeError("the process reading it ended abruptly, three times"),
                "the worker process reading it died")], units=1))
    return total


def _pool_pass(pending: list[tuple[Unit, ...]], job: ScanJob, jobs: int, total: UnitResult,
               progress: Progress | None) -> list[tuple[Unit, ...]]:
    """Run `pending` on a fresh pool, adding results to `total`; the batches lost with a
    worker that died."""
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only for a pool
    from concurrent.futures.process import BrokenProcessPool

    lost: list[tuple[Unit, ...]] = []
    with frozen_for_workers(), ProcessPoolExecutor(max_workers=min(jobs, len(pending)),
                                                   mp_context=_context(),
                                                   initializer=pool_worker) as pool:
        futures: dict[Future[UnitResult], tuple[Unit, ...]] = {
            pool.submit(run_units, batch, job): batch for batch in pending}
        for future in as_completed(futures):
            try:
                result = future.result()
            except BrokenProcessPool:
                lost.append(futures[future])
                continue
            except Exception as exc:  # the task itself failed (its result would not pickle)
                batch = futures[future]
                result = UnitResult(notices=[unit_failed(unit, exc, "its worker task failed")
                                             for unit in batch], units=len(batch))
            total.add(result)
            if progress is not None:
                progress(result)
    lost.sort(key=lambda batch: pending.index(batch))
    return lost


def _context() -> BaseContext:
    """Fork where it is safe (Linux): workers start at once with the rules already
    prepared; elsewhere the platform's default (workers load the rules themselves)."""
    import multiprocessing

    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
