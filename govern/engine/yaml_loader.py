"""Safe YAML loading that rejects duplicate keys and remembers where every entry was written.

`load_yaml(text, file)` returns the plain Python value (dicts, lists, scalars) and a side
table from canonical-style paths (`("check", "all", 1, "op")`) to 1-based line numbers, so
later validation layers can say `file:line`. PyYAML's C parser is used when it is available.
Only the YAML safe schema is understood: no Python objects, no custom tags, no merge keys.

The document is built from the parser's event stream with an explicit stack, never by
recursion, so no input can exhaust Python's stack (PyYAML's own composer recurses, and its C
version crashes the interpreter on a document nested 100,000 deep). Bounded on the way:
nesting (`MAX_NESTING`, the evaluation budget's limit), the size an aliased value expands
to (`MAX_EXPANDED`, so "billion laughs" cannot blow up later passes over the value), and
every scalar must convert (an integer of more than 4300 digits, a timestamp that is not a
calendar date such as `2026-02-30`, are errors at their line).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from govern.errors import SourceError, exceeds_yaml_nesting, yaml_syntax_error
from govern.model.resource import Path
from govern.parsers.budget import DEFAULT_LIMITS
from govern.user_files import INT_DIGITS

_NESTING_HINT = "govern's nesting limit; flatten the document"
_MAX_INT_BITS = 13_000  # past it, more than 4,000 decimal digits (hexadecimal literals)
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_INT_TAG = "tag:yaml.org,2002:int"
_STR_TAG = "tag:yaml.org,2002:str"
MAX_NESTING = DEFAULT_LIMITS.nesting
MAX_EXPANDED = DEFAULT_LIMITS.value_size


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
    error, a duplicate key, a non-string key, a merge key, an unsupported tag, a value that
    does not convert (huge integer, impossible date), nesting deeper than `MAX_NESTING` or
    aliases expanding past `MAX_EXPANDED` values."""
    loader = _Loader(text)
    try:
        return _Builder(loader, file).document()
    except yaml.MarkedYAMLError as exc:
        if exceeds_yaml_nesting(exc) and exc.problem_mark is not None:
            raise SourceError(f"nested more than {MAX_NESTING} levels deep", file,
                              exc.problem_mark.line + 1, _NESTING_HINT) from None
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


@dataclass
class _Open:
    """A mapping or sequence being built."""

    value: dict[str, Any] | list[Any]
    path: Path
    anchor: str | None
    line: int
    size: int = 1  # values it expands to, itself included
    key: str | None = None  # a mapping's key waiting for its value
    first: dict[str, int] = field(default_factory=dict)  # key -> line (duplicates)


class _Builder:
    """Builds Python values from the event stream, recording lines and rejecting what a
    rule, configuration or waiver file must not contain."""

    def __init__(self, loader: yaml.SafeLoader, file: str) -> None:
        self.loader: Any = loader  # the event API of PyYAML's parsers is untyped
        self.file = file
        self.lines: dict[Path, int] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, expanded size)
        self.building: set[str] = set()  # anchors of containers still open
        self.expanded = 0

    def document(self) -> YamlDocument:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            return YamlDocument(None, {(): 1})
        start = loader.get_event()  # document start
        self.lines[()] = loader.peek_event().start_mark.line + 1
        value = self._value()
        loader.get_event()  # document end
        if not loader.check_event(StreamEndEvent):
            event = loader.get_event()
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", start.start_mark,
                "but found another document", event.start_mark)
        return YamlDocument(value, self.lines)

    def _value(self) -> Any:
        stack: list[_Open] = []
        while True:
            event: Any = self.loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                path = self._child_path(stack, line, event, container=True)
                if len(stack) >= MAX_NESTING:
                    raise self._error(f"nested more than {MAX_NESTING} levels deep", line,
                                      _NESTING_HINT)
                self._check_anchor(event)
                mapping = isinstance(event, MappingStartEvent)
                tag = event.tag if event.tag not in (None, "!") else (
                    _MAP_TAG if mapping else _SEQ_TAG)
                if tag != (_MAP_TAG if mapping else _SEQ_TAG):
                    raise self._error(f"unsupported tag {tag}", line)
                if event.anchor is not None:
                    self.building.add(event.anchor)
                stack.append(_Open({} if mapping else [], path, event.anchor, line))
                self._count(1, line)
                continue
            if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                done = stack.pop()
                value: Any = done.value
                size = done.size
                if done.anchor is not None:
                    self.building.discard(done.anchor)
                    self.anchors[done.anchor] = (value, size)
            elif isinstance(event, AliasEvent):
                if event.anchor in self.building:
                    raise self._error("recursive alias", line)
                if event.anchor not in self.anchors:
                    raise self._error(f"found undefined alias '{event.anchor}'", line)
                value, size = self.anchors[event.anchor]
                self._count(size, line)
                if stack and isinstance(stack[-1].value, dict) and stack[-1].key is None:
                    self._key(stack[-1], value, line, str(event.anchor))
                    continue
                self._child_path(stack, line, event, container=False)
            elif isinstance(event, ScalarEvent):
                self._check_anchor(event)
                self._count(1, line)
                node = self._scalar_node(event)
                if stack and isinstance(stack[-1].value, dict) and stack[-1].key is None:
                    if node.tag == _MERGE_TAG:
                        raise self._error("merge keys (<<) are not supported", line,
                                          "write the keys out")
                    key = self._scalar(node, line)
                    if event.anchor is not None:
                        self.anchors[event.anchor] = (key, 1)
                    self._key(stack[-1], key, line, event.value)
                    continue
                self._child_path(stack, line, event, container=False)
                value, size = self._scalar(node, line), 1
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1)
            else:
                raise self._error(f"unexpected YAML event {type(event).__name__}", line)
            if not stack:
                return value
            parent = stack[-1]
            parent.size += size
            if isinstance(parent.value, dict):
                assert parent.key is not None
                parent.value[parent.key] = value
                parent.key = None
            else:
                parent.value.append(value)

    def _child_path(self, stack: list[_Open], line: int, event: Any, container: bool) -> Path:
        """The path of the value starting at `event`, recorded with its line (a list item),
        and a container in a mapping's key position is refused."""
        if not stack:
            return ()
        parent = stack[-1]
        if isinstance(parent.value, dict):
            if parent.key is None:
                raise self._error("a mapping key must be a plain string", line)
            return (*parent.path, parent.key)
        path = (*parent.path, len(parent.value))
        self.lines[path] = line
        return path

    def _key(self, parent: _Open, key: Any, line: int, written: str) -> None:
        if not isinstance(key, str):
            raise self._error(f"key {written!r} is read as {type(key).__name__}", line,
                              "quote it to make it a string")
        if key in parent.first:
            raise self._error(f"duplicate key '{key}'", line,
                              f"first defined on line {parent.first[key]}")
        parent.first[key] = line
        parent.key = key
        self.lines[(*parent.path, key)] = line

    def _scalar_node(self, event: Any) -> ScalarNode:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(ScalarNode, event.value, event.implicit)
        return ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)

    def _scalar(self, node: ScalarNode, line: int) -> Any:
        if node.tag == _STR_TAG:
            return node.value
        try:
            value = self.loader.construct_object(node, deep=True)
            if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:  # `0xfff...`
                raise ValueError("no decimal text of it could be written")
            return value
        except ValueError as exc:
            shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
            if node.tag == _TIMESTAMP_TAG:
                raise self._error(f"not a calendar date: {shown} ({exc})", line,
                                  "write a real date, YYYY-MM-DD") from None
            if node.tag == _INT_TAG:
                raise self._error(f"a number with more than {INT_DIGITS} digits, which "
                                  f"govern does not read", line,
                                  "quote it if it is not meant as a number") from None
            raise self._error(f"cannot read the value {shown!r} ({exc})", line) from None

    def _check_anchor(self, event: Any) -> None:
        anchor = event.anchor
        if anchor is not None and (anchor in self.anchors or anchor in self.building):
            raise self._error(f"duplicate anchor '{anchor}'", event.start_mark.line + 1,
                              "give each anchor its own name")

    def _count(self, size: int, line: int) -> None:
        self.expanded += size
        if self.expanded > MAX_EXPANDED:
            raise self._error(f"aliases expand to more than {MAX_EXPANDED:,} values", line,
                              "govern's value size limit; write the values out or use "
                              "fewer aliases")

    def _error(self, message: str, line: int, hint: str | None = None) -> SourceError:
        return SourceError(message, self.file, line, hint)


__all__ = ["MAX_NESTING", "YamlDocument", "load_yaml"]
