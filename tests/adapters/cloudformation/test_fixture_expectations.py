"""Every CloudFormation rule fixture, parsed, adapted and evaluated with the built-in rules,
matches its inline expectations exactly.

Expectations: in YAML, a comment line `# ruleid: GOV-AWS-001` (`# ok: ...`, `# unknown:
...`, ids separated by commas) directly above a logical id under `Resources:`; in JSON, the
resource's `"Metadata": {"govern-test": "ruleid: GOV-AWS-001; ok: GOV-AWS-004"}`.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from govern.adapters.cloudformation import adapt_cloudformation
from govern.engine.evaluate import evaluate
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.model.graph import ResourceGraph
from govern.parsers.cloudformation import parse_cloudformation
from tests.conftest import FIXTURES

RULES = load_rules([default_rules_dir()])
TEMPLATES = sorted(p for p in (FIXTURES / "rules").glob("*/cloudformation/template.*"))
_COMMENT = re.compile(r"^\s*#\s*(ruleid|ok|unknown):\s*(.+?)\s*$")
_LOGICAL_ID = re.compile(r"^  ([A-Za-z0-9]+):\s*$")

Expectation = tuple[str, str, str, int]  # kind, rule id, logical id, line


def _parse_spec(text: str) -> list[tuple[str, str]]:
    found = []
    for part in text.split(";"):
        kind, _, ids = part.partition(":")
        found.extend((kind.strip(), rule.strip()) for rule in ids.split(",") if rule.strip())
    return found


def read_yaml_expectations(path: Path) -> list[Expectation]:
    found: list[Expectation] = []
    pending: list[tuple[str, str, int]] = []
    for number, text in enumerate(path.read_text().splitlines(), start=1):
        match = _COMMENT.match(text)
        if match:
            pending += [(kind, rule, number) for kind, rule in _parse_spec(
                f"{match.group(1)}: {match.group(2)}")]
            continue
        if pending:
            logical = _LOGICAL_ID.match(text)
            assert logical, f"{path}:{pending[0][2]}: annotation not followed by a logical id"
            found += [(kind, rule, logical.group(1), line) for kind, rule, line in pending]
            pending = []
    return found


def read_json_expectations(path: Path) -> list[Expectation]:
    found: list[Expectation] = []
    lines = path.read_text().splitlines()
    resources = json.loads(path.read_text())["Resources"]
    for logical_id, body in resources.items():
        spec = (body.get("Metadata") or {}).get("govern-test")
        if spec:
            line = next(i for i, t in enumerate(lines, 1) if f'"{logical_id}": {{' in t)
            found += [(kind, rule, logical_id, line) for kind, rule in _parse_spec(spec)]
    return found


def test_every_aws_rule_has_cloudformation_fixtures() -> None:
    slugs = {r.meta.slug for r in RULES.rules
             if r.meta.id.startswith("GOV-AWS-") and "cloudformation" in r.meta.formats}
    for suffix in ("yaml", "json"):
        have = {p.parent.parent.name for p in TEMPLATES if p.suffix == f".{suffix}"}
        assert sorted(slugs - have) == []


@pytest.mark.parametrize("template", TEMPLATES,
                         ids=[f"{p.parent.parent.name}/{p.name}" for p in TEMPLATES])
def test_fixture_matches_inline_expectations(template: Path) -> None:
    expectations = (read_json_expectations(template) if template.suffix == ".json"
                    else read_yaml_expectations(template))
    assert expectations, f"{template}: no inline expectations"
    parsed = parse_cloudformation([str(template)])
    adapted = adapt_cloudformation(parsed.resources)
    errors = [n.render() for n in parsed.notices + adapted.notices if n.level == "error"]
    assert errors == []
    findings = evaluate(ResourceGraph(adapted.resources, adapted.edges), RULES)
    reported: dict[tuple[str, str], set[str]] = defaultdict(set)
    resources = {r.id: r for r in adapted.resources}
    for finding in findings:
        resource = resources[finding.resource_id]
        # a parent outside the template: the resources judged on it are annotated
        for address in resource.native if resource.external else [finding.resource_address]:
            reported[(finding.rule_id, address)].add(finding.status)

    problems: list[str] = []
    for kind, rule_id, address, line in expectations:
        statuses = reported.get((rule_id, address), set())
        where = f"{template}:{line}: {kind}: {rule_id} on {address}"
        if kind == "ruleid" and "fail" not in statuses:
            problems.append(f"{where}: not reported as failing (got {sorted(statuses)})")
        elif kind == "ok" and statuses:
            problems.append(f"{where}: reported {sorted(statuses)}")
        elif kind == "unknown" and statuses != {"unknown"}:
            problems.append(f"{where}: expected only 'unknown', got {sorted(statuses)}")
    annotated = {(rule, address) for kind, rule, address, _ in expectations if kind != "ok"}
    tested = {rule for _, rule, _, _ in expectations}
    for (rule_id, address), statuses in sorted(reported.items()):
        if rule_id in tested and (rule_id, address) not in annotated:
            problems.append(f"{template}: {rule_id} reported {sorted(statuses)} on "
                            f"unannotated {address}")
    assert problems == []
