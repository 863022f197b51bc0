"""Evaluate a block body (a resource's, a provider's): attributes, nested blocks as lists
of dicts, `dynamic` blocks expanded, and the source range of every path written.

Top-level names are evaluated lazily and memoized, so a reference to one attribute of a
resource does not evaluate the rest (and attribute-level cycles give Unknown instead of
recursing forever). An attribute whose value is null is treated as not set (absent).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govern.model.finding import Notice
from govern.model.resource import Path
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.budget import BudgetExceeded
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.evaluator import Env, Evaluator
from govern.parsers.terraform.values import EvalError, check_value, to_string, type_name

Locations = dict[Path, SourceRange]


@dataclass(frozen=True)
class Evaluated:
    """One top-level name of a body: its value (None when null), where its parts were
    written, and the resource addresses its expressions refer to."""

    value: Any
    locations: Locations
    refs: frozenset[str]


class BodyValues:
    """The lazily evaluated top-level names of one block body.

    The references an evaluated name makes are kept in `Evaluated.refs` and do not count
    for whoever asked (a reference to a resource is not a reference to what it refers
    to)."""

    def __init__(self, body: ast.Body, evaluator: Evaluator, env: Env, file: str, what: str,
                 skip_attrs: frozenset[str] = frozenset(),
                 skip_blocks: frozenset[str] = frozenset()) -> None:
        self.body = body
        self.evaluator = evaluator
        self.env = env
        self.file = file
        self.what = what
        self._attrs = {k: v for k, v in body.attributes.items() if k not in skip_attrs}
        self._groups = _group_blocks(body.blocks, skip_blocks)
        self._memo: dict[str, Evaluated] = {}
        self._active: set[str] = set()

    def names(self) -> list[str]:
        return [*self._attrs, *(g for g in self._groups if g not in self._attrs)]

    def is_block(self, name: str) -> bool:
        return name in self._groups and name not in self._attrs

    def has(self, name: str) -> bool:
        return name in self._attrs or name in self._groups

    def get(self, name: str) -> Evaluated | None:
        """The evaluated name, or None when the body does not write it."""
        memo = self._memo.get(name)
        if memo is not None:
            return memo
        if not self.has(name):
            return None
        if name in self._active:
            line = self._line(name)
            self.evaluator.sink.add(Notice(
                "warning", f"{self.what}.{name} refers to itself", self.file, line,
                code="eval-cycle"))
            return Evaluated(Unknown(f"{self.what}.{name} refers to itself"), {}, frozenset())
        self._active.add(name)
        what = f"{self.what}.{name}"
        try:
            with self.evaluator.recorder.collect(propagate=False) as refs:
                try:
                    with self.evaluator.budget.nested(what):
                        value, locations = self._evaluate(name)
                        check_value(value, what)
                except BudgetExceeded as exc:  # once, at the attribute; then Unknown
                    value = self.evaluator.budget_exceeded(exc, what, self.file,
                                                           self._line(name))
                    locations = {}
        finally:
            self._active.discard(name)
        result = Evaluated(value, locations, frozenset(refs))
        self._memo[name] = result
        return result

    def evaluate_all(self) -> tuple[dict[str, Any], Locations, set[str]]:
        values: dict[str, Any] = {}
        locations: Locations = {}
        refs: set[str] = set()
        for name in self.names():
            result = self.get(name)
            assert result is not None
            refs.update(result.refs)
            if result.value is not None:
                values[name] = result.value
                locations.update(result.locations)
        return values, locations, refs

    def _line(self, name: str) -> int:
        if name in self._attrs:
            return self._attrs[name].line
        return self._groups[name][0].line

    def _evaluate(self, name: str) -> tuple[Any, Locations]:
        walker = _Walker(self.evaluator, self.file, self.what)
        locations: Locations = {}
        if name in self._attrs:
            attr = self._attrs[name]
            value = walker.attribute(attr, self.env, (name,), locations)
            return value, locations
        value = walker.group(self._groups[name], self.env, (name,), locations)
        return value, locations


def _group_blocks(blocks: tuple[ast.Block, ...],
                  skip: frozenset[str] = frozenset()) -> dict[str, list[ast.Block]]:
    groups: dict[str, list[ast.Block]] = {}
    for block in blocks:
        if block.type == "dynamic":
            if not block.labels:
                continue
            name = block.labels[0]
        else:
            name = block.type
        if name in skip:
            continue
        groups.setdefault(name, []).append(block)
    return groups


class _Walker:
    """Evaluates attributes and nested blocks eagerly, recording locations."""

    def __init__(self, evaluator: Evaluator, file: str, what: str) -> None:
        self.evaluator = evaluator
        self.file = file
        self.what = what

    def range(self, node: ast.Node) -> SourceRange:
        return SourceRange(self.file, node.line, node.end_line)

    def attribute(self, attr: ast.Attribute, env: Env, path: Path,
                  locations: Locations) -> Any:
        where = ".".join(str(p) for p in path)
        value = self.evaluator.attribute_value(attr.expr, env, self.file, f"{self.what}.{where}")
        if value is not None:
            locations[path] = self.range(attr)
            _expr_locations(attr.expr, path, self.file, locations)
        return value

    def body(self, body: ast.Body, env: Env, path: Path, locations: Locations) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, attr in body.attributes.items():
            value = self.attribute(attr, env, (*path, name), locations)
            if value is not None:
                out[name] = value
        for name, blocks in _group_blocks(body.blocks).items():
            if name not in out:
                out[name] = self.group(blocks, env, (*path, name), locations)
        return out

    def group(self, blocks: list[ast.Block], env: Env, path: Path, locations: Locations) -> Any:
        items: list[Any] = []
        inner: Locations = {}
        result: Any = items
        for block in blocks:
            if block.type != "dynamic":
                inner[(*path, len(items))] = self.range(block)
                items.append(self.body(block.body, env, (*path, len(items)), inner))
                continue
            expanded = self.dynamic(block, env)
            if isinstance(expanded, Unknown):
                result = expanded
                inner = {}
                break
            for content, content_env in expanded:
                inner[(*path, len(items))] = self.range(content)
                items.append(self.body(content.body, content_env, (*path, len(items)), inner))
        locations[path] = SourceRange(self.file, blocks[0].line, blocks[-1].end_line)
        locations.update(inner)
        return result

    def dynamic(self, block: ast.Block, env: Env) -> list[tuple[ast.Block, Env]] | Unknown:
        label = block.labels[0]
        what = f"{self.what}: dynamic {label!r}"
        for_each = block.body.attributes.get("for_each")
        content = next((b for b in block.body.blocks if b.type == "content"), None)
        if for_each is None or content is None:
            self._warn(block.line, f"{what} needs for_each and a content block")
            return Unknown(f"{what} is incomplete")
        iterator = label
        iterator_attr = block.body.attributes.get("iterator")
        if iterator_attr is not None:
            name = _static_name(iterator_attr.expr)
            if name is None:
                self._warn(iterator_attr.line, f"{what}: iterator must be a name")
                return Unknown(f"{what}: iterator must be a name")
            iterator = name
        collection = self.evaluator.attribute_value(for_each.expr, env, self.file,
                                                    f"{what} for_each")
        if isinstance(collection, Unknown):
            return collection
        try:
            pairs = _pairs(collection)
        except EvalError as exc:
            self._warn(for_each.line, f"{what}: {exc}")
            return Unknown(f"{what}: {exc}")
        out: list[tuple[ast.Block, Env]] = []
        for key, value in pairs:
            inner = dict(env)
            inner[iterator] = {"key": key, "value": value}
            out.append((content, inner))
        return out

    def _warn(self, line: int, message: str) -> None:
        self.evaluator.sink.add(Notice("warning", message, self.file, line, code="eval-error"))


def _pairs(collection: Any) -> list[tuple[Any, Any]]:
    if isinstance(collection, dict):
        return [(k, collection[k]) for k in sorted(collection)]
    if isinstance(collection, list):
        return list(enumerate(collection))
    if collection is None:
        raise EvalError("for_each must not be null")
    raise EvalError(f"for_each must be a map, set or list, got {type_name(collection)}")


def _static_name(expr: ast.Expr) -> str | None:
    if isinstance(expr, ast.Variable):
        return expr.name
    if isinstance(expr, ast.Literal) and isinstance(expr.value, str):
        return expr.value
    if isinstance(expr, ast.Template) and len(expr.parts) == 1 and isinstance(expr.parts[0], str):
        return expr.parts[0]
    return None


def _expr_locations(expr: ast.Expr, path: Path, file: str, locations: Locations) -> None:
    """Sub-paths of an object or tuple written literally (`tags = { Name = "x" }`)."""
    if isinstance(expr, ast.ObjectExpr):
        for item in expr.items:
            key = item.key
            if isinstance(key, ast.Literal) and key.value is not None:
                sub = (*path, to_string(key.value))
                locations[sub] = SourceRange(file, item.line, item.end_line)
                _expr_locations(item.value, sub, file, locations)
    elif isinstance(expr, ast.TupleExpr):
        for index, element in enumerate(expr.items):
            sub = (*path, index)
            locations[sub] = SourceRange(file, element.line, element.end_line)
            _expr_locations(element, sub, file, locations)
