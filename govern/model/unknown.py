"""`Unknown`: a value that cannot be known statically. Never a guess, never a failure."""

from __future__ import annotations

from typing import Any


class Unknown:
    """A value govern cannot know without deploying or reading a live account.

    `reason` says why (shown to users), `ref` is the address of the resource or data
    source the value comes from when there is one (e.g. `aws_s3_bucket.logs`), which
    adapters use to connect resources that name each other by computed attributes.
    """

    __slots__ = ("reason", "ref")

    def __init__(self, reason: str = "not known statically", ref: str | None = None) -> None:
        self.reason = reason
        self.ref = ref

    def __repr__(self) -> str:
        if self.ref:
            return f"Unknown({self.reason!r}, ref={self.ref!r})"
        return f"Unknown({self.reason!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unknown) and other.reason == self.reason and other.ref == self.ref

    def __hash__(self) -> int:
        return hash(("Unknown", self.reason, self.ref))

    def __bool__(self) -> bool:
        raise TypeError("Unknown has no truth value; test with is_unknown() first")


def is_unknown(value: Any) -> bool:
    return isinstance(value, Unknown)


def contains_unknown(value: Any) -> bool:
    """True when the value is Unknown or holds an Unknown anywhere inside it."""
    if isinstance(value, Unknown):
        return True
    if isinstance(value, dict):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(contains_unknown(v) for v in value)
    return False
