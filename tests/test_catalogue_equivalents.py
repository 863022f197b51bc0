"""The built-in rules' equivalents: ids of the rule's provider in each tool's form, and every
partial one says how it differs in words that name the tool."""

from __future__ import annotations

import re

import pytest

from govern.engine.rule_loader import Rule, default_rules_dir, load_rules

RULES = load_rules([default_rules_dir()]).rules
CHECKOV_PROVIDER = {"aws": "AWS", "azure": "AZURE", "gcp": "GCP"}
TRIVY_PROVIDER = {"aws": "AWS", "azure": "AZU", "gcp": "GCP"}
TOOL_NAMES = {"checkov": "Checkov", "trivy": "Trivy", "kics": "KICS"}


def provider(rule: Rule) -> str:
    return rule.meta.kinds[0].split(".", 1)[0]


@pytest.mark.parametrize("rule", RULES, ids=[r.meta.id for r in RULES])
def test_ids_have_the_tool_form_and_the_rule_provider(rule: Rule) -> None:
    checkov = re.compile(rf"^CKV2?_{CHECKOV_PROVIDER[provider(rule)]}_[1-9][0-9]*$")
    trivy = re.compile(rf"^AVD-{TRIVY_PROVIDER[provider(rule)]}-[0-9]{{4}}$")
    equivalents = rule.meta.equivalents
    assert [i for i in equivalents["checkov"] if not checkov.match(i)] == []
    assert [i for i in equivalents["trivy"] if not trivy.match(i)] == []


@pytest.mark.parametrize("rule", RULES, ids=[r.meta.id for r in RULES])
def test_partial_differences_name_the_peer_tool(rule: Rule) -> None:
    tool_of = {i: tool for tool, ids in rule.meta.equivalents.items() for i in ids}
    for peer, difference in rule.meta.partial_equivalents.items():
        assert difference.startswith(TOOL_NAMES[tool_of[peer]] + " "), (peer, difference)
        assert difference.endswith("."), (peer, difference)


def test_the_catalogue_has_exact_and_partial_equivalents() -> None:
    listed = [(rule.meta.id, i) for rule in RULES for ids in rule.meta.equivalents.values()
              for i in ids]
    partial = [(rule.meta.id, i) for rule in RULES for i in rule.meta.partial_equivalents]
    assert partial and len(partial) < len(listed)


def test_no_listed_trivy_id_is_deprecated_and_retired_ones_still_suppress() -> None:
    """Every listed Trivy id is a current check of Trivy's catalogue (when the peers'
    metadata is beside the checkout); a retired one is only honoured in old suppression
    comments (govern/suppress/found.py), never listed."""
    import json

    from govern.suppress.found import RETIRED_TRIVY_IDS, IdMap
    from tests.conftest import REPO

    listed = {i for rule in RULES for i in rule.meta.equivalents["trivy"]}
    assert not listed & set(RETIRED_TRIVY_IDS)
    assert IdMap(r.meta for r in RULES).map("trivy", ["AVD-AWS-0088"]) == {"GOV-AWS-001"}
    peers = REPO.parent / "shared" / "peers" / "trivy-checks-cloud.json"
    if not peers.is_file():
        pytest.skip("../shared/peers is not beside this checkout")
    checks = {c["avd_id"] or c["id"]: c for c in json.loads(peers.read_text())["checks"]}
    assert sorted(i for i in listed if i not in checks or checks[i]["deprecated"]) == []
