"""Required tags on the effective tag map."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())
REQUIRED = {"required": ["owner", "cost-center"]}


@pytest.mark.parametrize(("tags", "expected"), [
    ({"owner": "team-a", "cost-center": "42", "env": "prod"}, Verdict("pass")),
    ({"owner": Unknown("var.owner"), "cost-center": "42"}, Verdict("pass")),
    ({"owner": "team-a"}, Verdict("fail", (), "missing tags: cost-center")),
    ({"Owner": "team-a", "Cost-Center": "42"},
     Verdict("fail", (), "missing tags: owner, cost-center")),
    ({}, Verdict("fail", (), "missing tags: owner, cost-center")),
    (None, Verdict("fail", (), "missing tags: owner, cost-center")),
    (Unknown("merge(var.tags)"), Verdict("unknown", (), "tags: merge(var.tags)")),
    (["owner"], Verdict("unknown", (), "tags is not a map")),
])
def test_has_required_tags(tags: Any, expected: Verdict) -> None:
    assert PREDICATES["has_required_tags"](tags, REQUIRED, CTX) == expected


def test_registry_documents_every_predicate() -> None:
    assert sorted(PREDICATES) == [
        "cidr_not_open_to_internet", "gcp_firewall_not_open_to_internet",
        "has_required_tags", "iam_document_no_full_service_access", "iam_document_not_admin",
        "iam_managed_arns_not_admin", "iam_policies_empty",
        "iam_policies_no_full_service_access", "iam_policies_not_admin",
        "iam_trust_not_public", "nsg_rule_not_open_to_internet",
        "sg_rule_not_open_to_internet"]
    assert all(p.summary.endswith(".") for p in PREDICATES.values())
    assert PREDICATES["has_required_tags"].summary == (
        "The effective tag map has every key in `required` (case-sensitive).")
