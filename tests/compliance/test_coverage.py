"""The CIS coverage in docs/compliance.md: generated from the rules and the framework files,
current, and consistent (a control said to be beyond any configuration has no rule)."""

from __future__ import annotations

from govern.compliance.catalogues import Control, Framework
from govern.compliance.coverage import CIS_KEYS, START, coverage, coverage_markdown
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.model.finding import RuleMeta
from tests.conftest import REPO

METAS = load_rules([default_rules_dir()]).metas()


def test_the_coverage_in_the_docs_is_current() -> None:
    text = (REPO / "docs" / "compliance.md").read_text()
    assert coverage_markdown(METAS) in text, (
        "run `python scripts/gen_rule_docs.py` to regenerate docs/compliance.md")
    assert text.count(START) == 1


def test_no_rule_maps_to_a_control_said_to_be_beyond_any_configuration() -> None:
    contradictions = [(key, control.id, rules) for key in CIS_KEYS
                      for control, rules in coverage(key, METAS).covered
                      if control.beyond_code]
    assert contradictions == []


def test_every_control_is_counted_once() -> None:
    for key in CIS_KEYS:
        c = coverage(key, METAS)
        ids = [x.id for x, _ in c.covered] + [x.id for x in (*c.beyond_code, *c.left)]
        assert sorted(ids) == sorted(c.framework.ids())


def test_the_table_counts_each_kind_of_control(monkeypatch: object) -> None:
    from govern.compliance import coverage as module

    framework = Framework("cis-aws-3.0", "CIS AWS", "3.0.0", "https://example.com", (
        Control("1", "Mapped"), Control("2", "Beyond", beyond_code="No template shows it."),
        Control("3", "Open")))
    meta = METAS[0]
    rule = RuleMeta(**{**meta.__dict__, "id": "GOV-AWS-900",
                       "compliance": {"cis-aws-3.0": ("1",)}})
    monkeypatch.setattr(module, "load_framework", lambda key: framework)  # type: ignore[attr-defined]
    text = coverage_markdown([rule])
    assert "| `cis-aws-3.0` | 3 | 1 | 1 | 1 |" in text
    assert "- 2 Beyond: no configuration can show it. No template shows it." in text
    assert "- 3 Open: a configuration can show it; no rule checks it yet." in text
