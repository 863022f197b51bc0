"""Required tags on the effective tag map."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.predicates.base import arg_problem
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


ENV = {"key": "env", "values": ["prod", "dev"]}
COST = {"key": "cost-center", "pattern": "^cc-[0-9]+$"}
VALUED = {"required": ["owner", ENV, COST]}


@pytest.mark.parametrize(("tags", "expected"), [
    ({"owner": "a", "env": "prod", "cost-center": "cc-42"}, Verdict("pass")),
    ({"owner": "a", "env": "dev", "cost-center": "cc-1", "x": "y"}, Verdict("pass")),
    ({"owner": "a", "env": "qa", "cost-center": "cc-42"},
     Verdict("fail", (), "tag env is 'qa' (allowed: prod, dev)")),
    ({"owner": "a", "env": "Prod", "cost-center": "cc-42"},
     Verdict("fail", (), "tag env is 'Prod' (allowed: prod, dev)")),
    ({"owner": "a", "env": "prod", "cost-center": "42"},
     Verdict("fail", (), "tag cost-center is '42' (must match ^cc-[0-9]+$)")),
    ({"owner": "a", "env": "prod", "cost-center": "cc-42x"},
     Verdict("fail", (), "tag cost-center is 'cc-42x' (must match ^cc-[0-9]+$)")),
    ({"env": "qa"}, Verdict("fail", (), "missing tags: owner, cost-center; "
                                        "tag env is 'qa' (allowed: prod, dev)")),
    ({"owner": "a", "env": Unknown("var.env"), "cost-center": "cc-1"},
     Verdict("unknown", (), "tag env: var.env")),
    ({"owner": "a", "env": Unknown("var.env"), "cost-center": "nope"},
     Verdict("fail", (), "tag cost-center is 'nope' (must match ^cc-[0-9]+$)")),
    ({"owner": Unknown("var.owner"), "env": "dev", "cost-center": "cc-7"}, Verdict("pass")),
])
def test_has_required_tags_with_values_and_patterns(tags: Any, expected: Verdict) -> None:
    assert PREDICATES["has_required_tags"](tags, VALUED, CTX) == expected


def test_an_unanchored_pattern_is_searched() -> None:
    args = {"required": [{"key": "team", "pattern": "[a-z]+-team"}]}
    check = PREDICATES["has_required_tags"]
    assert check({"team": "the data-team"}, args, CTX) == Verdict("pass")
    assert check({"team": "DATA"}, args, CTX) == Verdict(
        "fail", (), "tag team is 'DATA' (must match [a-z]+-team)")


@pytest.mark.parametrize(("value", "problem"), [
    (["owner", ENV, COST], None),
    ([], None),  # nothing required: the rule does not run (config.apply.tags_asked_for)
    ([""], "must list tag keys, {key, values: [...]} or {key, pattern: RE}"),
    ([{"key": "env"}], "must list tag keys, {key, values: [...]} or {key, pattern: RE}"),
    ([{"key": "env", "values": [], }], "values of tag 'env' must be a non-empty list of strings"),
    ([{"key": "env", "values": "prod"}],
     "values of tag 'env' must be a non-empty list of strings"),
    ([{"key": "env", "pattern": "("}],
     "pattern of tag 'env' is not a regular expression (missing ): (; RE2 syntax, as in "
     "Terraform: no backreferences or look-around; see "
     "https://github.com/google/re2/wiki/Syntax)"),
    ([{"key": "env", "pattern": "^(?!prod)"}],
     "pattern of tag 'env' is not a regular expression (invalid perl operator: (?!; RE2 "
     "syntax, as in Terraform: no backreferences or look-around; see "
     "https://github.com/google/re2/wiki/Syntax)"),
    ([{"key": "env", "values": ["a"], "pattern": "a"}],
     "must list tag keys, {key, values: [...]} or {key, pattern: RE}"),
    ([{"name": "env", "values": ["a"]}],
     "must list tag keys, {key, values: [...]} or {key, pattern: RE}"),
])
def test_tag_requirements_argument(value: Any, problem: str | None) -> None:
    spec = PREDICATES["has_required_tags"].args["required"]
    assert arg_problem(spec, value) == problem


def test_registry_documents_every_predicate() -> None:
    assert sorted(PREDICATES) == [
        "azure_permission_not_allowing", "cidr_not_open_to_internet",
        "customer_managed_key", "gcp_firewall_not_open_to_internet", "has_required_tags",
        "iam_document_no_credentials_on_any_resource",
        "iam_document_no_data_reads_on_any_resource",
        "iam_document_no_every_action_on_resources", "iam_document_no_full_service_access",
        "iam_document_no_passrole_on_any_resource",
        "iam_document_no_permissions_management_on_any_resource",
        "iam_document_no_privilege_escalation", "iam_document_no_write_on_any_resource",
        "iam_document_not_admin", "iam_managed_arns_not_admin", "iam_policies_empty",
        "iam_policies_no_credentials_on_any_resource",
        "iam_policies_no_data_reads_on_any_resource",
        "iam_policies_no_every_action_on_resources", "iam_policies_no_full_service_access",
        "iam_policies_no_passrole_on_any_resource",
        "iam_policies_no_permissions_management_on_any_resource",
        "iam_policies_no_privilege_escalation", "iam_policies_no_write_on_any_resource",
        "iam_policies_not_admin", "iam_policies_without_aws_managed", "iam_trust_not_public",
        "nacl_ingress_not_open_to_internet", "not_expired", "nsg_rule_not_open_on_every_port",
        "nsg_rule_not_open_to_internet", "rds_parameter_group_requires_tls",
        "resource_policy_no_all_actions",
        "s3_policy_denies_insecure_transport", "sg_egress_not_open_to_internet",
        "sg_rule_not_open_to_internet", "task_role_not_execution_role",
        "trail_bucket_logs_access", "trail_bucket_not_public",
        "trail_events_alarmed", "trail_logs_s3_object_events"]
    assert all(p.summary.endswith(".") for p in PREDICATES.values())
    assert PREDICATES["has_required_tags"].summary == (
        "The effective tag map has every tag in `required` (case-sensitive keys), each "
        "with an allowed value.")
