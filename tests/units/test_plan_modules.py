"""Planning keeps, for the units, only the Terraform modules more than one unit reads:
a scan of many repositories does not hold every module it read until it ends."""

from __future__ import annotations

import os
from pathlib import Path

from govern.discover import discover
from govern.parsers.terraform.module_loader import ModuleLoader, SharedModules
from govern.units.plan import plan_units

_CALLS = 'module "{name}" {{\n  source = "{source}"\n}}\n'


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_only_modules_of_several_units_are_kept(tmp_path: Path) -> None:
    # two roots call `modules/shared`; only `one` calls `modules/own`, which calls `leaf`
    _write(tmp_path / "one" / "main.tf", _CALLS.format(name="s", source="../modules/shared")
           + _CALLS.format(name="o", source="../modules/own"))
    _write(tmp_path / "two" / "main.tf", _CALLS.format(name="s", source="../modules/shared"))
    _write(tmp_path / "modules" / "shared" / "main.tf", 'resource "aws_s3_bucket" "b" {}\n')
    _write(tmp_path / "modules" / "own" / "main.tf", _CALLS.format(name="l", source="../leaf"))
    _write(tmp_path / "modules" / "leaf" / "main.tf", 'resource "aws_sqs_queue" "q" {}\n')
    plan = plan_units(discover([str(tmp_path)]))
    assert plan.modules is not None
    shared = os.path.abspath(tmp_path / "modules" / "shared")
    assert plan.modules.reused == {shared}
    # `one`, `two` and `own` were parsed to plan (they call modules); none is kept
    assert set(plan.modules.modules) <= {shared}
    assert sorted(len(u.paths) for u in plan.units) == [2, 4]


def test_a_loader_keeps_only_reused_modules(tmp_path: Path) -> None:
    for name in ("kept", "own"):
        _write(tmp_path / name / "main.tf", 'resource "aws_s3_bucket" "b" {}\n')
    kept = os.path.abspath(tmp_path / "kept")
    store = SharedModules(reused={kept})
    first = ModuleLoader(shared=store)
    module = first.load(str(tmp_path / "kept"))
    first.load(str(tmp_path / "own"))
    assert list(store.modules) == [kept]
    assert ModuleLoader(shared=store).load(str(tmp_path / "kept")) is module  # not read again
    everything = SharedModules()  # planning: every module is kept
    ModuleLoader(shared=everything).load(str(tmp_path / "own"))
    assert list(everything.modules) == [os.path.abspath(tmp_path / "own")]
