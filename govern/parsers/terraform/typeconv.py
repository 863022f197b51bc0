"""Variable type constraints (`type = map(object({...}))`) and conversion to them.

Conversion follows Terraform: primitives convert between string/number/bool, sets
become sorted unique lists, object types drop undeclared attributes and fill
`optional(type, default)` attributes that are absent or null.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.values import (
    EvalError,
    make_set,
    to_bool,
    to_number,
    to_string,
    type_name,
)

_PRIMITIVES = ("string", "number", "bool", "any")


@dataclass(frozen=True)
class ObjectAttr:
    name: str
    type: TypeSpec
    optional: bool = False
    default: Any = None


@dataclass(frozen=True)
class TypeSpec:
    """`kind` is string, number, bool, any, list, set, map, object or tuple."""

    kind: str
    elem: TypeSpec | None = None
    attrs: tuple[ObjectAttr, ...] = ()
    items: tuple[TypeSpec, ...] = ()


ANY = TypeSpec("any")


def parse_type(expr: ast.Expr, evaluate: Callable[[ast.Expr], Any]) -> TypeSpec:
    """The type constraint written in `expr`; `evaluate` computes optional() defaults.

    Raises EvalError for an expression that is not a type constraint.
    """
    if isinstance(expr, ast.Parens):
        return parse_type(expr.expr, evaluate)
    if isinstance(expr, ast.Variable) and expr.name in _PRIMITIVES:
        return TypeSpec(expr.name)
    if isinstance(expr, ast.Literal) and expr.value in _PRIMITIVES:  # legacy "string"
        return TypeSpec(str(expr.value))
    if isinstance(expr, ast.Template) and len(expr.parts) == 1 and expr.parts[0] in _PRIMITIVES:
        return TypeSpec(str(expr.parts[0]))
    if isinstance(expr, ast.Variable) and expr.name in ("list", "map", "set"):
        return TypeSpec(expr.name, elem=ANY)  # legacy bare collection types
    if isinstance(expr, ast.FunctionCall) and len(expr.args) == 1:
        arg = expr.args[0]
        if expr.name in ("list", "set", "map"):
            return TypeSpec(expr.name, elem=parse_type(arg, evaluate))
        if expr.name == "object" and isinstance(arg, ast.ObjectExpr):
            return TypeSpec("object", attrs=tuple(_object_attr(i, evaluate) for i in arg.items))
        if expr.name == "tuple" and isinstance(arg, ast.TupleExpr):
            return TypeSpec("tuple", items=tuple(parse_type(i, evaluate) for i in arg.items))
    raise EvalError("not a type constraint")


def _object_attr(item: ast.ObjectItem, evaluate: Callable[[ast.Expr], Any]) -> ObjectAttr:
    key = item.key.expr if isinstance(item.key, ast.Parens) else item.key
    if isinstance(key, ast.Literal):
        name = str(key.value)
    elif isinstance(key, ast.Variable):
        name = key.name
    else:
        raise EvalError("an object type attribute name must be an identifier")
    value = item.value
    if isinstance(value, ast.FunctionCall) and value.name == "optional" and value.args:
        attr_type = parse_type(value.args[0], evaluate)
        default = None
        if len(value.args) > 1:
            default = convert(evaluate(value.args[1]), attr_type)
        return ObjectAttr(name, attr_type, optional=True, default=default)
    return ObjectAttr(name, parse_type(value, evaluate))


def convert(value: Any, spec: TypeSpec) -> Any:
    """`value` converted to `spec`; raises EvalError when Terraform would reject it."""
    if value is None or isinstance(value, Unknown) or spec.kind == "any":
        return value
    kind = spec.kind
    if kind == "string":
        if isinstance(value, (list, dict)):
            raise EvalError(f"a string is required, got {type_name(value)}")
        return to_string(value)
    if kind == "number":
        return to_number(value)
    if kind == "bool":
        return to_bool(value)
    if kind in ("list", "set"):
        if not isinstance(value, list):
            raise EvalError(f"a {kind} is required, got {type_name(value)}")
        elem = spec.elem or ANY
        items = [convert(v, elem) for v in value]
        return make_set(items) if kind == "set" else items
    if kind == "map":
        if not isinstance(value, dict):
            raise EvalError(f"a map is required, got {type_name(value)}")
        elem = spec.elem or ANY
        return {k: convert(v, elem) for k, v in value.items()}
    if kind == "object":
        return _convert_object(value, spec)
    if kind == "tuple":
        if not isinstance(value, list) or len(value) != len(spec.items):
            raise EvalError(f"a tuple of {len(spec.items)} elements is required")
        return [convert(v, t) for v, t in zip(value, spec.items, strict=True)]
    return value


def _convert_object(value: Any, spec: TypeSpec) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise EvalError(f"an object is required, got {type_name(value)}")
    out: dict[str, Any] = {}
    for attr in spec.attrs:
        given = value.get(attr.name)
        if given is not None:
            try:
                out[attr.name] = convert(given, attr.type)
            except EvalError as exc:
                raise EvalError(f"attribute {attr.name!r}: {exc}") from None
        elif attr.optional:
            out[attr.name] = attr.default
        elif attr.name in value:
            out[attr.name] = None
        else:
            raise EvalError(f"attribute {attr.name!r} is required")
    return out
