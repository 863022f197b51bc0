"""A canonical resource: what every format and the live reader produce for the engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govern.model.source import SourceRange
from govern.model.unknown import Defaulted, Undeclared, Unknown

Path = tuple[str | int, ...]

_MISSING = object()


@dataclass
class Resource:
    """One canonical resource.

    - `id`: stable, unique in a graph. Static formats use `<format>:<root>:<address>`;
      live resources use the ARN (or Azure resource id).
    - `kind`: canonical kind, e.g. `aws.s3.bucket`.
    - `address`: what users see: Terraform `module.net.aws_security_group.web[0]`,
      CloudFormation logical id, ARM `<type>/<name>`, live ARN.
    - `attributes`: canonical attribute tree (dicts, lists, scalars, `Unknown`).
      An absent key means "not set" (the provider default applies, which the adapter
      writes explicitly when a rule depends on it and records in `defaulted`).
    - `locations`: where each canonical path was written; lookups fall back to the
      nearest written ancestor and then to `range`.
    - `defaulted`: canonical paths whose value the adapter filled from a provider default.
    - `native`: the native addresses folded into this resource (e.g. the separate
      `aws_s3_bucket_policy`), for messages and debugging.
    - `context`: the deployment the resource belongs to (a Terraform root module directory,
      a template file, a live account and region). The same module instantiated by two
      roots gives two resources with the same address and different contexts.
    - `external`: the resource is declared outside the scanned code (another module or
      stack, a data source, a parameter, a hard-coded id): it stands for that parent and
      holds only what the sub-resources that name it say (a security group rule, a bucket
      policy, a policy attachment). Every other attribute is Unknown, not absent: `get`
      of a path whose top-level attribute is absent gives `Undeclared("declared outside
      the scanned code (<address>)")` (an Unknown whose very presence is unknown).
    """

    id: str
    kind: str
    address: str
    source_format: str
    native_type: str
    range: SourceRange | None
    attributes: dict[str, Any] = field(default_factory=dict)
    locations: dict[Path, SourceRange] = field(default_factory=dict)
    defaulted: set[Path] = field(default_factory=set)
    native: list[str] = field(default_factory=list)
    arn: str | None = None
    context: str = ""  # the deployment it belongs to: Terraform root module directory,
    # template file, or live account/region; addresses are unique only within a context
    external: bool = False  # declared outside the scanned code: absent means Unknown

    def get(self, path: Path | str, default: Any = None) -> Any:
        """The value at a canonical path (`"a.b.0.c"` or a tuple), or `default` if absent.

        A missing key under an Unknown ancestor is Unknown, not absent. Below an Unknown
        with `alternatives`, the result is an Unknown (same reason and ref) whose
        alternatives are the values at the rest of the path in each alternative (`None`
        where an alternative does not have it); below a `Defaulted`, likewise a Defaulted
        of the value at the rest of the path in its default. On an `external` resource, a path whose
        top-level attribute (one its kind declares) is absent is Unknown (what the scanned code
        does not say); below a top-level attribute a sub-resource set, absent means "not
        set" as usual.
        """
        parts = split_path(path) if isinstance(path, str) else path
        found = _descend(self.attributes, parts)
        if found is _MISSING:
            if self.external and parts and parts[0] not in self.attributes \
                    and _declares(self.kind, parts[0]):
                return self.undeclared()
            return default
        return found

    def undeclared(self) -> Undeclared:
        """What an attribute the scanned code does not set is on an `external` resource."""
        return Undeclared(f"declared outside the scanned code ({self.address})")

    def location(self, path: Path | str | None = None) -> SourceRange | None:
        """Where `path` was written: the path itself, its nearest written ancestor, or the
        resource."""
        if path is not None:
            parts = split_path(path) if isinstance(path, str) else path
            while parts:
                found = self.locations.get(parts)
                if found is not None:
                    return found
                parts = parts[:-1]
        return self.range

    def set(self, path: Path | str, value: Any, where: SourceRange | None = None,
            defaulted: bool = False) -> None:
        """Set a canonical value, creating intermediate dicts, and record its location."""
        parts = split_path(path) if isinstance(path, str) else path
        node = self.attributes
        for part in parts[:-1]:
            assert isinstance(part, str)
            child = node.get(part)
            if not isinstance(child, dict):
                child = {}
                node[part] = child
            node = child
        last = parts[-1]
        assert isinstance(last, str)
        node[last] = value
        if where is not None:
            self.locations[parts] = where
        if defaulted:
            self.defaulted.add(parts)


def _descend(node: Any, parts: Path) -> Any:
    """The value at `parts` below `node`, or _MISSING."""
    for index, part in enumerate(parts):
        if isinstance(node, Defaulted):
            rest = parts[index:]
            below = _descend(node.default, rest)
            alternatives = None if node.alternatives is None else tuple(
                None if v is _MISSING else v
                for v in (_descend(a, rest) for a in node.alternatives))
            return Defaulted(None if below is _MISSING else below, node.reason, node.ref,
                             alternatives)
        if isinstance(node, Unknown):
            if node.alternatives is None:
                return node
            rest = parts[index:]
            values = tuple(_descend(alternative, rest) for alternative in node.alternatives)
            return node.derived(tuple(None if v is _MISSING else v for v in values))
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part, _MISSING)
        elif isinstance(node, list) and isinstance(part, int):
            node = node[part] if -len(node) <= part < len(node) else _MISSING
        else:
            return _MISSING
        if node is _MISSING:
            return _MISSING
    return node


def _declares(kind: str, name: str | int) -> bool:
    """Whether `kind` declares the top-level attribute `name` (assumed for a kind that is
    not declared). An attribute only another kind has (a rule may cover several kinds) is
    absent on an external resource too, not Undeclared."""
    from govern.kinds import KINDS  # imported here: govern.kinds imports the model

    declared = KINDS.get(kind)
    return declared is None or declared.attribute(str(name)) is not None


def split_path(path: str) -> Path:
    return tuple(int(p) if p.isascii() and p.isdigit() else p for p in path.split(".") if p)
