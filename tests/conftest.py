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


# Tests that start a server (moto's, govern's admission server) and the slow ones carry a
# marker, so a quick local loop can leave them out (`pytest -m "not server and not slow"`);
# CI runs them all. Tests that ask for `moto_endpoint` start moto's server; property tests
# (hypothesis) are slow.
_SERVER_MODULES = ("tests/admission/test_server.py",)
_SLOW_MODULES = ("tests/test_precommit.py",)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        where = Path(str(item.path)).resolve().relative_to(REPO).as_posix()
        fixtures = getattr(item, "fixturenames", ())
        if "moto_endpoint" in fixtures or where in _SERVER_MODULES:
            item.add_marker(pytest.mark.server)
        generated = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        if where in _SLOW_MODULES or generated:
            item.add_marker(pytest.mark.slow)
