from __future__ import annotations

import json

from govern.adapters.aws_managed_policies import (
    ADMINISTRATOR_ACCESS_DOCUMENT,
    aws_managed_policy_document,
)
from govern.adapters.terraform import adapt_terraform
from govern.model.graph import Edge
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native, rid

TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})
ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess"
READ_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess"
ROLE_REF = Unknown("known after apply", ref="aws_iam_role.app")
POLICY_ARN = Unknown("known after apply", ref="aws_iam_policy.deploy")
DOC = {"Version": "2012-10-17",
       "Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": ["*"]}]}


def role(**attributes: object) -> object:
    return native("aws_iam_role.app", {"name": "app", "assume_role_policy": TRUST,
                                       **attributes}, line=1, end=12,
                  locations={"assume_role_policy": 3, "inline_policy.0": (5, 8),
                             "inline_policy.0.policy": 7, "managed_policy_arns": 10,
                             "managed_policy_arns.0": 10})


def managed_policy() -> object:
    return native("aws_iam_policy.deploy", {"name": "deploy", "policy": json.dumps(DOC)},
                  line=20, end=25, locations={"policy": 22})


def test_role_with_trust_inline_and_managed_policies() -> None:
    result = adapt_terraform([role(
        inline_policy=[{"name": "s3", "policy": json.dumps(DOC)}, {}],
        managed_policy_arns=[ADMIN_ARN, READ_ARN],
    )])
    [resource] = result.resources
    assert resource.kind == "aws.iam.role"
    assert resource.attributes == {
        "name": "app",
        "trust_policy": {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["sts:AssumeRole"],
            "Principal": {"Service": ["ec2.amazonaws.com"]}}]},
        "policies": [
            {"source": "inline", "name": "s3", "document": DOC},
            {"source": "managed", "name": "AdministratorAccess", "arn": ADMIN_ARN,
             "document": ADMINISTRATOR_ACCESS_DOCUMENT},
            {"source": "managed", "name": "ReadOnlyAccess", "arn": READ_ARN,
             "document": aws_managed_policy_document("ReadOnlyAccess")},
        ],
        "managed_policy_arns": [ADMIN_ARN, READ_ARN],
        "tags": {},
    }
    assert resource.location("trust_policy.Statement.0") == lines(3)
    assert resource.location("policies.0") == lines(5, 8)
    assert resource.location("policies.0.document.Statement.0") == lines(7)
    assert resource.location("policies.1.document") == lines(10)


def test_attachment_of_a_policy_in_the_configuration_copies_its_document() -> None:
    attachment = native("aws_iam_role_policy_attachment.a", {
        "role": Unknown("known after apply", ref="aws_iam_role.app"), "policy_arn": POLICY_ARN},
        line=30, end=33)
    result = adapt_terraform([role(), managed_policy(), attachment])
    resource, policy = result.resources
    assert policy.kind == "aws.iam.policy"
    assert policy.attributes == {"name": "deploy", "document": DOC, "tags": {}}
    assert resource.attributes["policies"] == [
        {"source": "managed", "name": "deploy", "arn": POLICY_ARN, "document": DOC}]
    assert resource.attributes["policies"][0]["document"] is not policy.attributes["document"]
    assert resource.location("policies.0.document") == lines(30, 33)
    assert resource.native == ["aws_iam_role.app", "aws_iam_role_policy_attachment.a"]
    assert result.edges == [
        Edge(rid("aws_iam_role.app"), rid("aws_iam_policy.deploy"), "attached_policy")]


def test_role_policy_by_role_name() -> None:
    inline = native("aws_iam_role_policy.p", {"role": "app", "name": "s3",
                                              "policy": json.dumps(DOC)},
                    line=40, end=44, locations={"policy": 43})
    resource = adapt_terraform([role(), inline]).resources[0]
    assert resource.attributes["policies"] == [
        {"source": "inline", "name": "s3", "document": DOC}]
    assert resource.location("policies.0") == lines(40, 44)
    assert resource.location("policies.0.document") == lines(43)


def test_users_and_groups() -> None:
    user = native("aws_iam_user.u", {"name": "alice", "tags": {"owner": "x"}})
    group = native("aws_iam_group.g", {"name": "admins"})
    user_policy = native("aws_iam_user_policy.p", {
        "user": Unknown("known after apply", ref="aws_iam_user.u"), "policy": "{}"})
    group_attachment = native("aws_iam_group_policy_attachment.a", {
        "group": "admins", "policy_arn": ADMIN_ARN})
    result = adapt_terraform([user, group, user_policy, group_attachment])
    alice, admins = result.resources
    assert alice.attributes == {"name": "alice", "tags": {"owner": "x"},
                                "policies": [{"source": "inline", "document": {"Statement": []}}],
                                "console_password": False, "active_access_keys": 0}
    assert admins.attributes == {"name": "admins", "policies": [
        {"source": "managed", "name": "AdministratorAccess", "arn": ADMIN_ARN,
         "document": ADMINISTRATOR_ACCESS_DOCUMENT}]}


def test_a_login_profile_gives_its_user_a_console_password() -> None:
    declared = native("aws_iam_user.u", {"name": "alice"})
    bare = native("aws_iam_user.ci", {"name": "ci"})
    profile = native("aws_iam_user_login_profile.p", {
        "user": Unknown("known after apply", ref="aws_iam_user.u")}, line=20)
    elsewhere = native("aws_iam_user_login_profile.e", {"user": "bob"}, line=30)
    result = adapt_terraform([declared, bare, profile, elsewhere])
    alice, ci, bob = result.resources
    assert alice.attributes["console_password"] is True
    assert alice.locations[("console_password",)].start_line == 20
    assert alice.native == ["aws_iam_user.u", "aws_iam_user_login_profile.p"]
    assert ci.attributes["console_password"] is False
    assert ("console_password",) in ci.defaulted
    assert (bob.external, bob.address, bob.attributes["console_password"]) == (
        True, "bob", True)


def test_shared_attachment_to_roles_users_and_groups() -> None:
    user = native("aws_iam_user.u", {"name": "alice"})
    shared = native("aws_iam_policy_attachment.all", {
        "roles": [ROLE_REF], "users": ["alice", "bob"], "policy_arn": POLICY_ARN}, line=50)
    result = adapt_terraform([role(), user, managed_policy(), shared])
    app, alice, _, bob = result.resources
    entry = {"source": "managed", "name": "deploy", "arn": POLICY_ARN, "document": DOC}
    assert app.attributes["policies"] == [entry]
    assert alice.attributes["policies"] == [entry]
    assert (bob.external, bob.address, bob.attributes["name"]) == (True, "bob", "bob")
    assert bob.attributes["policies"][1:] == [entry]
    assert [n.code for n in result.notices] == ["external-parent"]
    assert result.edges == sorted([
        Edge(rid("aws_iam_role.app"), rid("aws_iam_policy.deploy"), "attached_policy"),
        Edge(rid("aws_iam_user.u"), rid("aws_iam_policy.deploy"), "attached_policy"),
        Edge(bob.id, rid("aws_iam_policy.deploy"), "attached_policy")])


def test_unknown_policy_arn_and_customer_managed_arn_outside_the_configuration() -> None:
    arn = Unknown("from a variable without a value")
    first = native("aws_iam_role_policy_attachment.a", {"role": "app", "policy_arn": arn})
    second = native("aws_iam_role_policy_attachment.b", {
        "role": "app", "policy_arn": "arn:aws:iam::123456789012:policy/team/deploy"}, line=20)
    resource = adapt_terraform([role(), first, second]).resources[0]
    assert resource.attributes["policies"] == [
        {"source": "managed", "arn": arn, "document": Unknown(
            "attached policy not known statically (from a variable without a value)")},
        {"source": "managed", "name": "deploy",
         "arn": "arn:aws:iam::123456789012:policy/team/deploy",
         "document": Unknown("the policy is not defined in this configuration")},
    ]


def test_policy_document_from_a_data_source_json() -> None:
    text = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "", "Effect": "Allow", "Action": "*", "Resource": "*"}]})
    policy = native("aws_iam_policy.p", {"name": "p", "policy": text})
    resource = adapt_terraform([policy]).resources[0]
    assert resource.attributes["document"] == {"Version": "2012-10-17", "Statement": [
        {"Sid": "", "Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}


def test_unknown_trust_policy() -> None:
    trust = Unknown("known after apply", ref="data.aws_iam_policy_document.trust")
    resource = adapt_terraform([role(assume_role_policy=trust)]).resources[0]
    assert resource.attributes["trust_policy"] is trust
