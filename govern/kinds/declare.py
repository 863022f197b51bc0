"""The vocabulary the canonical model is declared in: a kind, its attributes, their types.

Each provider's kinds are declared in `govern/kinds/<provider>/<service>.py` with the
constructors below; `govern.kinds.KINDS` collects them. The declarations are the one place
the canonical model is written down: rules are checked against them when they load
(`attr:` paths must be declared), the adapters' tests check that every source fills only
declared attributes with the declared types, and `docs/canonical-model.md` is generated
from them (`scripts/gen_canonical_model.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

AWS_FORMATS = ("terraform", "cloudformation", "tfplan", "aws-live")
AZURE_FORMATS = ("terraform", "arm", "tfplan")
GCP_FORMATS = ("terraform", "tfplan")  # Google Cloud has no native template format here

# The types an attribute may have. `map` is a mapping of string keys to strings (tags);
# `policy` is a normalized IAM policy document (docs/canonical-model.md); `any` accepts
# every value. A union is written with `|`, e.g. `string|integer`.
SCALAR_TYPES = ("string", "integer", "number", "boolean")
TYPES = (*SCALAR_TYPES, "object", "list", "map", "policy", "any")


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()


@dataclass(frozen=True)
class Attribute:
    """One canonical attribute.

    - `type`: one of TYPES, or a union of scalar types (`string|integer`);
    - `doc`: what it means, and what its absence means when that is not "not set";
    - `default`: the value adapters write (marked as defaulted) when the source omits it,
      where that is the same for every format; format-specific defaults are in `doc`;
    - `values`: the values it takes, when they are a closed set;
    - `attributes`: the attributes of an object, or of each object of a list of objects;
    - `items`: the type of each element of a list (`object` for a list of objects).
    """

    name: str
    type: str
    doc: str
    default: Any = NO_DEFAULT
    values: tuple[str, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    items: str | None = None

    def child(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


@dataclass(frozen=True)
class Kind:
    """A canonical kind: its name (`<provider>.<service>.<type>`), what it is, the formats
    that produce it, whether it carries tags (and, in `tags_doc`, where they come from
    when that is not each format's usual tags), and its attributes."""

    name: str
    description: str
    formats: tuple[str, ...]
    attributes: tuple[Attribute, ...] = ()
    taggable: bool = True
    tags_doc: str = ""

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


def string(name: str, doc: str, *, default: Any = NO_DEFAULT,
           values: tuple[str, ...] = ()) -> Attribute:
    return Attribute(name, "string", doc, default, values)


def boolean(name: str, doc: str, *, default: Any = NO_DEFAULT) -> Attribute:
    return Attribute(name, "boolean", doc, default)


def integer(name: str, doc: str, *, default: Any = NO_DEFAULT) -> Attribute:
    return Attribute(name, "integer", doc, default)


def scalar(name: str, type_: str, doc: str, *, default: Any = NO_DEFAULT,
           values: tuple[str, ...] = ()) -> Attribute:
    """A scalar of one of several types (`string|integer`)."""
    return Attribute(name, type_, doc, default, values)


def strings(name: str, doc: str, *, items: str = "string",
            default: Any = NO_DEFAULT) -> Attribute:
    """A list of scalars (strings unless `items` says otherwise)."""
    return Attribute(name, "list", doc, default, items=items)


def obj(name: str, doc: str, *attributes: Attribute) -> Attribute:
    return Attribute(name, "object", doc, attributes=attributes)


def objects(name: str, doc: str, *attributes: Attribute) -> Attribute:
    """A list of objects, each with `attributes`."""
    return Attribute(name, "list", doc, attributes=attributes, items="object")


def mapping(name: str, doc: str) -> Attribute:
    return Attribute(name, "map", doc)


def policy(name: str, doc: str) -> Attribute:
    return Attribute(name, "policy", doc)


def anything(name: str, doc: str) -> Attribute:
    return Attribute(name, "any", doc)


def resource_group() -> Attribute:
    """`resource_group_name`, as every Azure kind declares it."""
    return string("resource_group_name", "The resource group (Terraform "
                  "`resource_group_name`); ARM: the one the deployment goes to, Unknown "
                  "unless a nested deployment names it.")


def aws(name: str, description: str, *attributes: Attribute, taggable: bool = True,
        formats: tuple[str, ...] = AWS_FORMATS, tags_doc: str = "") -> Kind:
    return Kind(name, description, formats, attributes, taggable, tags_doc)


def azure(name: str, description: str, *attributes: Attribute, taggable: bool = True,
          tags_doc: str = "") -> Kind:
    return Kind(name, description, AZURE_FORMATS, attributes, taggable, tags_doc)


def gcp(name: str, description: str, *attributes: Attribute, taggable: bool = True,
        tags_doc: str = "") -> Kind:
    return Kind(name, description, GCP_FORMATS, attributes, taggable, tags_doc)
