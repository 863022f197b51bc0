"""The syntax tree of HCL (native syntax and .tf.json), with line ranges.

The parser (`hcl_parser.py`) builds it; the evaluator (`evaluator.py`) walks it.
Every node carries 1-based `line` and `end_line` (inclusive) in `file`'s text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from govern.model.finding import Notice


@dataclass(frozen=True, slots=True)
class Node:
    line: int
    end_line: int


# ----- expressions -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Literal(Node):
    """A number, bool, null, or a string without interpolation."""

    value: str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class TemplateIf(Node):
    """`%{ if cond }...%{ else }...%{ endif }` inside a template."""

    condition: Expr
    then_parts: tuple[TemplatePart, ...]
    else_parts: tuple[TemplatePart, ...]


@dataclass(frozen=True, slots=True)
class TemplateFor(Node):
    """`%{ for k, v in coll }...%{ endfor }` inside a template (`key_var` None with one var)."""

    key_var: str | None
    value_var: str
    collection: Expr
    parts: tuple[TemplatePart, ...]


TemplatePart = Union[str, "Expr", TemplateIf, TemplateFor]


@dataclass(frozen=True, slots=True)
class Template(Node):
    """A quoted string or heredoc with `${...}` / `%{...}`. Literal text parts are `str`
    (escapes already processed, `$${` already turned into `${`, heredoc indentation
    already stripped for `<<-`). A template that is exactly one `${expr}` evaluates to the
    value of `expr` unconverted (HCL's rule)."""

    parts: tuple[TemplatePart, ...]


@dataclass(frozen=True, slots=True)
class Variable(Node):
    """A root name: `var`, `local`, `aws_s3_bucket`, `each`, `count`, `path`, `module`,
    `data`, a for-expression variable, ..."""

    name: str


@dataclass(frozen=True, slots=True)
class GetAttr(Node):
    """`obj.name`"""

    obj: Expr
    name: str


@dataclass(frozen=True, slots=True)
class Index(Node):
    """`obj[key]` (also the legacy `obj.0` form, with key a Literal int)."""

    obj: Expr
    key: Expr


@dataclass(frozen=True, slots=True)
class Splat(Node):
    """`obj[*].a.b` (full) or `obj.*.a.b` (attribute-only). `each` is the traversal applied
    to every element, written against `SplatItem`: `obj[*].a.b` ->
    Splat(obj, GetAttr(GetAttr(SplatItem, "a"), "b"))."""

    obj: Expr
    each: Expr
    full: bool = True


@dataclass(frozen=True, slots=True)
class SplatItem(Node):
    """The element placeholder inside `Splat.each`."""


@dataclass(frozen=True, slots=True)
class FunctionCall(Node):
    """`name(args...)`; `expand_final` for `f(a, b...)`. Provider functions keep their full
    name (`provider::aws::arn_parse`)."""

    name: str
    args: tuple[Expr, ...]
    expand_final: bool = False


@dataclass(frozen=True, slots=True)
class Conditional(Node):
    condition: Expr
    true_expr: Expr
    false_expr: Expr


@dataclass(frozen=True, slots=True)
class BinaryOp(Node):
    """`op` is one of `|| && == != < > <= >= + - * / %`."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class UnaryOp(Node):
    """`op` is `!` or `-`."""

    op: str
    operand: Expr


@dataclass(frozen=True, slots=True)
class TupleExpr(Node):
    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class ObjectItem(Node):
    """`key = value` or `key: value` in an object. A bare identifier key is a Literal
    string; `(expr)` or any other expression key is evaluated."""

    key: Expr
    value: Expr


@dataclass(frozen=True, slots=True)
class ObjectExpr(Node):
    items: tuple[ObjectItem, ...]


@dataclass(frozen=True, slots=True)
class ForExpr(Node):
    """`[for k, v in coll : value if cond]` (tuple) or
    `{for k, v in coll : key => value... if cond}` (object; `group` when `...`)."""

    key_var: str | None
    value_var: str
    collection: Expr
    value_expr: Expr
    key_expr: Expr | None = None  # set for object form
    condition: Expr | None = None
    group: bool = False


@dataclass(frozen=True, slots=True)
class Parens(Node):
    """`(expr)`: kept so object keys in parentheses are evaluated, not taken literally."""

    expr: Expr


Expr = (
    Literal | Template | Variable | GetAttr | Index | Splat | SplatItem | FunctionCall
    | Conditional | BinaryOp | UnaryOp | TupleExpr | ObjectExpr | ForExpr | Parens
)


# ----- structure ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attribute(Node):
    name: str
    expr: Expr


@dataclass(frozen=True, slots=True)
class Block(Node):
    """`type "label" "label" { body }`."""

    type: str
    labels: tuple[str, ...]
    body: Body


@dataclass(frozen=True, slots=True)
class Body(Node):
    """Attributes (unique names, in source order) and blocks (in source order)."""

    attributes: dict[str, Attribute] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class ConfigFile:
    """One parsed `.tf` / `.tf.json` / `.tfvars` / `.tfvars.json` file."""

    path: str
    body: Body
    notices: tuple[Notice, ...] = ()  # e.g. the file was not UTF-8 and was decoded anyway
