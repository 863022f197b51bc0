"""How many processes a scan runs on: every core when the scan is large enough to gain,
one for a small scan (pre-commit: no start-up cost), or what --jobs, GOVERN_JOBS or the
configuration's `jobs` says."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.config import CliSettings, resolve_config
from govern.errors import ConfigError
from govern.units.execute import POOL_THRESHOLD_BYTES, available_cores, batches, choose_jobs
from govern.units.plan import Unit


def _units(count: int, cost: int) -> list[Unit]:
    return [Unit("documents", (f"t{i}.yaml",), cost) for i in range(count)]


def test_a_small_scan_stays_in_one_process() -> None:
    assert choose_jobs(_units(40, 1000), None) == 1


def test_a_large_scan_uses_every_core() -> None:
    units = _units(400, POOL_THRESHOLD_BYTES // 100)
    assert choose_jobs(units, None) == min(available_cores(), 400)


def test_what_is_asked_wins_but_never_more_processes_than_units() -> None:
    assert choose_jobs(_units(40, 1000), 3) == 3
    assert choose_jobs(_units(2, 1000), 8) == 2
    assert choose_jobs(_units(40, 1000), 0) == min(available_cores(), 40)


def test_batches_keep_every_unit_once_largest_first() -> None:
    units = sorted(_units(100, 10) + _units(3, 5000), key=lambda u: -u.cost)
    made = batches(units, 2)
    assert [u for batch in made for u in batch] == units
    assert made[0] == (units[0],)  # a large unit is a batch alone


def test_jobs_from_the_file_the_environment_and_the_option(tmp_path: Path) -> None:
    (tmp_path / ".govern.yaml").write_text("jobs: 3\n")
    assert resolve_config((str(tmp_path),), env={}).jobs == 3
    from_env = resolve_config((str(tmp_path),), env={"GOVERN_JOBS": "0"})
    assert (from_env.jobs, from_env.origin("jobs")) == (0, "env GOVERN_JOBS")
    from_cli = resolve_config((str(tmp_path),), CliSettings(jobs=2), env={"GOVERN_JOBS": "0"})
    assert (from_cli.jobs, from_cli.origin("jobs")) == (2, "cli --jobs")


@pytest.mark.parametrize("value", ["-1", "two", "1.5"])
def test_a_bad_jobs_value_is_a_configuration_error(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError, match="GOVERN_JOBS: must be a number of processes"):
        resolve_config((str(tmp_path),), env={"GOVERN_JOBS": value})
    (tmp_path / ".govern.yaml").write_text(f"jobs: {value}\n")
    with pytest.raises(ConfigError, match="jobs"):
        resolve_config((str(tmp_path),), env={})
