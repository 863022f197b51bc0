"""Terraform's JSON configuration syntax (`.tf.json`, `.tfvars.json`) to `hcl_ast`.

Follows Terraform's rules: top-level properties are block types, followed by one object
level per block label (`resource` -> type -> name -> body); an array may stand for
several blocks at any of these levels; a `"//"` property of a block body is a comment.
In bodies, strings are templates (`"${var.x}"` is the expression `var.x`), except where
Terraform expects a bare expression (`type`, `depends_on`, `provider`, `ignore_changes`,
...) or a literal (a variable's `default`, `.tfvars.json` values).

Without provider schemas, a JSON object inside a resource body cannot be told apart from
an attribute, so it becomes an attribute with an ObjectExpr value; only the blocks
Terraform knows without a schema (`lifecycle`, `provisioner`, `connection`, `dynamic`
and its `content`) become Blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govern.errors import SourceError
from govern.parsers.json_positions import JNode, parse_json_positions
from govern.parsers.terraform.hcl_ast import (
    Attribute,
    Block,
    Body,
    ConfigFile,
    Expr,
    Literal,
    ObjectExpr,
    ObjectItem,
    TupleExpr,
)
from govern.parsers.terraform.hcl_parser import parse_expression, parse_template

TEMPLATE = "template"
EXPRESSION = "expression"
LITERAL = "literal"
_COMMENT = "//"


@dataclass(frozen=True)
class _Schema:
    """What Terraform knows about a body without provider schemas."""

    blocks: dict[str, tuple[int, str]] = field(default_factory=dict)  # type -> (labels, schema)
    modes: dict[str, str] = field(default_factory=dict)  # attribute -> string mode


_SCHEMAS: dict[str, _Schema] = {
    "root": _Schema({
        "resource": (2, "resource"), "data": (2, "resource"), "ephemeral": (2, "resource"),
        "module": (1, "module"), "provider": (1, "plain"), "variable": (1, "variable"),
        "output": (1, "output"), "locals": (0, "plain"), "terraform": (0, "terraform"),
        "moved": (0, "moved"), "import": (0, "import"), "removed": (0, "removed"),
        "check": (1, "check"),
    }),
    "plain": _Schema(),
    "resource": _Schema(
        {"lifecycle": (0, "lifecycle"), "provisioner": (1, "provisioner"),
         "connection": (0, "plain"), "dynamic": (1, "dynamic")},
        {"depends_on": EXPRESSION, "provider": EXPRESSION},
    ),
    "lifecycle": _Schema(
        {"precondition": (0, "plain"), "postcondition": (0, "plain")},
        {"ignore_changes": EXPRESSION, "replace_triggered_by": EXPRESSION},
    ),
    "provisioner": _Schema(
        {"connection": (0, "plain")}, {"when": EXPRESSION, "on_failure": EXPRESSION},
    ),
    "dynamic": _Schema({"content": (0, "content")}, {"iterator": EXPRESSION}),
    "content": _Schema({"dynamic": (1, "dynamic")}),
    "variable": _Schema({"validation": (0, "plain")}, {"type": EXPRESSION, "default": LITERAL}),
    "output": _Schema({"precondition": (0, "plain")}, {"depends_on": EXPRESSION}),
    "module": _Schema({}, {"depends_on": EXPRESSION, "providers": EXPRESSION}),
    "terraform": _Schema(
        {"required_providers": (0, "plain"), "backend": (1, "plain"), "cloud": (0, "cloud"),
         "provider_meta": (1, "plain")},
        {"experiments": EXPRESSION},
    ),
    "cloud": _Schema({"workspaces": (0, "plain")}),
    "moved": _Schema({}, {"from": EXPRESSION, "to": EXPRESSION}),
    "import": _Schema({}, {"to": EXPRESSION, "provider": EXPRESSION}),
    "removed": _Schema(
        {"lifecycle": (0, "lifecycle"), "provisioner": (1, "provisioner")},
        {"from": EXPRESSION},
    ),
    "check": _Schema({"data": (2, "resource"), "assert": (0, "plain")}),
}


class _Converter:
    def __init__(self, path: str) -> None:
        self.path = path

    def body(self, node: JNode, schema: _Schema, literal: bool = False) -> Body:
        self.require_object(node, "a block body")
        if node.duplicates:
            key, line = node.duplicates[0]
            raise SourceError(f'duplicate property "{key}"', self.path, line,
                              "an argument or block type can appear only once in a body")
        attributes: dict[str, Attribute] = {}
        blocks: list[Block] = []
        for key, key_line, child in node.members:
            if key == _COMMENT:
                continue
            nested = schema.blocks.get(key)
            if nested is not None:
                labels, name = nested
                blocks.extend(self.blocks(key, key_line, child, labels, _SCHEMAS[name], ()))
                continue
            mode = LITERAL if literal else schema.modes.get(key, TEMPLATE)
            value = self.expr(child, mode)
            attributes[key] = Attribute(key_line, child.end_line, key, value)
        return Body(node.line, node.end_line, attributes, tuple(blocks))

    def blocks(self, block_type: str, line: int, node: JNode, label_count: int,
               schema: _Schema, labels: tuple[str, ...]) -> list[Block]:
        """The blocks written at one label level (an array may hold several)."""
        if node.kind == "array":
            out: list[Block] = []
            for element in node.elements:
                out.extend(self.blocks(block_type, element.line, element, label_count,
                                       schema, labels))
            return out
        if len(labels) == label_count:
            body = self.body(node, schema)
            return [Block(line, node.end_line, block_type, labels, body)]
        self.require_object(node, f'the labels of a "{block_type}" block')
        out = []
        for key, key_line, child in node.members:
            if key != _COMMENT:
                out.extend(self.blocks(block_type, key_line, child, label_count, schema,
                                       (*labels, key)))
        return out

    def expr(self, node: JNode, mode: str) -> Expr:
        kind = node.kind
        if kind == "string":
            if mode == TEMPLATE:
                return parse_template(node.value, self.path, node.line)
            if mode == EXPRESSION:
                return parse_expression(node.value, self.path, node.line)
            return Literal(node.line, node.end_line, node.value)
        if kind == "array":
            items = tuple(self.expr(element, mode) for element in node.elements)
            return TupleExpr(node.line, node.end_line, items)
        if kind == "object":
            return ObjectExpr(node.line, node.end_line, tuple(
                ObjectItem(key_line, child.end_line, self.key(key, key_line, mode),
                           self.expr(child, mode))
                for key, key_line, child in node.members
            ))
        return Literal(node.line, node.end_line, node.value)

    def key(self, key: str, line: int, mode: str) -> Expr:
        if mode == TEMPLATE:
            return parse_template(key, self.path, line)
        return Literal(line, line, key)

    def require_object(self, node: JNode, what: str) -> None:
        if node.kind != "object":
            raise SourceError(f"expected a JSON object for {what}, found {_describe(node)}",
                              self.path, node.line,
                              'Terraform JSON nests blocks as objects, e.g. '
                              '{"resource": {"TYPE": {"NAME": {...}}}}')


def _describe(node: JNode) -> str:
    return {"array": "an array", "string": "a string", "number": "a number",
            "bool": "a bool", "null": "null", "object": "an object"}[node.kind]


def parse_tf_json(text: str, path: str) -> ConfigFile:
    """Parse a `.tf.json` file. Unknown top-level properties become blocks without
    labels."""
    root = parse_json_positions(text, path)
    converter = _Converter(path)
    converter.require_object(root, "the top level of a .tf.json file")
    schema = _SCHEMAS["root"]
    extra = {key: (0, "plain") for key, _, _ in root.members
             if key not in schema.blocks and key != _COMMENT}
    if extra:
        schema = _Schema({**schema.blocks, **extra})
    return ConfigFile(path, converter.body(root, schema))


def parse_tfvars_json(text: str, path: str) -> ConfigFile:
    """Parse a `.tfvars.json` file: one attribute per variable, literal values."""
    root = parse_json_positions(text, path)
    converter = _Converter(path)
    converter.require_object(root, "the top level of a .tfvars.json file")
    return ConfigFile(path, converter.body(root, _SCHEMAS["plain"], literal=True))
