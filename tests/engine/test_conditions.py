"""Three-valued logic, each/some, when/then, related, predicates in conditions, parameters."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest

from govern.engine.condition_compiler import compile_condition
from govern.engine.verdict import Verdict
from govern.model.graph import Edge, ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import condition, resource, run

U = Unknown("var.x is not known")
LEAF = {"p": {"attr": "p", "op": "is_true"}, "f": {"attr": "f", "op": "is_true"},
        "u": {"attr": "u", "op": "is_true"}}
LEAVES = resource({"p": True, "f": False, "u": U})
STATUS = {"p": "pass", "f": "fail", "u": "unknown"}

ALL = {"pp": "p", "pf": "f", "pu": "u", "fp": "f", "ff": "f", "fu": "f", "up": "u",
       "uf": "f", "uu": "u"}
ANY = {"pp": "p", "pf": "p", "pu": "p", "fp": "p", "ff": "f", "fu": "u", "up": "p",
       "uf": "u", "uu": "u"}
WHEN = {"pp": "p", "pf": "f", "pu": "u", "fp": "p", "ff": "p", "fu": "p", "up": "u",
        "uf": "u", "uu": "u"}


@pytest.mark.parametrize("pair", ["".join(p) for p in product("pfu", repeat=2)])
def test_all_any_when_tables(pair: str) -> None:
    a, b = LEAF[pair[0]], LEAF[pair[1]]
    assert run(condition({"all": [a, b]}), LEAVES).status == STATUS[ALL[pair]]
    assert run(condition({"any": [a, b]}), LEAVES).status == STATUS[ANY[pair]]
    assert run(condition({"when": a, "then": b}), LEAVES).status == STATUS[WHEN[pair]]


@pytest.mark.parametrize(("leaf", "expected"), [("p", "fail"), ("f", "pass"),
                                                ("u", "unknown")])
def test_not_table(leaf: str, expected: str) -> None:
    assert run(condition({"not": LEAF[leaf]}), LEAVES).status == expected


def test_deciding_paths() -> None:
    p, f, u = LEAF["p"], LEAF["f"], LEAF["u"]
    assert run(condition({"all": [p, f, u]}), LEAVES) == Verdict("fail", ("f",))
    assert run(condition({"all": [p, u]}), LEAVES) == Verdict(
        "unknown", ("u",), "u: var.x is not known")
    assert run(condition({"any": [f, p]}), LEAVES) == Verdict("pass", ("p",))
    assert run(condition({"not": p}), LEAVES) == Verdict("fail", ("p",))
    # Every child decides: the location is their nearest common ancestor.
    nested = resource({"encryption": {"enabled": False}})
    check = condition({"any": [{"attr": "encryption.enabled", "op": "is_true"},
                               {"attr": "encryption.kms_key", "op": "exists"}]})
    assert run(check, nested) == Verdict("fail", ("encryption",))
    check = condition({"not": {"all": [{"attr": "encryption.enabled", "op": "is_false"},
                                       {"attr": "encryption.kms_key", "op": "absent"}]}})
    assert run(check, nested) == Verdict("fail", ("encryption",))
    assert run(condition({"when": f, "then": p}), LEAVES) == Verdict("pass", ("f",))


SG = resource({"ingress": [
    {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]},
    {"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["10.0.0.0/8"]},
    {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]},
]}, address="aws_security_group.web", kind="aws.ec2.security_group")


def test_each_gives_absolute_paths() -> None:
    check = condition({"each": "ingress", "check": {"attr": "from_port", "op": "not_equals",
                                                     "value": 22}})
    assert run(check, SG) == Verdict("fail", ("ingress", 2, "from_port"))
    check = condition({"each": "ingress", "check": {
        "predicate": "sg_rule_not_open_to_internet", "args": {"ports": [22, 3389]}}})
    assert run(check, SG) == Verdict("fail", ("ingress", 2, "cidr_blocks"),
                                     "tcp 22 from 0.0.0.0/0")


def test_each_and_some_edge_cases() -> None:
    each = condition({"each": "ingress", "check": {"attr": "from_port", "op": "gt",
                                                    "value": 0}})
    some = condition({"some": "ingress", "check": {"attr": "from_port", "op": "equals",
                                                    "value": 80}})
    assert run(each, resource({})) == Verdict("pass", ("ingress",))
    assert run(each, resource({"ingress": []})) == Verdict("pass", ("ingress",))
    assert run(some, resource({})) == Verdict("fail", ("ingress",))
    assert run(some, resource({"ingress": []})) == Verdict("fail", ("ingress",))
    assert run(each, resource({"ingress": U})) == Verdict(
        "unknown", ("ingress",), "ingress: var.x is not known")
    assert run(some, resource({"ingress": U})).status == "unknown"
    assert run(each, resource({"ingress": {"from_port": 1}})) == Verdict(
        "unknown", ("ingress",), "ingress is not a list")
    assert run(some, SG) == Verdict("pass", ("ingress", 1, "from_port"))
    assert run(some, resource({"ingress": [{"from_port": 1}]})) == Verdict("fail", ("ingress",))
    assert run(some, resource({"ingress": [{"from_port": 1}, {"from_port": U}]})) == Verdict(
        "unknown", ("ingress", 1, "from_port"), "ingress.1.from_port: var.x is not known")
    assert run(each, resource({"ingress": [{"from_port": 1}, U]})) == Verdict(
        "unknown", ("ingress", 1, "from_port"), "ingress.1.from_port: var.x is not known")


def test_nested_each() -> None:
    check = condition({"each": "policies", "check": {"each": "document.Statement", "check": {
        "attr": "Effect", "op": "equals", "value": "Deny"}}})
    res = resource({"policies": [{"document": {"Statement": [{"Effect": "Deny"}]}},
                                 {"document": {"Statement": [{"Effect": "Deny"},
                                                             {"Effect": "Allow"}]}}]})
    assert run(check, res) == Verdict("fail", ("policies", 1, "document", "Statement", 1,
                                               "Effect"))


def _iam_graph(*policy_docs: Any) -> tuple[ResourceGraph, Any]:
    role = resource({"name": "app"}, address="aws_iam_role.app", kind="aws.iam.role")
    policies = [resource({"document": doc}, address=f"aws_iam_policy.p{i}",
                         kind="aws.iam.policy") for i, doc in enumerate(policy_docs)]
    graph = ResourceGraph([role, *policies],
                          [Edge(role.id, p.id, "attached_policy") for p in policies])
    return graph, role


ADMIN = {"Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}
READ = {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"]}]}
NOT_ADMIN = {"predicate": "iam_document_not_admin", "attr": "document"}


@pytest.mark.parametrize(("quantifier", "docs", "expected"), [
    ("every", (), Verdict("pass")),
    ("every", (READ, READ), Verdict("pass")),
    ("every", (READ, ADMIN), Verdict("fail", (), "aws_iam_policy.p1: Statement[0] allows * "
                                                 "on *")),
    ("every", (U, ADMIN), Verdict("fail", (), "aws_iam_policy.p1: Statement[0] allows * on *")),
    ("every", (READ, U), Verdict("unknown", (), "aws_iam_policy.p1: document: var.x is not "
                                                "known")),
    ("some", (), Verdict("fail", (), "no related aws.iam.policy resource")),
    ("some", (ADMIN, READ), Verdict("pass", (), "aws_iam_policy.p1")),
    ("some", (ADMIN,), Verdict("fail")),
    ("none", (), Verdict("pass")),
    ("none", (ADMIN, ADMIN), Verdict("pass")),
    ("none", (ADMIN, READ), Verdict("fail", (), "aws_iam_policy.p1")),
    ("none", (ADMIN, U), Verdict("unknown", (), "aws_iam_policy.p1: document: var.x is not "
                                                "known")),
])
def test_related(quantifier: str, docs: tuple[Any, ...], expected: Verdict) -> None:
    graph, role = _iam_graph(*docs)
    check = condition({"related": {"relation": "attached_policy", "kind": "aws.iam.policy"},
                       quantifier: NOT_ADMIN})
    assert run(check, role, graph) == expected


def test_related_direction_and_kind() -> None:
    graph, role = _iam_graph(ADMIN)
    policy = graph.of_kind("aws.iam.policy")[0]
    incoming = condition({"related": {"relation": "attached_policy", "direction": "in"},
                          "some": {"attr": "name", "op": "equals", "value": "app"}})
    assert run(incoming, policy, graph) == Verdict("pass", (), "aws_iam_role.app")
    other_kind = condition({"related": {"relation": "attached_policy",
                                        "kind": "aws.s3.bucket"},
                            "every": {"attr": "policy", "op": "absent"}})
    assert run(other_kind, role, graph) == Verdict("pass")


def test_predicate_without_attr_sees_the_whole_resource() -> None:
    check = condition({"predicate": "has_required_tags", "args": {"required": ["owner"]}})
    # The whole attribute map is the value: it has no key "owner".
    assert run(check, resource({"tags": {"owner": "me"}})) == Verdict(
        "fail", (), "missing tags: owner")
    check = condition({"predicate": "has_required_tags", "attr": "tags",
                       "args": {"required": ["owner"]}})
    assert run(check, resource({"tags": {"owner": "me"}})).status == "pass"


def test_parameters_in_args_and_values() -> None:
    params = {"required_tags": ["owner", "team"], "algorithms": ["aws:kms"]}
    tags = condition({"predicate": "has_required_tags", "attr": "tags",
                      "args": {"required": {"param": "required_tags"}}}, params)
    assert run(tags, resource({"tags": {"owner": "a"}})) == Verdict(
        "fail", ("tags",), "missing tags: team")
    algorithm = condition({"attr": "encryption.algorithm", "op": "in",
                           "value": {"param": "algorithms"}}, params)
    assert run(algorithm, resource({"encryption": {"algorithm": "AES256"}})).status == "fail"
    compiled, _ = compile_condition({"attr": "a", "op": "in", "value": {"param": "algorithms"}},
                                    ("check",), params)
    with pytest.raises(ValueError, match="op 'in' needs a list value"):
        compiled.bind({"algorithms": "AES256"})


@pytest.mark.parametrize(("raw", "problems"), [
    ({"predicate": "sg_rule_open", "args": {}},
     [(("check", "predicate"), "unknown predicate 'sg_rule_open'",
       "did you mean 'sg_rule_not_open_to_internet'?")]),
    ({"predicate": "has_required_tags", "args": {"requried": ["a"]}},
     [(("check", "args", "requried"), "unknown argument 'requried' for predicate "
                                      "has_required_tags", "did you mean 'required'?"),
      (("check",), "predicate has_required_tags needs the argument 'required'",
       "add args: {required: ...}")]),
    ({"predicate": "sg_rule_not_open_to_internet", "args": {"ports": ["22"]}},
     [(("check", "args", "ports"), "argument 'ports' must be a list of port numbers (0-65535)",
       None)]),
    ({"predicate": "has_required_tags", "args": {"required": {"param": "required_tag"}}},
     [(("check", "args", "required", "param"), "unknown parameter 'required_tag'",
       "did you mean 'required_tags'?")]),
    ({"predicate": "has_required_tags", "args": {"required": {"param": "required_tags"}}},
     []),
    ({"attr": "a", "op": "equals", "value": {"param": "nothing"}},
     [(("check", "value", "param"), "unknown parameter 'nothing'",
       "declared parameters: required_tags")]),
    ({"each": "ingress.0", "check": {"attr": "a", "op": "exists"}},
     [(("check", "each"), "check.each must name a list, not one of its elements",
       "remove '.0'")]),
    ({"attr": "a..b", "op": "exists"},
     [(("check", "attr"), "check.attr must be a dotted attribute path like "
                          "encryption.kms_key", None)]),
    ({"related": {"relation": "attached_policies", "kind": "aws.iam.polcy"},
      "every": {"attr": "a", "op": "exists"}},
     [(("check", "related", "relation"), "unknown relation 'attached_policies'",
       "did you mean 'attached_policy'?"),
      (("check", "related", "kind"), "unknown kind 'aws.iam.polcy'",
       "did you mean 'aws.iam.policy'?")]),
    ({"related": {"relation": "references"}, "every": {"attr": "a", "op": "exists"},
      "none": {"attr": "a", "op": "exists"}},
     [(("check",), "related needs exactly one of every, some, none (found every, none)",
       None)]),
])
def test_compile_problems(raw: dict[str, Any], problems: list[tuple[Any, ...]]) -> None:
    _, found = compile_condition(raw, ("check",), {"required_tags": ["owner"]})
    assert [(p.path, p.message, p.hint) for p in found] == problems
