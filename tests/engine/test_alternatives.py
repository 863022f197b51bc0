"""Unknown values with alternatives (a condition that is not known chooses between known
values): a check fails when every alternative fails, passes when every one passes, and is
unknown otherwise."""

from __future__ import annotations

from govern.adapters.building import convert
from govern.engine.verdict import Verdict
from govern.model.unknown import Unknown, leaf_alternatives
from tests.engine.helpers import condition, resource, run

REASON = "depends on condition IsProd"
PUBLIC = ["public-read", "public-read-write", "authenticated-read"]


def choice(*values: object) -> Unknown:
    return Unknown(REASON, alternatives=values)


def test_attribute_test_on_every_alternative() -> None:
    check = condition({"attr": "acl", "op": "not_in", "value": PUBLIC})
    assert run(check, resource({"acl": choice("private", "bucket-owner-read")})) == Verdict(
        "pass", ("acl",))
    assert run(check, resource({"acl": choice("public-read", "private")})) == Verdict(
        "unknown", ("acl",), f"acl: {REASON}")
    assert run(check, resource({"acl": choice("public-read", "public-read-write")})) == Verdict(
        "fail", ("acl",), f"in every branch: {REASON}")


def test_none_is_an_absent_alternative() -> None:
    check = condition({"attr": "encryption.enabled", "op": "is_true"})
    bucket = resource({"encryption": choice({"enabled": True}, None)})
    assert run(check, bucket).status == "unknown"
    assert run(condition({"attr": "encryption", "op": "absent"}),
               resource({"encryption": choice(None, None)})).status == "pass"


def test_nested_alternatives_are_flattened() -> None:
    nested = choice("private", Unknown("other", alternatives=("public-read", "private")))
    assert leaf_alternatives(nested) == ("private", "public-read", "private")
    check = condition({"attr": "acl", "op": "not_in", "value": PUBLIC})
    assert run(check, resource({"acl": nested})).status == "unknown"


def test_an_unknown_alternative_is_unknown() -> None:
    check = condition({"attr": "acl", "op": "not_in", "value": PUBLIC})
    assert run(check, resource({"acl": choice("public-read", Unknown("x"))})).status == (
        "unknown")


def test_get_descends_into_alternatives() -> None:
    bucket = resource({"public_access_block": choice(
        {"block_public_acls": True}, {"block_public_acls": False}, None)})
    assert bucket.get("public_access_block.block_public_acls") == Unknown(
        REASON, alternatives=(True, False, None))
    assert bucket.get("public_access_block.missing.deeper") == Unknown(
        REASON, alternatives=(None, None, None))


def test_predicates_on_every_alternative() -> None:
    check = condition({"predicate": "has_required_tags", "attr": "tags",
                       "args": {"required": ["owner"]}})
    assert run(check, resource({"tags": choice({"owner": "a"}, {"owner": "b"})})).status == (
        "pass")
    assert run(check, resource({"tags": choice({"owner": "a"}, {})})).status == "unknown"
    assert run(check, resource({"tags": choice({}, {"team": "x"})})) == Verdict(
        "fail", ("tags",), f"missing tags: owner; in every branch: {REASON}")


def test_each_and_some_over_alternative_lists() -> None:
    open_ssh = {"protocol": "tcp", "from_port": 22, "to_port": 22,
                "cidr_blocks": ["0.0.0.0/0"]}
    private = {**open_ssh, "cidr_blocks": ["10.0.0.0/8"]}
    each = condition({"each": "ingress", "check": {
        "predicate": "sg_rule_not_open_to_internet", "args": {"ports": [22]}}})
    group = "aws.ec2.security_group"
    assert run(each, resource({"ingress": choice([private], [])}, kind=group)).status == "pass"
    assert run(each, resource({"ingress": choice([open_ssh], [private])},
                              kind=group)).status == "unknown"
    failing = run(each, resource({"ingress": choice([open_ssh], [private, open_ssh])},
                                 kind=group))
    assert failing.status == "fail"
    assert failing.path == ("ingress", 0, "cidr_blocks")
    some = condition({"some": "grants", "check": {"attr": "permission", "op": "equals",
                                                  "value": "READ"}})
    assert run(some, resource({"grants": choice([{"permission": "READ"}], None)})).status == (
        "unknown")


def test_convert_maps_over_alternatives() -> None:
    assert convert(choice("PublicRead", None), str.lower) == choice("publicread", None)
    plain = Unknown("x")
    assert convert(plain, str.lower) is plain
