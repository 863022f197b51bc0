"""The positioned tree both template syntaxes are read into.

YAML and JSON templates become the same tree of `Node`s: mappings (`pairs` of key, key
line and value), sequences (`items`) and scalars (`value`), each with its 1-based first
and last line. YAML short-form tags are already in their long form (`!Ref x` is the
mapping `{Ref: x}`), so the evaluator reads one shape whatever the file was written in.
"""

from __future__ import annotations

from typing import Any

MAP = "map"
SEQ = "seq"
SCALAR = "scalar"


class Node:
    """One value of a template with its line range.

    `kind` is `map`, `seq` or `scalar`; `pairs` holds `(key, key_line, value)` for a
    mapping (one entry per distinct key, the last one when a key repeats), `items` the
    elements of a sequence, `value` the Python value of a scalar (str, int, float, bool or
    None)."""

    __slots__ = ("end", "items", "kind", "line", "pairs", "value")

    def __init__(self, kind: str, line: int, end: int, value: Any = None,
                 pairs: list[tuple[str, int, Node]] | None = None,
                 items: list[Node] | None = None) -> None:
        self.kind = kind
        self.line = line
        self.end = end
        self.value = value
        self.pairs = pairs if pairs is not None else []
        self.items = items if items is not None else []

    def __repr__(self) -> str:
        return f"Node({self.kind}, {self.line}-{self.end}, {plain(self)!r})"

    def get(self, key: str) -> Node | None:
        """The value of `key` in a mapping node (None when absent or not a mapping)."""
        for name, _, child in self.pairs:
            if name == key:
                return child
        return None

    def key_line(self, key: str) -> int | None:
        for name, line, _ in self.pairs:
            if name == key:
                return line
        return None

    def single_key(self) -> str | None:
        """The only key of a one-entry mapping (how intrinsic functions are written)."""
        if self.kind == MAP and len(self.pairs) == 1:
            return self.pairs[0][0]
        return None


def plain(node: Node) -> Any:
    """The node as plain Python values (dicts, lists, scalars), intrinsics unevaluated."""
    if node.kind == MAP:
        return {key: plain(child) for key, _, child in node.pairs}
    if node.kind == SEQ:
        return [plain(child) for child in node.items]
    return node.value


def scalar_text(value: Any) -> str:
    """A scalar as CloudFormation reads it in a string context: `true`, `80`, `1.5`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)
