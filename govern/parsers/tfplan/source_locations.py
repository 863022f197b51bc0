"""Where a planned resource's values were written in its Terraform source block.

Names are matched to the block's attributes and nested blocks; inside an attribute, object
keys and tuple elements written literally are matched too. A nested block list in the plan
may be reordered (sets), so each planned element goes to the written block whose literal
scalar arguments agree with it best; elements no written block agrees with come from a
`dynamic` block when there is one (they point at it), else they get no location of their
own (a lookup falls back to the enclosing block).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from govern.model.resource import Path
from govern.model.source import SourceRange
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.tfplan.source import literal_string

Locations = dict[Path, SourceRange]
_NOT_LITERAL = object()


def source_locations(file: str, block: ast.Block, attributes: dict[str, Any]) -> Locations:
    """The locations in `file` of the paths of `attributes` that `block` writes."""
    found: Locations = {}
    _body(file, block.body, attributes, (), found)
    return found


def dynamic_names(block: ast.Block) -> frozenset[str]:
    """The nested blocks the resource writes with `dynamic` (top level)."""
    return frozenset(b.labels[0] for b in block.body.blocks
                     if b.type == "dynamic" and b.labels)


def _range(file: str, node: ast.Node) -> SourceRange:
    return SourceRange(file, node.line, node.end_line)


def _body(file: str, body: ast.Body, value: dict[str, Any], path: Path,
          found: Locations) -> None:
    for name, attr in body.attributes.items():
        if name in value:
            found[(*path, name)] = _range(file, attr)
            _expression(file, attr.expr, value[name], (*path, name), found)
    groups: dict[str, list[ast.Block]] = defaultdict(list)
    for nested in body.blocks:
        name = nested.labels[0] if nested.type == "dynamic" and nested.labels else nested.type
        groups[name].append(nested)
    for name, blocks in groups.items():
        if name not in value or name in body.attributes:
            continue
        sub = (*path, name)
        found[sub] = SourceRange(file, blocks[0].line, blocks[-1].end_line)
        elements = value[name]
        if isinstance(elements, dict):  # a single nested block
            static = [b for b in blocks if b.type != "dynamic"]
            if len(static) == 1:
                _body(file, static[0].body, elements, sub, found)
        elif isinstance(elements, list):
            _elements(file, blocks, elements, sub, found)


def _elements(file: str, blocks: list[ast.Block], elements: list[Any], path: Path,
              found: Locations) -> None:
    static = [b for b in blocks if b.type != "dynamic"]
    dynamic = [b for b in blocks if b.type == "dynamic"]
    free = list(static)
    for index, element in enumerate(elements):
        if not isinstance(element, dict):
            continue
        scored = [(score, -position, b) for position, b in enumerate(free)
                  if (score := _agreement(b.body, element)) is not None]
        if scored:
            _, _, best = max(scored, key=lambda s: (s[0], s[1]))
            free.remove(best)
            found[(*path, index)] = _range(file, best)
            _body(file, best.body, element, (*path, index), found)
        elif len(dynamic) == 1:
            content = next((b for b in dynamic[0].body.blocks if b.type == "content"), None)
            found[(*path, index)] = _range(file, dynamic[0])
            if content is not None:
                _body(file, content.body, element, (*path, index), found)


def _agreement(body: ast.Body, element: dict[str, Any]) -> int | None:
    """How many literal scalar arguments of a written block equal the planned element's;
    None when one differs."""
    score = 0
    for name, attr in body.attributes.items():
        written = _scalar(attr.expr)
        if written is _NOT_LITERAL:
            continue
        planned = element.get(name)
        if planned is None or isinstance(planned, (dict, list)):
            continue
        if not _same(written, planned):
            return None
        score += 1
    return score


def _scalar(expr: ast.Expr) -> Any:
    text = literal_string(expr)
    if text is not None:
        return text
    if isinstance(expr, ast.Literal):
        return expr.value
    if (isinstance(expr, ast.UnaryOp) and expr.op == "-" and isinstance(expr.operand, ast.Literal)
            and isinstance(expr.operand.value, (int, float))
            and not isinstance(expr.operand.value, bool)):
        return -expr.operand.value
    return _NOT_LITERAL


def _same(written: Any, planned: Any) -> bool:
    """Equal as Terraform converts them (`"22"` and `22`, `"true"` and `true`)."""
    if written == planned and type(written) is type(planned):
        return True
    return _text(written) == _text(planned)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _expression(file: str, expr: ast.Expr, value: Any, path: Path, found: Locations) -> None:
    """Sub-paths of an object or tuple written literally (`tags = { Name = "x" }`)."""
    if isinstance(expr, ast.ObjectExpr) and isinstance(value, dict):
        for item in expr.items:
            key = literal_string(item.key) if not isinstance(item.key, ast.Literal) else (
                None if item.key.value is None else _text(item.key.value))
            if key is not None and key in value:
                found[(*path, key)] = _range(file, item)
                _expression(file, item.value, value[key], (*path, key), found)
    elif (isinstance(expr, ast.TupleExpr) and isinstance(value, list)
          and len(expr.items) == len(value)):
        for index, element in enumerate(expr.items):
            found[(*path, index)] = _range(file, element)
            _expression(file, element, value[index], (*path, index), found)
