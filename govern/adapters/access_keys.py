"""An IAM user's `active_access_keys`, counted from the access keys folded into it
(Terraform `aws_iam_access_key`, CloudFormation `AWS::IAM::AccessKey`).

A key counts when its status is `Active`, the status both formats give a key without one;
an `Inactive` key does not. The count stays exact while every key is known; otherwise it is
an Unknown whose alternatives are the counts it can be:

- a key whose status is not known statically (a variable, a condition) adds 0 or 1 (its
  alternatives, when it has known ones, say which);
- a key that names one of several users (ambiguous) adds 0 or 1 to each of them;
- a user declared outside the scanned code (an external parent) starts with 0, 1 or 2 for
  the keys declared elsewhere (IAM allows two access keys per user).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from govern.adapters.reading import MISSING
from govern.model.resource import Resource
from govern.model.source import SourceRange
from govern.model.unknown import Unknown, leaf_alternatives
from govern.parsers.native import NativeResource

KEY = "active_access_keys"
ACTIVE = "Active"
INACTIVE = "Inactive"
PER_USER = 2  # IAM quota: access keys per IAM user (not adjustable)


class FoldContext(Protocol):
    """What the folds need of a format's adapter context."""

    def note(self, native: NativeResource, message: str, code: str) -> None: ...

    def absorb(self, native: NativeResource, resource: Resource) -> None: ...


def add_to_candidates(native: NativeResource, ctx: FoldContext,
                      candidates: Sequence[Resource], status: Any) -> bool:
    """A key whose user name several users have may be any of them: 0 or 1 more for each,
    with a note. False (nothing done) when there are not several."""
    if len(candidates) < 2:
        return False
    ctx.note(native, "user is ambiguous (one of "
             + ", ".join(r.address for r in candidates) + ")", "fold-target-ambiguous")
    for candidate in candidates:
        ctx.absorb(native, candidate)
        add_access_key(candidate, status, native.range, certain=False)
    return True


def add_access_key(user: Resource, status: Any, where: SourceRange | None,
                   certain: bool = True) -> None:
    """Count one access key of `user` with `status` (MISSING: not written, so `Active`);
    `certain` false when the key may belong to another user instead."""
    adds = _adds(status) if certain else {0, 1}
    counts = {count + add for count in _counts(user) for add in adds}
    if len(counts) == 1:
        value: Any = counts.pop()
    else:
        value = Unknown(_reason(user, status, certain), alternatives=tuple(sorted(counts)))
    user.defaulted.discard((KEY,))
    user.set((KEY,), value, where)


def _adds(status: Any) -> set[int]:
    """What one key with `status` adds to the count: {1} active, {0} inactive, both when
    not known."""
    if status is MISSING or status is None:
        return {1}
    if isinstance(status, Unknown):
        choices = leaf_alternatives(status)
        if choices is None or any(isinstance(c, Unknown) for c in choices):
            return {0, 1}
        return set().union(*(_adds(c) for c in choices))
    if status == ACTIVE:
        return {1}
    if status == INACTIVE:
        return {0}
    return {0, 1}  # not a status IAM accepts: the deployment decides


def _counts(user: Resource) -> set[int]:
    """The counts `user` may have so far."""
    current = user.attributes.get(KEY, MISSING)
    if current is MISSING:
        return set(range(PER_USER + 1)) if user.external else {0}
    if isinstance(current, Unknown):
        choices = leaf_alternatives(current) or ()
        return {c for c in choices if isinstance(c, int)}
    return {current} if isinstance(current, int) else {0}


def _reason(user: Resource, status: Any, certain: bool) -> str:
    current = user.attributes.get(KEY)
    if isinstance(current, Unknown):
        return current.reason
    if user.external:
        return (f"other access keys of {user.address} may be declared outside the scanned "
                "code")
    if not certain:
        return "an access key names one of several users"
    why = status.reason if isinstance(status, Unknown) else f"status {status!r} is not valid"
    return f"the status of an access key is not known statically ({why})"
