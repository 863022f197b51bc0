"""Every rule fixture, in every format, is scanned for real and must match its inline
expectations exactly: nothing expected missing, nothing unexpected reported (the checking
is `govern.rule_tests.check_fixture`, the same code `govern rules test` runs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.engine.expectations import FORMATS, read_expectations
from govern.rule_tests import check_fixture
from tests.conftest import FIXTURES

FIXTURE_DIRS = sorted(p for fmt in FORMATS for p in (FIXTURES / "rules").glob(f"*/{fmt}")
                      if p.is_dir())


def test_there_are_rule_fixtures() -> None:
    assert len([p for p in FIXTURE_DIRS if p.name == "terraform"]) >= 15


@pytest.mark.parametrize("directory", FIXTURE_DIRS,
                         ids=[f"{p.parent.name}/{p.name}" for p in FIXTURE_DIRS])
def test_fixture_matches_inline_expectations(directory: Path) -> None:
    assert read_expectations(directory, directory.name), f"{directory}: no inline expectations"
    assert [f.render() for f in check_fixture(directory, directory.name)] == []
