"""The rule cache: rule files that validated are not validated again until they change; the
cache holds no code and no rule content, so a cache another job can write is harmless."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from govern.engine import rule_cache
from govern.engine.rule_loader import load_rules
from govern.errors import RuleError
from tests.engine.helpers import rule_text, write_rule


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The on-disk cache in a directory of the test's own, without the in-process memo of
    loaded rule sets (which would answer a second load before the disk is read)."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("GOVERN_CACHE_DIR", str(directory))
    monkeypatch.setattr("govern.engine.rule_loader._LOADED", {})
    monkeypatch.setattr("govern.engine.rule_loader._remember",
                        lambda key, ruleset: ruleset)
    return directory


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr("govern.engine.rule_loader._load_and_validate", fail)


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("rules-*.json"))


def test_second_load_skips_validation(tmp_path: Path, cache: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text())
    first = load_rules([str(rules_dir)])
    assert len(_entries(cache)) == 1
    _no_validation(monkeypatch)
    assert load_rules([str(rules_dir)]) == first


def test_an_entry_holds_paths_and_digests_only(tmp_path: Path, cache: Path) -> None:
    rules_dir = tmp_path / "rules"
    path = write_rule(rules_dir, rule_text())
    load_rules([str(rules_dir)])
    doc = json.loads(_entries(cache)[0].read_text())
    assert doc["body"]["files"] == [[str(path), rule_cache.file_digest(path.read_bytes())]]
    assert sorted(doc) == ["body", "digest"]
    assert sorted(doc["body"]) == ["files", "format", "govern", "key"]


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
    assert _entries(cache) == []


def test_a_planted_pickle_never_runs(tmp_path: Path, cache: Path) -> None:
    """What another CI job could write into a shared cache: a pickle that creates a file
    when loaded, under every name the cache uses or used. It is never loaded; the rules
    load as they should."""
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text())
    expected = load_rules([str(rules_dir)], use_cache=False)
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Exploit())
    files = [(str(p), rule_cache.file_digest(p.read_bytes())) for p in rules_dir.rglob("*.yaml")]
    key = rule_cache.cache_key(files)
    assert key is not None
    cache.mkdir()
    for name in (f"rules-{key}.json", f"rules-{key}.pickle"):
        (cache / name).write_bytes(payload)
    assert load_rules([str(rules_dir)]) == expected
    assert not marker.exists()
    assert json.loads((cache / f"rules-{key}.json").read_text())["body"]["key"] == key
    assert not (cache / f"rules-{key}.pickle").exists()  # old entries are removed


def test_an_entry_whose_digest_does_not_match_is_ignored(
        tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text())
    load_rules([str(rules_dir)])
    entry = _entries(cache)[0]
    doc = json.loads(entry.read_text())
    doc["body"]["govern"] = "0.0.0-forged"
    entry.write_text(json.dumps(doc))
    calls: list[int] = []
    real = load_rules.__globals__["_load_and_validate"]

    def counting(*args: object) -> object:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr("govern.engine.rule_loader._load_and_validate", counting)
    load_rules([str(rules_dir)])
    assert calls == [1]  # validated again, and the entry rewritten
    assert json.loads(entry.read_text())["body"]["govern"] != "0.0.0-forged"


def test_a_forged_entry_cannot_change_a_rule(tmp_path: Path, cache: Path) -> None:
    """An entry with a sound digest vouching for the files still supplies no rule content:
    the rules come from the files. Vouching for an invalid file only skips the schema layer;
    the file is then validated for real when it does not compile."""
    rules_dir = tmp_path / "rules"
    path = write_rule(rules_dir, rule_text().replace("op: is_true", "op: is_truthy"))
    files = [(str(path), rule_cache.file_digest(path.read_bytes()))]
    key = rule_cache.cache_key(files)
    assert key is not None
    rule_cache.store(key, files)
    with pytest.raises(RuleError, match="is_truthy"):
        load_rules([str(rules_dir)])


def test_corrupt_or_special_entries_are_a_miss_and_off_disables(
        tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text())
    expected = load_rules([str(rules_dir)])
    entry = _entries(cache)[0]
    for content in (b"not json", b"[" * 100_000, b'{"digest": 1, "body": {}}'):
        entry.write_bytes(content)
        assert load_rules([str(rules_dir)]) == expected
    entry.unlink()
    os.mkfifo(entry)  # would block a plain open()
    assert load_rules([str(rules_dir)]) == expected
    monkeypatch.setenv("GOVERN_CACHE_DIR", "off")
    assert rule_cache.cache_dir() is None


def test_a_change_to_the_kinds_misses_the_cache(tmp_path: Path, cache: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text())
    files = [(str(p), "0" * 64) for p in rules_dir.rglob("*.yaml")]
    before = rule_cache.cache_key(files)
    kinds = str(Path(rule_cache.__file__).resolve().parents[1] / "model" / "kinds.py")
    assert kinds in rule_cache._engine_sources()
    real_stat = os.stat

    def newer(path: str, *args: object, **kwargs: object) -> object:
        result = real_stat(path)
        if path == kinds:
            return os.stat_result((*result[:8], result.st_mtime + 1, result[9]))
        return result

    monkeypatch.setattr(os, "stat", newer)
    assert rule_cache.cache_key(files) != before


def test_a_process_loads_the_same_rules_once(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """In one process (govern serve, a test run), rules whose files are unchanged are
    neither parsed nor compiled again; a changed file is."""
    monkeypatch.setenv("GOVERN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("govern.engine.rule_loader._LOADED", {})
    rules_dir = tmp_path / "rules"
    write_rule(rules_dir, rule_text())
    first = load_rules([str(rules_dir)])
    monkeypatch.setattr("govern.engine.yaml_loader.load_yaml", None)  # not parsed again
    assert load_rules([str(rules_dir)]) is first
    monkeypatch.undo()
    monkeypatch.setenv("GOVERN_CACHE_DIR", str(tmp_path / "cache"))
    write_rule(rules_dir, rule_text().replace("S3 bucket without", "An S3 bucket without"))
    changed = load_rules([str(rules_dir)])
    assert changed is not first
    assert changed.rules[0].meta.title != first.rules[0].meta.title

