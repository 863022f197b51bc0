"""The S3 bucket a CloudTrail trail delivers its log files to (`s3_bucket_name`): found in
the graph by reference (a `references` edge to an `aws.s3.bucket`) or by name (bucket
names are global: an `aws.s3.bucket` of the scan with that `name`), and judged.

A bucket that is not among the scanned resources (another account's log archive bucket,
a bucket of another configuration) is not known: the verdict is unknown, never a pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from govern.engine.predicates.base import PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.graph import ResourceGraph
from govern.model.resource import Resource
from govern.model.unknown import Unknown

if TYPE_CHECKING:
    from govern.engine.conditions import Condition

BUCKET = "aws.s3.bucket"
_PATH = ("s3_bucket_name",)
_PUBLIC_GROUPS = ["http://acs.amazonaws.com/groups/global/AllUsers",
                  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"]
# A bucket that is not public, as GOV-AWS-002 (ACL) and GOV-AWS-003 (policy) say it.
NOT_PUBLIC = {"all": [
    {"any": [
        {"attr": "public_access_block.ignore_public_acls", "op": "is_true"},
        {"attr": "object_ownership", "op": "equals", "value": "BucketOwnerEnforced"},
        {"all": [
            {"attr": "acl", "op": "not_in",
             "value": ["public-read", "public-read-write", "authenticated-read", "website"]},
            {"each": "grants", "check": {"attr": "uri", "op": "not_in",
                                         "value": _PUBLIC_GROUPS}}]}]},
    {"any": [
        {"attr": "public_access_block.restrict_public_buckets", "op": "is_true"},
        {"predicate": "iam_trust_not_public", "attr": "policy"}]}]}


def trail_buckets(trail: Resource, graph: ResourceGraph) -> list[Resource]:
    """The buckets the trail's `s3_bucket_name` designates."""
    found = [r for r in graph.related(trail, "references") if r.kind == BUCKET]
    name = trail.get("s3_bucket_name")
    if isinstance(name, str) and name:
        found += [r for r in graph.with_value(BUCKET, "name", name) if r not in found]
    return found


def trail_bucket_logs_access(value: Any, args: Mapping[str, Any],
                             ctx: PredicateContext) -> Verdict:
    """The bucket the trail delivers its log files to has server access logging
    (`logging.enabled`).

    `value` is the trail's attributes (no `attr`). Unknown when the bucket is not in the
    scanned resources or its logging is not known. Detail `bucket cloudtrail-logs does not
    log server access requests`."""
    buckets = trail_buckets(ctx.resource, ctx.graph)
    if not buckets:
        return _not_found(ctx.resource)
    doubt: Verdict | None = None
    for bucket in buckets:
        enabled = bucket.get("logging.enabled")
        label = _label(bucket)
        if isinstance(enabled, Unknown):
            doubt = doubt or unknown(_PATH, f"the server access logging of {label} is not "
                                     f"known ({enabled.reason})")
        elif enabled is not True:
            return failed(_PATH, f"{label} does not log server access requests")
    return doubt or passed(_PATH)


def trail_bucket_not_public(value: Any, args: Mapping[str, Any],
                            ctx: PredicateContext) -> Verdict:
    """The bucket the trail delivers its log files to is not public: its ACL grants
    nothing to everyone or to any AWS account unless public ACLs are ignored or ACLs are
    disabled (GOV-AWS-002), and its policy allows no principal `*` without a restricting
    condition unless public bucket access is restricted (GOV-AWS-003).

    `value` is the trail's attributes (no `attr`). Unknown when the bucket is not in the
    scanned resources or what decides is not known. Detail `bucket cloudtrail-logs:
    acl: ...` (what makes it public)."""
    buckets = trail_buckets(ctx.resource, ctx.graph)
    if not buckets:
        return _not_found(ctx.resource)
    from govern.engine.conditions import EvalContext  # the engine imports predicates

    doubt: Verdict | None = None
    for bucket in buckets:
        verdict = _not_public().evaluate(EvalContext(ctx.graph, bucket), ())
        detail = _label(bucket) + (f": {verdict.detail}" if verdict.detail else "")
        if verdict.status == "fail":
            return failed(_PATH, detail)
        if verdict.status == "unknown":
            doubt = doubt or unknown(_PATH, detail)
    return doubt or passed(_PATH)


@cache
def _not_public() -> Condition:
    from govern.engine.condition_compiler import compile_condition

    condition, problems = compile_condition(NOT_PUBLIC, (), {}, (BUCKET,))
    if problems:
        raise ValueError(f"NOT_PUBLIC does not compile: {problems}")
    return condition


def _not_found(trail: Resource) -> Verdict:
    name = trail.get("s3_bucket_name")
    if isinstance(name, Unknown):
        return unknown(_PATH, f"s3_bucket_name: {name.reason}")
    return unknown(_PATH, f"the trail's bucket {name} is not in the scanned resources: "
                   "its settings are not known")


def _label(bucket: Resource) -> str:
    name = bucket.get("name")
    return f"bucket {name}" if isinstance(name, str) else f"bucket {bucket.address}"


PREDICATES = (declare(trail_bucket_logs_access, looks_up=(BUCKET,)),
              declare(trail_bucket_not_public, looks_up=(BUCKET,)))
