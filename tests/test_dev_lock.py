"""The lock of the development dependencies (constraints.txt) and its refresh script.

The refresh is tested for real, offline: pip resolves a small project against wheels made
here, in a folder given with `--no-index --find-links`.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lock_dev_deps",
                                                  REPO / "scripts" / "lock_dev_deps.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lock = _script()


def test_the_lock_pins_every_requirement_within_its_range() -> None:
    reqs = lock.requirements(REPO / "pyproject.toml")
    pins = lock.read_lock(REPO / "constraints.txt")
    assert lock.check(reqs, pins) == []
    for name in ("moto", "boto3", "botocore", "pytest", "ruff", "mypy", "hypothesis",
                 "pre-commit", "flask", "werkzeug"):  # moto[server] pulls in flask
        assert name in pins, name


def test_the_lock_keeps_the_caps() -> None:
    from packaging.requirements import Requirement

    pins = lock.read_lock(REPO / "constraints.txt")
    caps = lock.read_caps(REPO / "constraints.in")
    assert caps, "constraints.in holds no cap"
    for cap in caps:
        req = Requirement(cap)
        assert req.specifier.contains(pins[lock.normalize(req.name)]), cap


def test_check_names_what_is_missing_or_out_of_range() -> None:
    problems = lock.check(["alpha>=2", "beta", "gamma; extra == 'other'"],
                          {"alpha": "1.0"})
    assert problems == ["alpha==1.0 does not satisfy 'alpha>=2'", "beta is not in the lock"]


def _wheel(folder: Path, name: str, version: str, requires: tuple[str, ...] = ()) -> None:
    dist = f"{name}-{version}.dist-info"
    metadata = "".join([f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
                        *(f"Requires-Dist: {r}\n" for r in requires)])
    files = {f"{name}/__init__.py": "",
             f"{dist}/METADATA": metadata,
             f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
                              "Tag: py3-none-any\n"}
    record = "".join(f"{path},,\n" for path in files) + f"{dist}/RECORD,,\n"
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
        archive.writestr(f"{dist}/RECORD", record)


@pytest.mark.slow
def test_the_refresh_resolves_every_dependency_under_the_caps(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    _wheel(wheels, "alpha", "1.0", ("beta>=1",))
    _wheel(wheels, "alpha", "2.0", ("beta>=2", "delta"))
    _wheel(wheels, "beta", "1.5")
    _wheel(wheels, "beta", "2.1")
    _wheel(wheels, "delta", "1.0")
    _wheel(wheels, "gamma", "3.0", ("beta",))
    project = tmp_path / "project"
    project.mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[project]\nname = "demo"\nversion = "1"\ndependencies = ["gamma>=3"]\n'
        '[project.optional-dependencies]\ndev = ["alpha>=1"]\n', encoding="utf-8")
    # the cap keeps alpha 2.0 (and with it delta and beta 2.x) out
    (project / "constraints.in").write_text("# why\nalpha<2\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "lock_dev_deps.py"), "--project",
         str(project), "--", "--no-index", "--find-links", str(wheels)],
        capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    written = project / "constraints.txt"
    assert done.stdout.strip() == f"{written}: 3 packages pinned"
    pins = [line for line in written.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert pins == ["alpha==1.0", "beta==2.1", "gamma==3.0"]
    check = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "lock_dev_deps.py"), "--project",
         str(project), "--check"], capture_output=True, text=True, env=env, timeout=60,
        check=False)
    assert check.returncode == 0, check.stderr


def test_check_fails_on_a_stale_lock(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[project]\nname = "demo"\nversion = "1"\ndependencies = []\n'
        '[project.optional-dependencies]\ndev = ["alpha>=2"]\n', encoding="utf-8")
    (project / "constraints.txt").write_text("alpha==1.0\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "lock_dev_deps.py"), "--project",
         str(project), "--check"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "alpha==1.0 does not satisfy 'alpha>=2'" in done.stderr


@pytest.mark.parametrize("line", ["python3 scripts/lock_dev_deps.py"])
def test_the_refresh_command_is_documented(line: str) -> None:
    assert line in (REPO / "README.md").read_text(encoding="utf-8")
    assert line in (REPO / "scripts" / "lock_dev_deps.py").read_text(encoding="utf-8")
