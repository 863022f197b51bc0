"""How govern scales: wall time, CPU and peak memory on a synthetic monorepo.

    python benchmarks/scale.py [--sizes 1000,10000,50000] [--modes one,all]
                               [--fleet 200] [--workdir DIR] [--repeat N]

The monorepo is built here (hard links where the file system allows, so 50k files cost
little space) from the repository's `fixtures/` and the corpora in `../shared/corpus/`:
whole projects are copied, round robin, into `repo-NNNN-<name>/` until the tree holds at
least SIZE IaC files (`.tf`, `.tf.json`, `.json`, `.yaml`, `.yml`, `.template`). Every
copy keeps its layout, so Terraform roots still call their local modules and templates
keep their parameter files.

Modes: `one` is `--jobs 1`; `all` is every core (`--jobs 0`); `dask` is a local Dask
cluster of two workers (`--scheduler`), when govern-iac[dask] is installed: its scheduler's
and workers' CPU time and memory are counted with the scan's. `--fleet N`
scans N small repositories (projects of the fixtures) named on one command line.

For each size and mode it prints the wall time, the CPU time, the cost per thousand files
and the peak memory of the whole process tree (the scan and its workers, sampled from
/proc every 20 ms: the sum of their proportional set sizes, so that the pages a forked
worker shares with the scan count once; Linux only, else the largest single process).
Timings come from this machine: compare runs of the same machine only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus"
SUFFIXES = (".tf", ".json", ".yaml", ".yml", ".template")


@dataclass(frozen=True)
class Project:
    name: str
    path: Path
    files: int


@dataclass(frozen=True)
class Measure:
    wall: float
    cpu: float
    peak_rss_mb: float
    exit_code: int


def projects() -> list[Project]:
    """The projects a synthetic tree is made of: each corpus, and each top-level project
    of the repository's fixtures."""
    corpora: list[Project] = []
    if CORPUS.is_dir():
        for entry in sorted(CORPUS.iterdir()):
            if entry.is_dir():
                corpora.append(Project(entry.name, entry, count_files(entry)))
    fixtures: list[Project] = []
    for base in (REPO / "fixtures" / "examples", REPO / "fixtures" / "rules"):
        if base.is_dir():
            for entry in sorted(base.iterdir()):
                if entry.is_dir():
                    fixtures.append(Project(f"{base.name}-{entry.name}", entry,
                                            count_files(entry)))
    return [p for p in interleaved(corpora, fixtures) if p.files]


def interleaved(few: Sequence[Project], many: Sequence[Project]) -> list[Project]:
    """`many` with `few` spread evenly among them, so that any long enough run of the
    round robin holds the same mix as the whole."""
    out: list[Project] = []
    step = max(1, len(many) // max(1, len(few)))
    pending = list(few)
    for index, project in enumerate(many):
        if pending and index % step == 0:
            out.append(pending.pop(0))
        out.append(project)
    return out + pending


def count_files(root: Path) -> int:
    return sum(1 for _ in iac_files(root))


def iac_files(root: Path) -> Iterator[Path]:
    for directory, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.endswith(SUFFIXES):
                yield Path(directory) / name


def build_tree(target: Path, size: int, sources: Sequence[Project]) -> int:
    """Copies of `sources`, round robin, under `target` until it holds `size` IaC files;
    the number it holds."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    total = 0
    index = 0
    while total < size:
        project = sources[index % len(sources)]
        shutil.copytree(project.path, target / f"repo-{index:04d}-{project.name}",
                        copy_function=_link_or_copy, symlinks=True)
        total += project.files
        index += 1
    return total


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def measure(command: Sequence[str], on_cluster: bool = False) -> Measure:
    """Run `command` (output discarded), sampling the memory of its process tree, and
    with `on_cluster` of the local Dask cluster's processes too (their CPU time also)."""
    started = time.perf_counter()
    before = os.times()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()
    cluster = _CLUSTER_PIDS if on_cluster else []
    cluster_before = _cluster_cpu(cluster)

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(process.pid, *cluster))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user
           + after.children_system - before.children_system
           + _cluster_cpu(cluster) - cluster_before)
    if process.returncode not in (0, 1, 3):
        sys.stderr.write(errors.decode(errors="replace")[-2000:])
    return Measure(wall, cpu, peak[0] / 1024, process.returncode)


def tree_rss(*pids: int) -> int:
    """Memory (KiB) of `pids` and their descendants, from /proc (0 elsewhere): the sum of
    their proportional set sizes (`_proportional`)."""
    rss: dict[int, int] = {}
    members = _tree(pids, rss)
    return sum(_proportional(m, rss.get(m, 0)) for m in members)


def _tree(pids: Sequence[int], rss: dict[int, int] | None = None) -> set[int]:
    """`pids` and their descendants (from /proc; empty elsewhere); `rss` is given each
    one's resident size (KiB)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return set()
    parents: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry.name)] = int(fields.get("PPid", "0").strip() or 0)
        if rss is not None:
            rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0])
    members = set(pids)
    changed = True
    while changed:
        changed = False
        for child, parent in parents.items():
            if parent in members and child not in members:
                members.add(child)
                changed = True
    return members


def _proportional(pid: int, rss: int) -> int:
    """The proportional set size (KiB) of `pid`: its resident pages, each page shared with
    other processes (a forked worker shares the pages of the scan it was forked from)
    counted as its share. Summing resident sizes would count those pages once per worker.
    `rss` when the kernel does not say (no smaps_rollup)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return rss
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return rss


def govern_command(paths: Sequence[str], extra: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "govern", "scan", *paths, "--format", "sarif",
            "--output", os.devnull, *extra]


MODES = {"one": ["--jobs", "1"], "all": ["--jobs", "0"]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000",
                        help="IaC files in each tree, comma separated")
    parser.add_argument("--modes", default="one,all", help="one, all, dask (comma separated)")
    parser.add_argument("--fleet", type=int, default=0, metavar="N",
                        help="also scan N small repositories on one command line")
    parser.add_argument("--workdir", default=None, help="where to build the trees "
                        "(default: a temporary directory, removed after)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measure (best)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    modes = [m for m in args.modes.split(",") if m]
    unknown = [m for m in modes if m not in (*MODES, "dask")]
    if unknown:
        parser.error(f"unknown mode {unknown[0]} (one, all, dask)")
    sources = projects()
    if not sources:
        parser.error("no fixtures or corpora found to build a tree from")
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="govern-scale-"))
    print(f"govern scale benchmark: {os.cpu_count()} cores, Python "
          f"{sys.version.split()[0]}, {len(sources)} projects to copy from")
    print(f"{'files':>7} {'mode':>5} {'wall s':>8} {'cpu s':>8} {'s/1k files':>10} "
          f"{'peak MB':>8} exit")
    cluster = local_dask_cluster(work / "dask") if "dask" in modes else nullcontext()
    try:
        cluster.__enter__()
        for size in sizes:
            tree = work / f"mono-{size}"
            files = build_tree(tree, size, sources)
            for mode in modes:
                _report(files, mode, [str(tree)], args.repeat)
        if args.fleet:
            small = sorted((p for p in sources if p.files <= 20), key=lambda p: p.name)
            fleet = work / "fleet"
            if fleet.exists():
                shutil.rmtree(fleet)
            repos = []
            for index in range(args.fleet):
                project = small[index % len(small)]
                repo = fleet / f"repo-{index:04d}"
                shutil.copytree(project.path, repo, copy_function=_link_or_copy)
                repos.append(str(repo))
            files = sum(count_files(Path(r)) for r in repos)
            for mode in modes:
                _report(files, f"fleet-{mode}", repos, args.repeat)
    finally:
        cluster.__exit__(None, None, None)
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _report(files: int, mode: str, paths: list[str], repeat: int) -> None:
    base = mode.removeprefix("fleet-")
    if base == "dask":
        extra = dask_arguments()
        if extra is None:
            print(f"{files:>7} {mode:>5} (skipped: govern-iac[dask] is not installed)")
            return
    else:
        extra = MODES[base]
    best = min((measure(govern_command(paths, extra), on_cluster=base == "dask")
                for _ in range(repeat)), key=lambda m: m.wall)
    print(f"{files:>7} {mode:>5} {best.wall:>8.2f} {best.cpu:>8.2f} "
          f"{best.wall / files * 1000:>10.3f} {best.peak_rss_mb:>8.0f} {best.exit_code}",
          flush=True)


_CLUSTER: list[str] = []  # the address of the local Dask cluster, once started
_CLUSTER_PIDS: list[int] = []  # its scheduler and workers: their memory and CPU count too


def _cluster_cpu(pids: Sequence[int]) -> float:
    """CPU seconds the local Dask cluster's processes `pids` (its nannies' workers too)
    have used so far (from /proc; 0 elsewhere): they are not waited for, so `os.times`
    does not count them."""
    total = 0.0
    for pid in _tree(pids) if pids else ():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def dask_arguments() -> list[str] | None:
    """The options that send a scan to the local Dask cluster (None without Dask)."""
    return ["--scheduler", _CLUSTER[0]] if _CLUSTER else None


@contextmanager
def local_dask_cluster(directory: Path, workers: int = 2) -> Iterator[None]:
    """`dask scheduler` and `workers` `dask worker` processes (one thread each) on
    127.0.0.1 while the block runs; nothing when Dask is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        yield
        return
    directory.mkdir(parents=True, exist_ok=True)
    scheduler_file = directory / "scheduler.json"
    scheduler_file.unlink(missing_ok=True)
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [subprocess.Popen(
        [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address",
         "127.0.0.1:0", "--scheduler-file", str(scheduler_file)], **quiet)]  # type: ignore[call-overload]
    try:
        for _ in range(600):
            if scheduler_file.exists():
                break
            time.sleep(0.1)
        time.sleep(0.3)
        address = json.loads(scheduler_file.read_text())["address"]
        for index in range(workers):
            processes.append(subprocess.Popen(  # type: ignore[call-overload]
                [*dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                 "--no-dashboard", "--name", f"w{index}", "--local-directory",
                 str(directory / "scratch")], cwd=directory, **quiet))
        from distributed import Client

        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)
        _CLUSTER.append(address)
        _CLUSTER_PIDS.extend(process.pid for process in processes)
        yield
    finally:
        _CLUSTER.clear()
        _CLUSTER_PIDS.clear()
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    sys.exit(main())
