"""`Unknown`: a value that cannot be known statically. Never a guess, never a failure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Unknown:
    """A value govern cannot know without deploying or reading a live account.

    `reason` says why (shown to users), `ref` is the address of the resource or data
    source the value comes from when there is one (e.g. `aws_s3_bucket.logs`), which
    adapters use to connect resources that name each other by computed attributes.

    `alternatives`, when set, are the values it can take: a condition that is not known
    statically chooses between known branches (CloudFormation's `Fn::If`). `None` among
    them means "not set" in that branch; an alternative may itself be Unknown. The engine
    tests every alternative: a check that fails in all of them fails, one that passes in
    all of them passes, anything else is unknown.

    `origin`, when set, is the input without a value it comes from, as the source writes
    it: `var.name` (Terraform), `Ref(Name)` or `ImportValue(name)` (CloudFormation),
    `parameters('name')` (ARM). Adapters use it to name a parent declared elsewhere.
    """

    __slots__ = ("alternatives", "origin", "reason", "ref")

    def __init__(self, reason: str = "not known statically", ref: str | None = None,
                 alternatives: tuple[Any, ...] | None = None,
                 origin: str | None = None) -> None:
        self.reason = reason
        self.ref = ref
        self.alternatives = alternatives
        self.origin = origin

    def derived(self, alternatives: tuple[Any, ...] | None = None) -> Unknown:
        """A plain Unknown with this one's reason, ref and origin (and `alternatives`)."""
        return Unknown(self.reason, self.ref, alternatives, self.origin)

    def __repr__(self) -> str:
        extra = f", ref={self.ref!r}" if self.ref else ""
        if self.alternatives is not None:
            extra += f", alternatives={self.alternatives!r}"
        return f"Unknown({self.reason!r}{extra})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Unknown) and other.reason == self.reason
                and other.ref == self.ref and other.alternatives == self.alternatives)

    def __hash__(self) -> int:
        return hash(("Unknown", self.reason, self.ref))

    def __bool__(self) -> bool:
        raise TypeError("Unknown has no truth value; test with is_unknown() first")


class PartialJson(Unknown):
    """JSON text that is not known in full: `jsonencode` of a structure with unknown
    parts (a policy naming a bucket's ARN that is known only after apply). Whatever needs
    the text treats it as any Unknown; a reader that understands the structure (an IAM
    policy document) reads `structure`, with Unknown where a part is not known."""

    __slots__ = ("structure",)

    def __init__(self, structure: Any, reason: str = "not known statically",
                 ref: str | None = None) -> None:
        super().__init__(reason, ref)
        self.structure = structure

    def __repr__(self) -> str:
        return f"PartialJson({self.structure!r}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, PartialJson) and super().__eq__(other)
                and other.structure == self.structure)

    def __hash__(self) -> int:
        return hash(("PartialJson", self.reason, self.ref))


class PartialString(Unknown):
    """A string with parts known only after apply (`"arn:${data.aws_partition.p.partition}
    :iam::aws:policy/ReadOnlyAccess"`): unknown as a whole, but what its known parts say
    can still be read (it names an AWS managed policy; it is not the wildcard `*`)."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Any, ...], reason: str = "not known statically",
                 ref: str | None = None) -> None:
        super().__init__(reason, ref)
        self.parts = parts  # str and Unknown, in order

    def text(self, placeholder: str = "\x00") -> str:
        """The known text, with `placeholder` for each unknown part."""
        return "".join(p if isinstance(p, str) else placeholder for p in self.parts)

    def __repr__(self) -> str:
        return f"PartialString({self.text('${?}')!r}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, PartialString) and super().__eq__(other)
                and other.parts == self.parts)

    def __hash__(self) -> int:
        return hash(("PartialString", self.reason, self.ref))


class Undeclared(Unknown):
    """An attribute of a resource declared outside the scanned code (`Resource.external`)
    that the sub-resources naming it do not set: not only its value is unknown, but also
    whether it is set at all, so `exists` and `absent` are unknown too."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Undeclared({self.reason!r})"


def is_unknown(value: Any) -> bool:
    return isinstance(value, Unknown)


def leaf_alternatives(value: Unknown) -> tuple[Any, ...] | None:
    """The alternatives of `value` with nested alternatives flattened (an alternative that
    is itself an Unknown with alternatives contributes those); None when it has none."""
    if value.alternatives is None:
        return None
    found: list[Any] = []
    for item in value.alternatives:
        nested = leaf_alternatives(item) if isinstance(item, Unknown) else None
        if nested is None:
            found.append(item)
        else:
            found.extend(nested)
    return tuple(found)


def contains_unknown(value: Any) -> bool:
    """True when the value is Unknown or holds an Unknown anywhere inside it."""
    if isinstance(value, Unknown):
        return True
    if isinstance(value, dict):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(contains_unknown(v) for v in value)
    return False


class Defaulted(Unknown):
    """A value chosen when the template is deployed: `default` is what it is when the
    deployer passes nothing (the parameters' defaults; None: not set), `alternatives`
    (when known) every value the template allows. A check that fails on the default
    fails (that is what deploys unless someone overrides it); one that passes on it passes
    only when it passes on every alternative, and is unknown otherwise."""

    __slots__ = ("default",)

    def __init__(self, default: Any, reason: str, ref: str | None = None,
                 alternatives: tuple[Any, ...] | None = None) -> None:
        super().__init__(reason, ref, alternatives)
        self.default = default

    def __repr__(self) -> str:
        return f"Defaulted({self.default!r}, {self.reason!r}, alternatives={self.alternatives!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Defaulted) and super().__eq__(other)
                and other.default == self.default)

    def __hash__(self) -> int:
        return hash(("Defaulted", self.reason, self.ref))


def has_choices(value: Any) -> bool:
    """Whether `value` is an Unknown whose possible values are known: alternatives, or a
    default (`Defaulted`)."""
    return isinstance(value, Defaulted) or (isinstance(value, Unknown)
                                            and value.alternatives is not None)


def map_choices(value: Unknown, function: Callable[[Any], Any]) -> Unknown:
    """`value` with `function` applied to each alternative (and to a Defaulted's default):
    the same kind of Unknown, reason and ref."""
    alternatives = None if value.alternatives is None else tuple(
        function(item) for item in value.alternatives)
    if isinstance(value, Defaulted):
        return Defaulted(function(value.default), value.reason, value.ref, alternatives)
    return value.derived(alternatives)
