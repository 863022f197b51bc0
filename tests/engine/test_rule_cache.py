"""The rule cache: a validated rule set is reused until any input changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.engine import rule_cache
from govern.engine.rule_loader import load_rules
from govern.errors import RuleError
from tests.engine.helpers import rule_text, write_rule


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("GOVERN_CACHE_DIR", str(directory))
    return directory


def test_second_load_comes_from_the_cache(tmp_path: Path, cache: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text())
    first = load_rules([str(rules_dir)])
    assert len(list(cache.glob("rules-*.pickle"))) == 1

    def no_validation(*args: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr("govern.engine.rule_loader._load_and_validate", no_validation)
    assert load_rules([str(rules_dir)]) == first


def test_a_changed_rule_file_is_validated_again(tmp_path: Path, cache: Path) -> None:
    rules_dir = tmp_path / "rules"
    path = write_rule(rules_dir, rule_text())
    load_rules([str(rules_dir)])
    path.write_text(path.read_text().replace("severity: high", "severity: severe"))
    with pytest.raises(RuleError, match="severity"):
        load_rules([str(rules_dir)])


def test_invalid_rules_are_never_cached(tmp_path: Path, cache: Path) -> None:
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text().replace("severity: high", "severity: severe"))
    for _ in range(2):
        with pytest.raises(RuleError):
            load_rules([str(rules_dir)])
    assert list(cache.glob("rules-*.pickle")) == []


def test_corrupt_cache_is_a_miss_and_off_disables(tmp_path: Path, cache: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text())
    expected = load_rules([str(rules_dir)])
    for entry in cache.glob("rules-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert load_rules([str(rules_dir)]) == expected
    monkeypatch.setenv("GOVERN_CACHE_DIR", "off")
    assert rule_cache.cache_dir() is None


def test_a_change_to_the_kinds_misses_the_cache(tmp_path: Path, cache: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text())
    files = [str(p) for p in rules_dir.rglob("*.yaml")]
    before = rule_cache.cache_key(files)
    kinds = Path(rule_cache.__file__).resolve().parents[1] / "model" / "kinds.py"
    real_stat = Path.stat

    def newer(self: Path, *args: object, **kwargs: object) -> object:
        result = real_stat(self)
        if self == kinds:
            import os

            return os.stat_result((*result[:8], result.st_mtime + 1, result[9]))
        return result

    monkeypatch.setattr(Path, "stat", newer)
    assert rule_cache.cache_key(files) != before
