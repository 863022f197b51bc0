#!/usr/bin/env python3
"""Benchmark govern on the real-world corpora, and compare with Checkov in the same run.

    python benchmarks/bench.py [--govern PATH] [--checkov PATH] [--repeat N]
                               [--against DIR] [CORPUS...]

Prints, per corpus: wall time (best of N), peak memory (max RSS of the process), files/s and
resources/s (counts from govern's JSON summary), and, when a Checkov executable is given
(or found beside govern as ../checkov-venv/bin/checkov), Checkov's wall time on the same
input and the ratio. Also times `govern --version` (start-up). Nothing here is a test:
timings never go into the test suite.

`--against DIR` also times an earlier govern from its source tree DIR (for example
`git worktree add /tmp/govern-base 4627bb6`), run as `python -P -m govern` with DIR on
`PYTHONPATH` and its own rule cache, interleaved with the current one (same machine, same
minute: a regression shows as a ratio, free of the machine's drift between days).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus"
READ_FRAMEWORKS = {"terraform"}  # the formats govern reads today; name others to run them
CHECKOV_FRAMEWORK = {
    "terragoat": "terraform",
    "terraform-aws-eks": "terraform",
    "terraform-azurerm-caf-enterprise-scale": "terraform",
    "aws-cloudformation-templates": "cloudformation",
    "azure-docs-json-samples": "arm",
    "azurestack-quickstart-templates": "arm",
}


# Bytecode as an installed package has it: an editable install under
# PYTHONDONTWRITEBYTECODE=1 would otherwise recompile govern on every run.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(cmd: list[str], timeout: float | None = None,
            env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run `cmd` in a child of a fresh helper process; return (seconds, peak MiB, exit).
    Past `timeout` seconds the command is killed and the exit is -9."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "try:\n"
        f"    rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, "
        f"stderr=subprocess.DEVNULL, timeout={timeout!r})\n"
        "except subprocess.TimeoutExpired:\n"
        "    rc = -9\n"
        "s = time.perf_counter() - t\n"
        "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps([s, kb / 1024, rc]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True,
                         check=True, env=env or _ENV)
    seconds, mib, rc = json.loads(out.stdout)
    return float(seconds), float(mib), int(rc)


def best_of(cmd: list[str], repeat: int, timeout: float | None = None,
            env: dict[str, str] | None = None) -> tuple[float, float, int]:
    runs = [measure(cmd, timeout, env) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def against_env(source: Path) -> dict[str, str]:
    """The environment that runs the govern of the source tree `source`."""
    cache = Path(tempfile.gettempdir()) / f"govern-bench-cache-{abs(hash(str(source)))}"
    return dict(_ENV, PYTHONPATH=str(source), GOVERN_CACHE_DIR=str(cache))


def govern_counts(govern: str, target: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.json"
        subprocess.run([govern, "scan", str(target), "--format", "json", "--output", str(out),
                        "--fail-on", "none"], capture_output=True, check=False)
        if not out.exists():
            return {}
        summary: dict[str, object] = json.loads(out.read_text())["summary"]
        return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("corpora", nargs="*",
                        help="corpus folder names (default: those in a format govern reads)")
    default_govern = shutil.which("govern") or str(REPO / ".venv/bin/govern")
    parser.add_argument("--govern", default=default_govern)
    parser.add_argument("--checkov", default=None,
                        help="a checkov executable to compare with ('none': do not run it)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, default=None,
                        help="an earlier govern's source tree to time in the same run")
    parser.add_argument("--checkov-timeout", type=float, default=600.0,
                        help="stop Checkov after this many seconds (the ratio is then a "
                        "lower bound, shown with '>')")
    args = parser.parse_args()

    checkov = args.checkov
    if checkov is None:
        candidate = REPO.parent / "checkov-venv" / "bin" / "checkov"
        checkov = str(candidate) if candidate.exists() else None
    elif checkov == "none":
        checkov = None
    elif shutil.which(checkov) is None:
        print(f"--checkov {checkov}: no such executable (give its path, or 'none')",
              file=sys.stderr)
        return 2
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    names = args.corpora or sorted(name for name, framework in CHECKOV_FRAMEWORK.items()
                                   if framework in READ_FRAMEWORKS and (CORPUS / name).is_dir())

    measure([args.govern, "scan", str(HERE)])  # warm-up: writes bytecode once
    base = [sys.executable, "-P", "-m", "govern"]  # -P: not the current directory's govern
    base_env = against_env(args.against.resolve()) if args.against else None
    if base_env is not None:
        measure([*base, "scan", str(HERE)], env=base_env)
    t, _, _ = best_of([args.govern, "--version"], max(args.repeat, 5))
    print(f"govern --version: {t:.3f} s (best of {max(args.repeat, 5)})")
    if checkov:
        t, _, _ = best_of([checkov, "--version"], 1)
        print(f"checkov --version: {t:.3f} s")
    print()
    header = (f"{'corpus':40} {'govern s':>9} {'peak MiB':>9} {'files/s':>9} "
              f"{'res/s':>9} {'exit':>4}")
    if base_env is not None:
        header += f" {'before s':>9} {'change':>7}"
    if checkov:
        header += f" {'checkov s':>10} {'ratio':>7}"
    print(header)
    for name in names:
        target = CORPUS / name
        if not target.is_dir():
            print(f"{name:40} (missing)")
            continue
        scan = ["scan", str(target), "--format", "json", "--output", os.devnull,
                "--fail-on", "none"]
        seconds, mib, rc, before = float("inf"), 0.0, 0, float("inf")
        for _ in range(args.repeat):  # interleaved with the earlier govern, when given
            s_, m_, rc = measure([args.govern, *scan])
            seconds, mib = min(seconds, s_), max(mib, m_)
            if base_env is not None:
                before = min(before, measure([*base, *scan], env=base_env)[0])
        summary = govern_counts(args.govern, target)
        files = int(str(summary.get("files", 0)))
        resources_ = int(str(summary.get("resources", 0)))
        line = (f"{name:40} {seconds:9.2f} {mib:9.1f} {files / seconds:9.0f} "
                f"{resources_ / seconds:9.0f} {rc:>4}")
        if base_env is not None:
            line += f" {before:9.2f} {(seconds / before - 1) * 100:+6.0f}%"
        if checkov:
            framework = CHECKOV_FRAMEWORK.get(name, "all")
            c_seconds, _, c_rc = best_of([checkov, "-d", str(target), "--framework",
                                          framework, "--quiet", "--compact", "-o", "json",
                                          "--skip-download"], 1, args.checkov_timeout)
            bound = ">" if c_rc == -9 else " "
            line += f" {bound}{c_seconds:9.2f} {bound}{c_seconds / seconds:5.1f}x"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"\n(benchmark took {time.perf_counter() - start:.0f} s)")
    sys.exit(code)
