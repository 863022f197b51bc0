"""fixtures/examples/cis-aws-everything configures every CIS AWS Foundations 3.0 control a
template can show: scanned with `--compliance cis-aws-3.0`, every control a rule covers
passes, and the controls left "not covered" are exactly those of the catalogue without a
rule; each of them says why no configuration can show it, or is named as a gap."""

from __future__ import annotations

import json

from govern.compliance.catalogues import load_framework
from govern.compliance.coverage import coverage
from govern.engine.rule_loader import default_rules_dir, load_rules
from tests.conftest import REPO
from tests.test_cli import run

EXAMPLE = REPO / "fixtures" / "examples" / "cis-aws-everything"
METAS = load_rules([default_rules_dir()]).metas()


def _controls() -> list[dict]:  # type: ignore[type-arg]
    code, out, err = run("scan", str(EXAMPLE), "--compliance", "cis-aws-3.0",
                         "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["findings"] == []
    (framework,) = document["compliance"]
    return framework["controls"]  # type: ignore[no-any-return]


def test_every_covered_control_passes_and_only_uncoverable_ones_are_left() -> None:
    controls = _controls()
    framework = load_framework("cis-aws-3.0")
    assert [c["id"] for c in controls] == [c.id for c in framework.controls]
    status = {c["id"]: c["status"] for c in controls}
    cover = coverage("cis-aws-3.0", METAS)
    assert {c.id for c, _ in cover.covered} == {i for i, s in status.items() if s == "pass"}
    assert {i for i, s in status.items() if s == "not-covered"} == {
        c.id for c in (*cover.beyond_code, *cover.left)}
    assert set(status.values()) == {"pass", "not-covered"}


def test_not_covered_controls_say_why_when_no_configuration_can_show_them() -> None:
    framework = {c.id: c for c in load_framework("cis-aws-3.0").controls}
    for control in _controls():
        if control["status"] != "not-covered":
            assert "beyond_code" not in control
        elif framework[control["id"]].beyond_code:
            assert control["beyond_code"] == framework[control["id"]].beyond_code
        else:
            assert "beyond_code" not in control


def test_the_text_summary_separates_the_two_kinds_of_not_covered() -> None:
    code, out, _ = run("scan", str(EXAMPLE), "--compliance", "cis-aws-3.0")
    assert code == 0
    cover = coverage("cis-aws-3.0", METAS)
    assert ("  not covered, no configuration can show them: "
            + ", ".join(c.id for c in cover.beyond_code)) in out.splitlines()
    left = [c.id for c in cover.left]
    lines = [line for line in out.splitlines() if "no rule checks them yet" in line]
    assert lines == ([f"  not covered, no rule checks them yet: {', '.join(left)}"]
                     if left else [])
