"""Reading JSON templates into positioned nodes (through the position-keeping JSON reader)."""

from __future__ import annotations

from govern.model.finding import Notice
from govern.parsers.cloudformation.nodes import MAP, SCALAR, SEQ, Node
from govern.parsers.json_positions import JNode, parse_json_positions

Duplicate = tuple[str, int, int]  # key, line of the repeat, line of the first (0: unknown)


def load_json(text: str, path: str, notices: list[Notice] | None = None
              ) -> tuple[Node, list[Duplicate]]:
    """Parse a JSON template; raise SourceError (with the line) when it is not valid JSON.
    Warnings (a lone surrogate read as U+FFFD) go to `notices` when given."""
    root = parse_json_positions(text, path, notices)
    duplicates: list[Duplicate] = []
    return _node(root, duplicates), duplicates


def _node(raw: JNode, duplicates: list[Duplicate]) -> Node:
    if raw.kind == "object":
        duplicates.extend((key, line, 0) for key, line in raw.duplicates)
        pairs = [(key, line, _node(child, duplicates)) for key, line, child in raw.members]
        return Node(MAP, raw.line, raw.end_line, pairs=pairs)
    if raw.kind == "array":
        return Node(SEQ, raw.line, raw.end_line,
                    items=[_node(child, duplicates) for child in raw.elements])
    return Node(SCALAR, raw.line, raw.end_line, raw.value)
