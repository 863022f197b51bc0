from __future__ import annotations

from govern.adapters.terraform import adapt_terraform
from govern.model.finding import Notice
from govern.model.graph import Edge
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native, rid

BUCKET_REF = Unknown("known after apply", ref="aws_s3_bucket.b")


def bucket(**attributes: object) -> object:
    return native("aws_s3_bucket.b", {"bucket": "logs-123", **attributes}, line=1, end=3,
                  locations={"bucket": 2})


def test_bucket_with_nothing_configured_has_no_encryption() -> None:
    [resource] = adapt_terraform([bucket()]).resources
    assert resource.id == rid("aws_s3_bucket.b")
    assert resource.kind == "aws.s3.bucket"
    assert resource.address == "aws_s3_bucket.b"
    assert resource.source_format == "terraform"
    assert resource.native_type == "aws_s3_bucket"
    assert resource.range == lines(1, 3)
    assert resource.attributes == {"name": "logs-123", "tags": {}}
    assert resource.native == ["aws_s3_bucket.b"]


def test_split_encryption_is_folded_into_the_bucket_with_its_location() -> None:
    sse = native("aws_s3_bucket_server_side_encryption_configuration.b", {
        "bucket": BUCKET_REF,
        "rule": [{"apply_server_side_encryption_by_default": [
            {"sse_algorithm": "aws:kms", "kms_master_key_id": "alias/data"}]}],
    }, line=10, end=17, locations={
        "bucket": 11, "rule.0": (12, 16),
        "rule.0.apply_server_side_encryption_by_default.0.sse_algorithm": 14,
        "rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id": 15,
    })
    result = adapt_terraform([bucket(), sse])
    [resource] = result.resources
    assert resource.attributes["encryption"] == {
        "enabled": True, "algorithm": "aws:kms", "kms_key": "alias/data"}
    assert resource.location("encryption.enabled") == lines(14)
    assert resource.location("encryption.algorithm") == lines(14)
    assert resource.location("encryption.kms_key") == lines(15)
    assert resource.location("encryption") == lines(10, 17)
    assert resource.native == ["aws_s3_bucket.b",
                               "aws_s3_bucket_server_side_encryption_configuration.b"]
    assert result.notices == []


def test_legacy_inline_encryption() -> None:
    resource = adapt_terraform([bucket(server_side_encryption_configuration=[{"rule": [{
        "apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}],
        "bucket_key_enabled": True,
    }]}])]).resources[0]
    assert resource.attributes["encryption"] == {
        "enabled": True, "algorithm": "AES256", "bucket_key_enabled": True}


def test_encryption_rule_without_default_is_not_enabled() -> None:
    resource = adapt_terraform([bucket(server_side_encryption_configuration=[
        {"rule": [{"bucket_key_enabled": True}]}])]).resources[0]
    assert resource.attributes["encryption"] == {"enabled": False}


def test_unknown_encryption_rules_stay_unknown() -> None:
    rules = Unknown("dynamic block over an unknown collection")
    sse = native("aws_s3_bucket_server_side_encryption_configuration.b",
                 {"bucket": BUCKET_REF, "rule": rules})
    resource = adapt_terraform([bucket(), sse]).resources[0]
    assert resource.attributes["encryption"] == {"enabled": rules}


def test_fold_by_reference_to_one_instance_of_a_counted_bucket() -> None:
    buckets = [native(f"aws_s3_bucket.b[{i}]", {"bucket": f"b-{i}"}) for i in range(2)]
    pab = native("aws_s3_bucket_public_access_block.p", {
        "bucket": Unknown("known after apply", ref="aws_s3_bucket.b[1]"),
        "block_public_acls": True, "block_public_policy": True,
    }, line=20, end=25, locations={"block_public_acls": 22})
    result = adapt_terraform([*buckets, pab])
    first, second = result.resources
    assert "public_access_block" not in first.attributes
    assert second.attributes["public_access_block"] == {
        "block_public_acls": True, "block_public_policy": True,
        "ignore_public_acls": False, "restrict_public_buckets": False}
    assert second.defaulted == {("public_access_block", "ignore_public_acls"),
                                ("public_access_block", "restrict_public_buckets")}
    assert second.location("public_access_block.block_public_acls") == lines(22)
    assert second.location("public_access_block.ignore_public_acls") == lines(20, 25)


def test_fold_by_reference_to_a_resource_with_a_single_instance() -> None:
    only = native('aws_s3_bucket.b["x"]', {"bucket": "x"})
    policy = native("aws_s3_bucket_policy.p", {"bucket": BUCKET_REF, "policy": "{}"})
    [resource] = adapt_terraform([only, policy]).resources
    assert resource.attributes["policy"] == {"Statement": []}


def test_fold_by_literal_bucket_name() -> None:
    versioning = native("aws_s3_bucket_versioning.v", {
        "bucket": "logs-123",
        "versioning_configuration": [{"status": "Enabled", "mfa_delete": "Disabled"}]})
    resource = adapt_terraform([bucket(), versioning]).resources[0]
    assert resource.attributes["versioning"] == {"enabled": True, "mfa_delete": False}


def test_fold_inside_a_module_by_full_address() -> None:
    inner = native("module.m.aws_s3_bucket.b", {"bucket": "inner"})
    outer = native("aws_s3_bucket.b", {"bucket": "outer"})
    own = native("module.m.aws_s3_bucket_acl.own", {
        "bucket": Unknown("known after apply", ref="module.m.aws_s3_bucket.b"),
        "acl": "private"})
    passed_in = native("module.m.aws_s3_bucket_acl.passed_in", {
        "bucket": BUCKET_REF, "acl": "public-read"})
    first, second = adapt_terraform([inner, outer, own, passed_in]).resources
    assert first.attributes["acl"] == "private"
    assert second.attributes["acl"] == "public-read"


def test_fold_inside_a_module_by_relative_address() -> None:
    inner = native("module.m.aws_s3_bucket.b", {"bucket": "inner"})
    acl = native("module.m.aws_s3_bucket_acl.a", {"bucket": BUCKET_REF, "acl": "private"})
    [resource] = adapt_terraform([inner, acl]).resources
    assert resource.attributes["acl"] == "private"


def test_sub_resource_of_a_bucket_outside_the_configuration_is_judged_on_a_stand_in(
        ) -> None:
    acl = native("aws_s3_bucket_acl.x", {"bucket": "elsewhere", "acl": "public-read"},
                 line=40)
    result = adapt_terraform([bucket(), acl])
    declared, outside = result.resources
    assert "acl" not in declared.attributes
    assert (outside.external, outside.address, outside.attributes) == (
        True, "elsewhere", {"name": "elsewhere", "acl": "public-read"})
    assert result.notices == [Notice(
        level="note", message="aws_s3_bucket_acl.x: bucket elsewhere is not declared in the "
        "scanned code; judged on a stand-in that holds what this resource sets (the rest is "
        "unknown)", file="main.tf", line=40, code="external-parent")]


def test_sub_resource_naming_nothing_is_still_noted() -> None:
    acl = native("aws_s3_bucket_acl.x", {"acl": "public-read"}, line=40)
    result = adapt_terraform([bucket(), acl])
    assert len(result.resources) == 1
    assert [n.code for n in result.notices] == ["fold-target-not-found"]


def test_ambiguous_reference_adds_a_note() -> None:
    buckets = [native(f"aws_s3_bucket.b[{i}]", {"bucket": f"b-{i}"}) for i in range(2)]
    acl = native("aws_s3_bucket_acl.x", {"bucket": BUCKET_REF, "acl": "private"}, line=7)
    result = adapt_terraform([*buckets, acl])
    assert [n.message for n in result.notices] == [
        "aws_s3_bucket_acl.x: bucket is ambiguous (one of aws_s3_bucket.b[0], "
        "aws_s3_bucket.b[1])"]
    assert all("acl" not in r.attributes for r in result.resources)


def test_split_acl_replaces_the_inline_acl_and_grants() -> None:
    acl = native("aws_s3_bucket_acl.a", {"bucket": BUCKET_REF, "access_control_policy": [{
        "grant": [{"grantee": [{"type": "Group",
                                "uri": "http://acs.amazonaws.com/groups/global/AllUsers"}],
                   "permission": "READ"}],
        "owner": [{"id": "abc"}],
    }]}, line=30, end=40, locations={"access_control_policy.0.grant.0": (32, 36)})
    legacy = bucket(acl="public-read-write", grant=[
        {"type": "CanonicalUser", "id": "abc", "permissions": ["FULL_CONTROL"]}])
    resource = adapt_terraform([legacy, acl]).resources[0]
    assert "acl" not in resource.attributes
    assert resource.attributes["grants"] == [{
        "grantee_type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers",
        "permission": "READ"}]
    assert resource.location("grants.0.uri") == lines(32, 36)


def test_legacy_grants_give_one_grant_per_permission() -> None:
    resource = adapt_terraform([bucket(grant=[{
        "type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers",
        "permissions": ["READ", "WRITE"]}])]).resources[0]
    uri = "http://acs.amazonaws.com/groups/global/AllUsers"
    assert resource.attributes["grants"] == [
        {"grantee_type": "Group", "uri": uri, "permission": "READ"},
        {"grantee_type": "Group", "uri": uri, "permission": "WRITE"}]


def test_legacy_versioning_defaults() -> None:
    resource = adapt_terraform([bucket(versioning=[{"enabled": True}])]).resources[0]
    assert resource.attributes["versioning"] == {"enabled": True, "mfa_delete": False}
    assert resource.defaulted == {("versioning", "mfa_delete")}


def test_logging_gives_a_logging_target_edge() -> None:
    target = native("aws_s3_bucket.logs", {"bucket": "logs"})
    logging = native("aws_s3_bucket_logging.l", {
        "bucket": BUCKET_REF,
        "target_bucket": Unknown("known after apply", ref="aws_s3_bucket.logs"),
        "target_prefix": "b/"}, references=["aws_s3_bucket.b", "aws_s3_bucket.logs"])
    result = adapt_terraform([bucket(), target, logging])
    source = result.resources[0]
    assert source.attributes["logging"] == {
        "enabled": True, "target_bucket": Unknown("known after apply", ref="aws_s3_bucket.logs"),
        "target_prefix": "b/"}
    assert result.edges == [
        Edge(rid("aws_s3_bucket.b"), rid("aws_s3_bucket.logs"), "logging_target"),
        Edge(rid("aws_s3_bucket.b"), rid("aws_s3_bucket.logs"), "references"),
    ]


def test_legacy_logging_by_literal_name() -> None:
    target = native("aws_s3_bucket.logs", {"bucket": "logs"})
    result = adapt_terraform([bucket(logging=[{"target_bucket": "logs"}]), target])
    assert result.resources[0].attributes["logging"] == {"enabled": True,
                                                         "target_bucket": "logs"}
    assert result.edges == [
        Edge(rid("aws_s3_bucket.b"), rid("aws_s3_bucket.logs"), "logging_target")]


def test_bucket_policy_is_normalized() -> None:
    policy = native("aws_s3_bucket_policy.p", {"bucket": BUCKET_REF, "policy": (
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*",'
        '"Action":"s3:GetObject","Resource":"arn:aws:s3:::logs-123/*"}}')},
        locations={"policy": 5})
    resource = adapt_terraform([bucket(), policy]).resources[0]
    assert resource.attributes["policy"] == {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": ["s3:GetObject"],
        "Resource": ["arn:aws:s3:::logs-123/*"], "Principal": "*"}]}
    assert resource.location("policy.Statement.0") == lines(5)
