"""Do an ECS task definition's task role and execution role name the same IAM role?

Two strings name the same role when they are equal ARNs, or when the role name at the end
of one (after its last `/`) equals the other, a short name (ECS takes both). Values known
only at apply time are decided through the IAM roles of the configuration they refer to
(`aws_iam_role.app.arn`, `!GetAtt AppRole.Arn`): the same role resource, or two different
ones, or a role whose `name` is known compared with a string.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.resource import Resource
from govern.model.unknown import Unknown

ROLE = "aws.iam.role"
_ROLE_ADDRESS = re.compile(r"(?:^|\.)(?:data\.)?aws_iam_role\.[^.]+$")


def task_role_not_execution_role(value: Any, args: Mapping[str, Any],
                                 ctx: PredicateContext) -> Verdict:
    """The task definition's `task_role` and `execution_role` are not the same IAM role.

    `value` is the task definition's attributes. Passes when either role is not written.
    Fails when both name the same role: equal ARNs, a name equal to the role name at the
    end of the other's ARN, or references to the same IAM role resource. Unknown when a
    role known only at apply time cannot be told apart from the other (a variable, a data
    source, a role outside the configuration). Detail `the task role is the execution
    role (app)`."""
    del args
    attributes = value if isinstance(value, Mapping) else {}
    task, execution = attributes.get("task_role"), attributes.get("execution_role")
    if task in (None, "") or execution in (None, ""):
        return passed()
    same = True if _same_role_reference(task, execution) else \
        _same(_designated(task, ctx), _designated(execution, ctx))
    if same is None:
        return unknown(("task_role",), "whether the task role is the execution role is "
                                       "known only at apply time")
    if same:
        return failed(("task_role",), f"the task role is the execution role "
                                      f"({_label(task)})")
    return passed()


def _same_role_reference(one: Any, other: Any) -> bool:
    """Both refer to the same IAM role resource or data source (`aws_iam_role.app.arn`
    and `aws_iam_role.app.name`, `data.aws_iam_role.app.arn` twice)."""
    return type(one) is Unknown and type(other) is Unknown and one.ref is not None \
        and one.ref == other.ref and _ROLE_ADDRESS.search(one.ref) is not None


def _designated(value: Any, ctx: PredicateContext) -> str | Resource | None:
    """A string as it is; a value known only at apply time as the IAM role resource of the
    configuration it refers to (None when it refers to none)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Unknown) and type(value) is Unknown and value.ref is not None:
        ref = value.ref
        roles = [r for r in ctx.graph.related(ctx.resource, "references")
                 if r.kind == ROLE and _refers_to(r.address, ref)]
        if len(roles) == 1:
            return roles[0]
    return None


def _same(one: str | Resource | None, other: str | Resource | None) -> bool | None:
    if one is None or other is None:
        return None
    if isinstance(one, Resource) and isinstance(other, Resource):
        return one.id == other.id
    if isinstance(one, str) and isinstance(other, str):
        return _same_strings(one, other)
    if isinstance(one, Resource) and isinstance(other, str):
        return _named(one, other)
    if isinstance(one, str) and isinstance(other, Resource):
        return _named(other, one)
    return None


def _named(role: Resource, text: str) -> bool | None:
    """Whether `text` (an ARN or a name) names `role` (None when its name is not known)."""
    name = role.attributes.get("name")
    if not isinstance(name, str):
        return None
    return _role_name(text) == name


def _refers_to(address: str, ref: str) -> bool:
    """Whether a resource's address is what a reference names: the same address, inside a
    module (`module.m.aws_iam_role.app`), or an instance of it (`[0]`)."""
    return address == ref or address.startswith(ref + "[") or \
        address.endswith("." + ref) or ("." + ref + "[") in address


def _same_strings(one: str, other: str) -> bool:
    if one.startswith("arn:") and other.startswith("arn:"):
        return one == other
    return _role_name(one) == _role_name(other)


def _role_name(text: str) -> str:
    """The role name of an ARN (`arn:aws:iam::1:role/path/app` -> `app`) or a name."""
    return text.rsplit("/", 1)[-1] if text.startswith("arn:") else text


def _label(value: Any) -> str:
    return _role_name(value) if isinstance(value, str) else str(getattr(value, "ref", "?"))


PREDICATES = (declare(task_role_not_execution_role),)
