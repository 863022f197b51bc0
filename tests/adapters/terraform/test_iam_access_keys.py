"""`aws_iam_access_key` folded into its user as `active_access_keys` (GOV-AWS-267)."""

from __future__ import annotations

from govern.adapters.terraform import adapt_terraform
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import native

USER_REF = Unknown("known after apply", ref="aws_iam_user.u")


def test_keys_count_unless_inactive() -> None:
    user = native("aws_iam_user.u", {"name": "alice"})
    bare = native("aws_iam_user.ci", {"name": "ci"})
    keys = [native("aws_iam_access_key.a", {"user": USER_REF}, line=10),
            native("aws_iam_access_key.b", {"user": "alice", "status": "Inactive"}, line=20),
            native("aws_iam_access_key.c", {"user": USER_REF, "status": "Active"}, line=30)]
    result = adapt_terraform([user, bare, *keys])
    alice, ci = result.resources
    assert alice.attributes["active_access_keys"] == 2
    assert ("active_access_keys",) not in alice.defaulted
    assert alice.locations[("active_access_keys",)].start_line == 30
    assert alice.native == ["aws_iam_user.u", "aws_iam_access_key.a", "aws_iam_access_key.b",
                            "aws_iam_access_key.c"]
    assert ci.attributes["active_access_keys"] == 0
    assert ("active_access_keys",) in ci.defaulted


def test_a_status_not_known_makes_the_count_unknown() -> None:
    user = native("aws_iam_user.u", {"name": "alice"})
    keys = [native("aws_iam_access_key.a", {"user": USER_REF}),
            native("aws_iam_access_key.b", {"user": USER_REF,
                                            "status": Unknown("variable s has no value")})]
    count = adapt_terraform([user, *keys]).resources[0].attributes["active_access_keys"]
    assert count == Unknown("the status of an access key is not known statically "
                            "(variable s has no value)", alternatives=(1, 2))


def test_a_key_of_one_of_several_users_may_be_any_of_theirs() -> None:
    first = native("aws_iam_user.a", {"name": "dup"})
    second = native("aws_iam_user.b", {"name": "dup"})
    key = native("aws_iam_access_key.k", {"user": "dup"})
    result = adapt_terraform([first, second, key])
    for user in result.resources:
        assert user.attributes["active_access_keys"] == Unknown(
            "an access key names one of several users", alternatives=(0, 1))
    assert [n.code for n in result.notices] == ["fold-target-ambiguous"]


def test_keys_of_a_user_declared_elsewhere_count_on_a_stand_in() -> None:
    keys = [native("aws_iam_access_key.a", {"user": "bob"}),
            native("aws_iam_access_key.b", {"user": "bob"}),
            native("aws_iam_access_key.c", {"user": "carol", "status": "Inactive"})]
    bob, carol = adapt_terraform(keys).resources
    reason = "other access keys of {} may be declared outside the scanned code"
    assert (bob.external, bob.address) == (True, "bob")
    assert bob.attributes["active_access_keys"] == Unknown(reason.format("bob"),
                                                              alternatives=(2, 3, 4))
    assert carol.attributes["active_access_keys"] == Unknown(reason.format("carol"),
                                                                alternatives=(0, 1, 2))
