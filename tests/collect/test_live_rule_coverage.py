"""Every AWS rule that can run on a live account (all its kinds list `aws-live` among their
formats) is named by a live test: its id appears in a test module of tests/collect/ other
than this one, so a new rule without a live test fails the suite."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from govern.model.kinds import KINDS
from tests.conftest import REPO

HERE = Path(__file__).resolve()
RULES = REPO / "rules" / "aws"


def live_rules() -> dict[str, Path]:
    """Rule id -> file, for the rules under rules/aws whose kinds are all read live."""
    found = {}
    for path in sorted([*RULES.rglob("*.yaml"), *RULES.rglob("*.yml")]):
        rule = yaml.safe_load(path.read_text())
        kinds = rule.get("kinds") or []
        if kinds and all("aws-live" in getattr(KINDS.get(kind), "formats", ())
                         for kind in kinds):
            found[str(rule["id"])] = path
    return found


def test_the_aws_rules_are_found() -> None:
    rules = live_rules()
    assert len(rules) > 50
    assert "GOV-AWS-056" in rules


def test_every_live_rule_is_named_by_a_live_test() -> None:
    tests = "\n".join(p.read_text() for p in sorted(HERE.parent.rglob("*.py"))
                      if p.resolve() != HERE)
    untested = {rule_id: str(path.relative_to(REPO))
                for rule_id, path in live_rules().items()
                if not re.search(rf"(?<![\w-]){re.escape(rule_id)}(?![\w-])", tests)}
    assert untested == {}, "rules no test under tests/collect names (add a live test)"
