"""Compliance mappings of rules: every built-in rule's are valid; bad ones are load errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.compliance.catalogues import FRAMEWORK_KEYS, control_ids
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.errors import RuleError
from tests.engine.helpers import RULE, write_rule


def test_every_builtin_mapping_is_valid() -> None:
    rules = load_rules([default_rules_dir()], use_cache=False)
    for rule in rules:
        for key, ids in rule.compliance.items():
            assert key in FRAMEWORK_KEYS, (rule.id, key)
            assert set(ids) <= control_ids(key), (rule.id, key, ids)


def test_mappings_reach_rule_meta(tmp_path: Path) -> None:
    write_rule(tmp_path, RULE + 'compliance:\n  cis-aws-3.0: ["2.1.4"]\n  nist-800-53-r5: '
                                '[SC-28]\n')
    (rule,) = load_rules([str(tmp_path)], use_cache=False)
    assert rule.meta.compliance == {"cis-aws-3.0": ("2.1.4",), "nist-800-53-r5": ("SC-28",)}


def _error(tmp_path: Path, block: str) -> str:
    path = write_rule(tmp_path, RULE + block)
    with pytest.raises(RuleError) as info:
        load_rules([str(tmp_path)], use_cache=False)
    return str(info.value).replace(str(path), "rule.yaml")


def test_unknown_framework(tmp_path: Path) -> None:
    assert _error(tmp_path, 'compliance:\n  cis-aws-1.4: ["2.1.1"]\n') == (
        "rule.yaml:25: unknown compliance framework 'cis-aws-1.4' (did you mean "
        "'cis-aws-3.0'?; known frameworks: cis-aws-3.0, cis-azure-2.1, cis-gcp-2.0, "
        "nist-800-53-r5, pci-dss-4.0)")


def test_unknown_control(tmp_path: Path) -> None:
    assert _error(tmp_path, 'compliance:\n  cis-aws-3.0: ["2.1.4", "2.1.5"]\n') == (
        "rule.yaml:25: unknown control '2.1.5' in cis-aws-3.0 (did you mean '2.1.4'?)")


def test_unknown_control_without_suggestion(tmp_path: Path) -> None:
    assert _error(tmp_path, "compliance:\n  nist-800-53-r5: [ZZ-99]\n") == (
        "rule.yaml:25: unknown control 'ZZ-99' in nist-800-53-r5 (the controls are listed "
        "in govern/compliance/frameworks/nist-800-53-r5.yaml)")
