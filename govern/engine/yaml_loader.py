"""Safe YAML loading that rejects duplicate keys and remembers where every entry was written.

`load_yaml(text, file)` returns the plain Python value (dicts, lists, scalars) and a side
table from canonical-style paths (`("check", "all", 1, "op")`) to 1-based line numbers, so
later validation layers can say `file:line`. PyYAML's C parser is used when it is available.
Only the YAML safe schema is understood: no Python objects, no custom tags, no merge keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from govern.errors import SourceError, yaml_syntax_error
from govern.model.resource import Path

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class YamlDocument:
    """A loaded YAML document: its value and the line of every mapping entry and list item
    (for a mapping entry, the line of its key)."""

    value: Any
    lines: Mapping[Path, int]

    def line(self, path: Path) -> int:
        """The line of `path`, else of its nearest recorded ancestor, else 1."""
        while path:
            found = self.lines.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.lines.get((), 1)


def load_yaml(text: str, file: str) -> YamlDocument:
    """Parse one YAML document. Raises `SourceError` (`file:line: what is wrong`) on a syntax
    error, a duplicate key, a non-string key, a merge key or an unsupported tag."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {(): 1})
        builder = _Builder(loader, file)
        builder.lines[()] = node.start_mark.line + 1
        value = builder.build(node, ())
        return YamlDocument(value, builder.lines)
    except yaml.MarkedYAMLError as exc:
        raise yaml_syntax_error(exc, file) from None
    except yaml.reader.ReaderError as exc:
        line = text[: max(exc.position, 0)].count("\n") + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or " ")
        raise SourceError(f"invalid YAML: {exc.reason}", file, line,
                          f"remove character {code:#x}") from None
    except yaml.YAMLError as exc:
        raise SourceError(f"invalid YAML: {exc}", file) from None
    finally:
        loader.dispose()


class _Builder:
    """Turns a composed node tree into Python values, recording lines and rejecting what a
    rule file must not contain."""

    def __init__(self, loader: yaml.SafeLoader, file: str) -> None:
        self.loader = loader
        self.file = file
        self.lines: dict[Path, int] = {}
        self._done: dict[int, Any] = {}  # aliases: a node is built once, then shared
        self._active: set[int] = set()

    def build(self, node: Node, path: Path) -> Any:
        key = id(node)
        if key in self._done:
            return self._done[key]
        if key in self._active:
            raise self._error("recursive alias", node)
        self._active.add(key)
        try:
            if isinstance(node, MappingNode):
                value: Any = self._mapping(node, path)
            elif isinstance(node, SequenceNode):
                value = self._sequence(node, path)
            else:
                value = self.loader.construct_object(node, deep=True)
        finally:
            self._active.discard(key)
        self._done[key] = value
        return value

    def _mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        if node.tag != _MAP_TAG:
            raise self._error(f"unsupported tag {node.tag}", node)
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE_TAG:
                raise self._error("merge keys (<<) are not supported", key_node,
                                  "write the keys out")
            if not isinstance(key_node, ScalarNode):
                raise self._error("a mapping key must be a plain string", key_node)
            key = self.loader.construct_object(key_node)
            if not isinstance(key, str):
                raise self._error(f"key {key_node.value!r} is read as {type(key).__name__}",
                                  key_node, "quote it to make it a string")
            if key in first:
                raise self._error(f"duplicate key '{key}'", key_node,
                                  f"first defined on line {first[key]}")
            first[key] = line
            child = (*path, key)
            self.lines[child] = line
            result[key] = self.build(value_node, child)
        return result

    def _sequence(self, node: SequenceNode, path: Path) -> list[Any]:
        if node.tag != _SEQ_TAG:
            raise self._error(f"unsupported tag {node.tag}", node)
        result: list[Any] = []
        for index, item in enumerate(node.value):
            child = (*path, index)
            self.lines[child] = item.start_mark.line + 1
            result.append(self.build(item, child))
        return result

    def _error(self, message: str, node: Node, hint: str | None = None) -> SourceError:
        return SourceError(message, self.file, node.start_mark.line + 1, hint)
