from __future__ import annotations

from govern.adapters.terraform import adapt_terraform
from govern.model.graph import Edge, ResourceGraph
from govern.model.kinds import KINDS
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import native, rid


def test_ids_are_per_root_and_each_root_folds_on_its_own() -> None:
    natives = [
        native("aws_s3_bucket.b", {"bucket": "same"}, root="prod"),
        native("aws_s3_bucket.b", {"bucket": "same"}, root="dev"),
        native("aws_s3_bucket_acl.a", {"bucket": "same", "acl": "private"}, root="dev"),
    ]
    result = adapt_terraform(natives)
    prod, dev = result.resources
    assert (prod.id, dev.id) == (rid("aws_s3_bucket.b", "prod"), rid("aws_s3_bucket.b", "dev"))
    assert "acl" not in prod.attributes
    assert dev.attributes["acl"] == "private"
    assert len(ResourceGraph(result.resources, result.edges)) == 2


def test_unmapped_types_and_data_sources_produce_nothing() -> None:
    natives = [native("aws_route53_record.r", {"name": "www"}),
               native("data.aws_s3_bucket.existing", {"bucket": "x"})]
    assert adapt_terraform(natives).resources == []


def test_references_point_at_canonical_resources_and_folded_natives_at_their_owner() -> None:
    key = native("aws_kms_key.k", {})
    bucket = native("aws_s3_bucket.b", {"bucket": "b"})
    sse = native("aws_s3_bucket_server_side_encryption_configuration.b", {
        "bucket": Unknown("known after apply", ref="aws_s3_bucket.b"),
        "rule": [{"apply_server_side_encryption_by_default": [{
            "sse_algorithm": "aws:kms",
            "kms_master_key_id": Unknown("known after apply", ref="aws_kms_key.k")}]}],
    }, references=["aws_s3_bucket.b", "aws_kms_key.k", "data.aws_caller_identity.me"])
    role = native("aws_iam_role.r", {"name": "r"},
                  references=["aws_s3_bucket_server_side_encryption_configuration.b",
                              "aws_lambda_function.f"])
    result = adapt_terraform([key, bucket, sse, role])
    assert result.edges == [
        Edge(rid("aws_iam_role.r"), rid("aws_s3_bucket.b"), "references"),
        Edge(rid("aws_s3_bucket.b"), rid("aws_kms_key.k"), "references"),
    ]


def test_references_to_all_instances_and_relative_to_a_module() -> None:
    buckets = [native(f"module.m.aws_s3_bucket.b[{i}]", {}) for i in range(2)]
    role = native("module.m.aws_iam_role.r", {}, references=["aws_s3_bucket.b"])
    result = adapt_terraform([*buckets, role])
    assert result.edges == [
        Edge(rid("module.m.aws_iam_role.r"), rid("module.m.aws_s3_bucket.b[0]"), "references"),
        Edge(rid("module.m.aws_iam_role.r"), rid("module.m.aws_s3_bucket.b[1]"), "references"),
    ]


def test_every_kind_produced_is_declared() -> None:
    from govern.adapters.terraform.registry import BUILDERS

    natives = [native(f"{native_type}.x", {}) for native_type in sorted(BUILDERS)]
    kinds = {r.kind for r in adapt_terraform(natives).resources}
    assert kinds <= set(KINDS)
    assert kinds == set(KINDS)
