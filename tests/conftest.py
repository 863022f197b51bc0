"""Shared test helpers: the repository layout and a real scan of a directory."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
SHARED = REPO.parent / "shared"


@pytest.fixture
def repo() -> Path:
    return REPO


def pytest_configure(config: pytest.Config) -> None:
    """Tests never write the rule cache into the user's home; a session directory instead."""
    import os
    import tempfile

    os.environ.setdefault("GOVERN_CACHE_DIR", tempfile.mkdtemp(prefix="govern-test-cache-"))
