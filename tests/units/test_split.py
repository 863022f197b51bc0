"""A scan's report is the same bytes however it was split into units and however many
processes ran them, and the same findings as judging one graph of everything."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from govern.config import Config
from govern.config.apply import select_rules
from govern.discover import discover
from govern.engine.evaluate import evaluate_counted
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.model.finding import ScanReport
from govern.report import render
from govern.scan import ScanOptions, build_graph, report_root, run_scan
from govern.units import plan as unit_plan
from tests.conftest import SHARED

REPO = Path(__file__).resolve().parents[2]
CORPORA = sorted(p for p in (SHARED / "corpus").glob("*") if p.is_dir()) \
    if (SHARED / "corpus").is_dir() else []
TREES = [REPO / "fixtures" / "examples", *CORPORA]


def _bytes(report: ScanReport) -> tuple[str, str]:
    """SARIF and JSON of `report`, the elapsed time left out (it differs run to run)."""
    still = dataclasses.replace(report, stats=dataclasses.replace(report.stats, seconds=0.0))
    return render("sarif", still), render("json", still)


def _scan(tree: Path, jobs: int) -> ScanReport:
    return run_scan(ScanOptions(paths=(str(tree),), config=Config(jobs=jobs))).report


@pytest.mark.parametrize("tree", TREES, ids=lambda p: p.name)
def test_the_same_bytes_with_one_process_and_a_pool(tree: Path) -> None:
    one = _scan(tree, 1)
    assert one.findings, "a tree with nothing to find proves nothing"
    assert _bytes(_scan(tree, 2)) == _bytes(one)


@pytest.mark.parametrize("tree", TREES[:3], ids=lambda p: p.name)
def test_the_same_bytes_with_units_of_one_document(tree: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    grouped = _scan(tree, 1)
    monkeypatch.setattr(unit_plan, "DOCUMENTS_PER_UNIT", 1)
    assert _bytes(_scan(tree, 1)) == _bytes(grouped)


@pytest.mark.parametrize("tree", TREES, ids=lambda p: p.name)
def test_the_findings_of_one_graph(tree: Path) -> None:
    """The units' findings (scan-wide rules judged on all units' resources) are the ones
    of every rule judged on one graph of every resource."""
    paths = (str(tree),)
    report = run_scan(ScanOptions(paths=paths)).report
    built = build_graph(discover(paths), ScanOptions(paths=paths))
    active = select_rules(Config(), load_rules([default_rules_dir()]))
    root = report_root(paths)
    whole, evaluated = evaluate_counted(built.graph, active, base_dir=root)
    assert [f.fingerprint for f in report.findings] == [f.fingerprint for f in whole]
    assert report.evaluated == evaluated
    assert report.stats.resources == len(built.graph)


def test_no_corpus_is_not_a_silent_pass() -> None:
    """The corpora are optional, the repository's examples are not."""
    assert os.path.isdir(TREES[0])
