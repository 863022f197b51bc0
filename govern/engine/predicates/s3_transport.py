"""Does an S3 bucket policy refuse requests that do not use TLS?

AWS's documented way (S3 user guide, "Enforce encryption of data in transit"; AWS
Config's `s3-bucket-ssl-requests-only`): a statement that denies every S3 action (`s3:*`
or `*`) to everyone (principal `*`) on the bucket's objects when `aws:SecureTransport` is
false. An `Allow` conditioned on `aws:SecureTransport` true enforces nothing (IAM
policies may still allow plain HTTP), and a deny narrowed by another condition, limited to
some actions, or written with `NotPrincipal`/`NotAction`/`NotResource` does not cover
every request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from govern.engine.predicates.base import PredicateContext, Tri
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.resource import Path
from govern.model.unknown import PartialString, Unknown

_SECURE_TRANSPORT = "aws:securetransport"
_OPERATORS = ("bool", "boolifexists")
_NEGATED = ("NotPrincipal", "NotAction", "NotResource")


def s3_policy_denies_insecure_transport(value: Any, args: Mapping[str, Any],
                                        ctx: PredicateContext) -> Verdict:
    """A bucket policy denies every S3 action to everyone on the bucket's objects when
    `aws:SecureTransport` is false.

    `value` is the normalized bucket policy (absent: no policy, fails). A statement counts
    when its `Effect` is `Deny`, its `Principal` is `*` (or `AWS: *`), its `Action` holds
    `s3:*` or `*`, its `Resource` holds `*` or an ARN ending in `/*`, and its only
    condition is `Bool` (or `BoolIfExists`) `aws:SecureTransport` `false`. Unknown when no
    statement counts and one could (a part known only at apply time). Detail: `no
    statement denies requests without TLS`."""
    del args, ctx
    if value is None:
        return failed((), "the bucket has no policy")
    if isinstance(value, Unknown):
        return unknown((), f"bucket policy: {value.reason}")
    statements = value.get("Statement") if isinstance(value, Mapping) else None
    if isinstance(statements, Unknown):
        return unknown(("Statement",), f"Statement: {statements.reason}")
    if not isinstance(statements, list):
        return unknown((), "not a policy document")
    first_unknown: Verdict | None = None
    for index, statement in enumerate(statements):
        where: Path = ("Statement", index)
        state = _enforces(statement)
        if state is True:
            return passed(where)
        if state is None and first_unknown is None:
            first_unknown = unknown(where, f"statement {index} is not fully known")
    return first_unknown or failed(("Statement",), "no statement denies requests without TLS")


def _enforces(statement: Any) -> Tri:
    if isinstance(statement, Unknown) or not isinstance(statement, Mapping):
        return None
    if any(key in statement for key in _NEGATED):
        return False
    return _all((_is(statement.get("Effect"), "Deny"), _everyone(statement.get("Principal")),
                 _any_of(statement.get("Action"), _all_actions),
                 _any_of(statement.get("Resource"), _objects),
                 _insecure_only(statement.get("Condition"))))


def _all(states: tuple[Tri, ...]) -> Tri:
    if any(state is False for state in states):
        return False
    return None if any(state is None for state in states) else True


def _is(value: Any, wanted: str) -> Tri:
    if isinstance(value, Unknown):
        return None
    return bool(value == wanted)


def _everyone(principal: Any) -> Tri:
    if isinstance(principal, Unknown):
        return None
    if principal == "*":
        return True
    if isinstance(principal, Mapping) and set(principal) == {"AWS"}:
        return _any_of(principal["AWS"], lambda item: _is(item, "*"))
    return False


def _any_of(items: Any, test: Callable[[Any], Tri]) -> Tri:
    if isinstance(items, Unknown):
        return None
    if not isinstance(items, list):
        items = [items]
    states = [test(item) for item in items]
    if any(state is True for state in states):
        return True
    return None if any(state is None for state in states) else False


def _all_actions(action: Any) -> Tri:
    if isinstance(action, Unknown):
        return None
    return isinstance(action, str) and action.lower() in ("*", "s3:*")


def _objects(resource: Any) -> Tri:
    """`*`, or an ARN ending in `/*` (every object of a bucket); the known end of an ARN
    built at apply time (`"${aws_s3_bucket.b.arn}/*"`) is enough."""
    if isinstance(resource, PartialString):
        text = resource.text()
        return True if text.endswith("/*") else None
    if isinstance(resource, Unknown):
        return None
    return isinstance(resource, str) and (resource == "*" or resource.endswith("/*"))


def _insecure_only(condition: Any) -> Tri:
    """The condition is exactly `aws:SecureTransport` false under `Bool`/`BoolIfExists`
    (condition keys are case-insensitive)."""
    if isinstance(condition, Unknown):
        return None
    if not isinstance(condition, Mapping) or len(condition) != 1:
        return False
    operator, tests = next(iter(condition.items()))
    if not isinstance(operator, str) or operator.lower() not in _OPERATORS:
        return False
    if isinstance(tests, Unknown):
        return None
    if not isinstance(tests, Mapping) or len(tests) != 1:
        return False
    key, values = next(iter(tests.items()))
    if not isinstance(key, str) or key.lower() != _SECURE_TRANSPORT:
        return False
    if isinstance(values, Unknown):
        return None
    values = values if isinstance(values, list) else [values]
    if any(isinstance(v, Unknown) for v in values):
        return None
    return bool(values) and all(str(v).lower() == "false" for v in values)


PREDICATES = (declare(s3_policy_denies_insecure_transport),)
