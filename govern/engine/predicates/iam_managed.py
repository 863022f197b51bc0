"""Which AWS managed policies an identity has attached: `policies` entries by ARN.

An AWS managed policy's ARN is `arn:<partition>:iam::aws:policy/<path><name>`. An entry
whose ARN is not known statically is still known not to be an AWS managed policy when
the adapters resolved it to a customer managed policy of the configuration (its ARN
refers to that `aws.iam.policy`, which the identity has an `attached_policy` edge to).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import ArgSpec, PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown

POLICY = "aws.iam.policy"


def iam_policies_without_aws_managed(value: Any, args: Mapping[str, Any],
                                     ctx: PredicateContext) -> Verdict:
    """No entry of a role's, user's or group's `policies` is one of the AWS managed
    policies `names` (by ARN, any partition and path).

    Fails at the first such entry; unknown at an entry not known (policies attached
    outside the scanned code) or a managed policy whose ARN is not known statically and is
    not a customer managed policy of the configuration. Detail `attaches
    arn:aws:iam::aws:policy/AWSCloudShellFullAccess`."""
    names = "|".join(re.escape(str(name)) for name in args.get("names", ()))
    pattern = re.compile(rf"^arn:aws[a-z-]*:iam::aws:policy/(?:[^/]+/)*(?:{names})$")
    items = value if isinstance(value, list) else [] if value is None else value
    if isinstance(items, Unknown):
        return unknown((), f"policies: {items.reason}")
    if not isinstance(items, list):
        return unknown((), "the policies are not a list")
    doubt: Verdict | None = None
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            reason = item.reason if isinstance(item, Unknown) else "not a policy"
            doubt = doubt or unknown((index,), f"policy: {reason}")
            continue
        arn = item.get("arn")
        if isinstance(arn, str):
            if pattern.match(arn):
                return failed((index, "arn"), f"attaches {arn}")
        elif isinstance(arn, Unknown) and not _customer_policy(arn, ctx):
            doubt = doubt or unknown((index, "arn"), f"arn: {arn.reason}")
    return doubt or passed()


def _customer_policy(arn: Unknown, ctx: PredicateContext) -> bool:
    """Is the ARN that of a managed policy of the configuration the identity is attached
    to (its `ref`)?"""
    if arn.ref is None:
        return False
    return any(p.kind == POLICY and (p.address == arn.ref or p.address.endswith(f".{arn.ref}"))
               for p in ctx.graph.related(ctx.resource, "attached_policy"))


PREDICATES = (declare(iam_policies_without_aws_managed, names=ArgSpec("strings", required=True)),)
