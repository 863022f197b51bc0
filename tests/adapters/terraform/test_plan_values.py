"""The Terraform adapter on plan natives: format and ids, `change.actions`, `tags_all` as
the effective tags, and resources named by the known id or ARN of a deployed resource."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.graph import Edge
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource
from tests.adapters.terraform.natives import lines, native

PLAN = "plan.json"
PROVIDER_AT = lines(40, 45, PLAN)


def planned(address: str, attributes: dict[str, Any], actions: tuple[str, ...] = ("create",),
            **kw: Any) -> NativeResource:
    return replace(native(address, attributes, root=PLAN, file=PLAN, **kw), format="tfplan",
                   actions=actions)


def by_address(natives: list[NativeResource]) -> dict[str, Any]:
    return {r.address: r for r in adapt_terraform(natives).resources}


def test_format_id_and_planned_actions() -> None:
    resources = by_address([
        planned("aws_s3_bucket.b", {"bucket": "b"}, ("delete", "create"), line=3),
        native("aws_s3_bucket.c", {"bucket": "c"}),
    ])
    bucket = resources["aws_s3_bucket.b"]
    assert (bucket.id, bucket.source_format, bucket.context) == (
        "tfplan:plan.json:aws_s3_bucket.b", "tfplan", PLAN)
    assert bucket.attributes["change"] == {"actions": ["delete", "create"]}
    assert bucket.location("change.actions") == lines(3, 12, PLAN)
    configured = resources["aws_s3_bucket.c"]
    assert (configured.id, configured.source_format) == (
        "terraform:infra:aws_s3_bucket.c", "terraform")
    assert "change" not in configured.attributes


def test_a_known_tags_all_is_the_effective_tag_map() -> None:
    provider = {"default_tags": [{"tags": Unknown("from a variable")}]}
    bucket = by_address([planned(
        "aws_s3_bucket.b",
        {"bucket": "b", "tags": {"Owner": "ops", "Gone": None},
         "tags_all": {"Owner": "ops", "Team": "data", "Empty": None}},
        locations={"tags": (5, 8), "tags.Owner": 6}, provider=provider,
        provider_range=PROVIDER_AT)])["aws_s3_bucket.b"]
    assert bucket.attributes["tags"] == {"Owner": "ops", "Team": "data"}
    assert bucket.location("tags") == lines(5, 8, PLAN)
    assert bucket.location("tags.Owner") == lines(6, file=PLAN)
    assert bucket.location("tags.Team") == PROVIDER_AT


def test_an_unknown_tags_all_falls_back_to_merging_default_tags() -> None:
    provider = {"default_tags": [{"tags": {"Team": "data"}}]}
    bucket = by_address([planned(
        "aws_s3_bucket.b", {"bucket": "b", "tags": {"Owner": "ops"},
                            "tags_all": Unknown("known after apply")},
        provider=provider, provider_range=PROVIDER_AT)])["aws_s3_bucket.b"]
    assert bucket.attributes["tags"] == {"Owner": "ops", "Team": "data"}


def test_a_rule_names_a_deployed_group_by_its_known_id() -> None:
    group = planned("aws_security_group.g", {"name": "g", "id": "sg-0123"}, ("no-op",), line=1)
    rule = planned("aws_security_group_rule.r", {
        "type": "ingress", "security_group_id": "sg-0123", "protocol": "tcp", "from_port": 22,
        "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}, line=20)
    by_name = planned("aws_security_group_rule.n", {
        "type": "ingress", "security_group_id": "g", "protocol": "tcp", "from_port": 80,
        "to_port": 80}, line=40)
    result = adapt_terraform([group, rule, by_name])
    resource, by_id_g = result.resources
    assert resource.attributes["ingress"] == [{
        "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"],
        "ipv6_cidr_blocks": [], "source_security_groups": [], "prefix_lists": []}]
    assert resource.native == ["aws_security_group.g", "aws_security_group_rule.r"]
    # a group id is never a name: "g" is a group outside the plan
    assert (by_id_g.external, by_id_g.address) == (True, "g")
    assert [n.code for n in result.notices] == ["external-parent"]


def test_an_attachment_names_a_deployed_policy_by_its_known_arn() -> None:
    arn = "arn:aws:iam::123456789012:policy/admin"
    document = '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'
    policy = planned("aws_iam_policy.admin", {"name": "admin", "policy": document, "arn": arn,
                                              "id": arn}, ("no-op",))
    role = planned("aws_iam_role.r", {"name": "r", "id": "r"}, ("no-op",))
    attachment = planned("aws_iam_role_policy_attachment.a",
                         {"role": "r", "policy_arn": arn}, ("create",), line=30)
    result = adapt_terraform([policy, role, attachment])
    resources = {r.address: r for r in result.resources}
    assert resources["aws_iam_role.r"].attributes["policies"] == [{
        "source": "managed", "name": "admin", "arn": arn, "document": {
            "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}}]
    assert result.edges == [Edge("tfplan:plan.json:aws_iam_role.r",
                                 "tfplan:plan.json:aws_iam_policy.admin", "attached_policy")]


def test_an_unknown_arn_with_a_ref_still_designates_the_policy() -> None:
    policy = planned("aws_iam_policy.p", {"name": "p", "policy": "{}",
                                          "arn": Unknown("known after apply")})
    user = planned("aws_iam_user.u", {"name": "u"})
    attachment = planned("aws_iam_user_policy_attachment.a", {
        "user": "u", "policy_arn": Unknown("known after apply", ref="aws_iam_policy.p")})
    resources = by_address([policy, user, attachment])
    (entry,) = resources["aws_iam_user.u"].attributes["policies"]
    assert entry["name"] == "p"
