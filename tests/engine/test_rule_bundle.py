"""The bundle of compiled built-in rules beside govern's bytecode: used while the built-in
rule files are unchanged, never for other rule files, written only where Python would write
bytecode, and a corrupt or stale bundle is only a miss."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import govern
from govern.engine import rule_bundle
from govern.engine.rule_loader import load_rules
from govern.errors import RuleError
from tests.engine.helpers import rule_text, write_rule


@pytest.fixture
def builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built-in rules directory of one rule, a bundle directory and a rule cache of the
    test's own, bytecode writing on, and no in-process memo of loaded rule sets."""
    rules = tmp_path / "builtin"
    write_rule(rules, rule_text())
    monkeypatch.setattr("govern.engine.rule_loader.default_rules_dir", lambda: str(rules))
    monkeypatch.setattr(rule_bundle, "bundle_dir", lambda: tmp_path / "pycache")
    monkeypatch.setenv("GOVERN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr("govern.engine.rule_loader._LOADED", {})
    monkeypatch.setattr("govern.engine.rule_loader._remember", lambda key, ruleset: ruleset)
    monkeypatch.setattr("govern.engine.rule_loader._BUNDLED", _Forgetful())
    return rules


class _Forgetful(dict):  # type: ignore[type-arg]
    """The in-process memo of bundled rules, which keeps nothing: every load reads the
    bundle on disk (test_a_process_unpickles_once checks the memo itself)."""

    def __setitem__(self, key: object, value: object) -> None:
        return None


def _bundles(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "pycache").glob("builtin-rules-*.pickle"))


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("rule files read again")

    monkeypatch.setattr("govern.engine.rule_loader._read_sources", fail)


def test_the_bytecode_directory_holds_it() -> None:
    init = Path(govern.__file__).resolve()
    assert rule_bundle.bundle_dir() == Path(importlib.util.cache_from_source(str(init))).parent


def test_second_load_comes_from_the_bundle(builtin: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_rules([str(builtin)])
    assert len(_bundles(tmp_path)) == 1
    _no_reading(monkeypatch)
    assert load_rules([str(builtin)]) == first


def test_a_changed_builtin_file_is_read_and_validated_again(
        builtin: Path, tmp_path: Path) -> None:
    load_rules([str(builtin)])
    (path,) = builtin.glob("*.yaml")
    path.write_text(path.read_text().replace("severity: high", "severity: severe"))
    with pytest.raises(RuleError, match="severity"):
        load_rules([str(builtin)])
    path.write_text(path.read_text().replace("severity: severe", "severity: low"))
    assert load_rules([str(builtin)]).rules[0].meta.severity == "low"


def test_a_new_builtin_file_misses_the_bundle(builtin: Path) -> None:
    load_rules([str(builtin)])
    write_rule(builtin, rule_text(id="GOV-AWS-002", slug="second-rule"))
    assert load_rules([str(builtin)]).ids() == ["GOV-AWS-001", "GOV-AWS-002"]


def test_custom_rules_are_loaded_beside_it_and_never_bundled(
        builtin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_rules([str(builtin)])
    bundle = _bundles(tmp_path)[0].read_bytes()
    custom = tmp_path / "custom"
    write_rule(custom, rule_text(id="ACME-AWS-001"))
    assert load_rules([str(builtin), str(custom)]).ids() == ["ACME-AWS-001", "GOV-AWS-001"]
    assert _bundles(tmp_path)[0].read_bytes() == bundle  # the bundle holds built-in rules
    # checks across the two still run: a custom rule may not take a built-in id
    write_rule(custom, rule_text(id="GOV-AWS-001", slug="other-slug"))
    with pytest.raises(RuleError, match="reserved for govern's built-in rules"):
        load_rules([str(builtin), str(custom)])


def test_a_custom_rule_reusing_a_builtin_alias_is_refused(builtin: Path, tmp_path: Path) -> None:
    (path,) = builtin.glob("*.yaml")
    path.write_text(rule_text(id="GOV-AWS-009") + "aliases: [ACME-AWS-001]\n")
    load_rules([str(builtin)])
    custom = tmp_path / "custom"
    write_rule(custom, rule_text(id="ACME-AWS-001"))
    with pytest.raises(RuleError, match="duplicate id ACME-AWS-001"):
        load_rules([str(builtin), str(custom)])


def test_not_written_without_bytecode_or_with_the_cache_off(
        builtin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    load_rules([str(builtin)])
    assert _bundles(tmp_path) == []
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setenv("GOVERN_CACHE_DIR", "off")
    load_rules([str(builtin)])
    assert _bundles(tmp_path) == []


def test_a_corrupt_bundle_is_a_miss(builtin: Path, tmp_path: Path) -> None:
    expected = load_rules([str(builtin)])
    (bundle,) = _bundles(tmp_path)
    for content in (b"", b"not a pickle", bundle.read_bytes()[:100]):
        bundle.write_bytes(content)
        assert load_rules([str(builtin)]) == expected


def test_a_process_unpickles_once(builtin: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("govern.engine.rule_loader._BUNDLED", {})
    first = load_rules([str(builtin)])  # written
    second = load_rules([str(builtin)])  # read from the bundle, and remembered
    assert second == first
    monkeypatch.setattr(rule_bundle, "lookup", None)  # would fail if called
    assert load_rules([str(builtin)]).rules is second.rules


def test_use_cache_false_never_uses_it(builtin: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    load_rules([str(builtin)])
    monkeypatch.setattr(rule_bundle, "lookup", None)  # would fail if called
    assert load_rules([str(builtin)], use_cache=False).ids() == ["GOV-AWS-001"]
