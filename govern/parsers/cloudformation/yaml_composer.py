"""YAML events -> PyYAML's node graph, bounded on any input.

PyYAML's own composers recurse once per nesting level (the C one in C: a document nested
fifty thousand levels deep crashes the interpreter) and build aliases as shared nodes, so
that a "billion laughs" document (ten aliases of ten aliases of ...) is small as a graph
but expands to billions of values when read. This composer reads the parser's events
(libyaml's when it is installed) without recursion and stops with a SourceError at the line
where the document

- nests collections deeper than the budget's `nesting` limit;
- uses an alias inside the anchored node it names (a recursive alias: an infinite value);
- expands, counting every alias as the nodes it names, to more than the budget's
  `value_size` nodes (so the aliases of a document are limited too: each counts at least
  one node). The count is the document's own: reading a file outside a scan unit (inline
  suppressions) leaves no trace in a shared budget.

Otherwise the result is what `yaml.compose` returns: the same nodes, tags and marks.

Composing event by event in Python costs about three times libyaml's own composer, so a
document is first composed by libyaml when libyaml bounds nesting itself (libyaml 0.2.5,
in PyYAML's wheels, stops past 1,000 levels, so its recursion cannot exhaust the stack;
checked once by `_libyaml_bounded`). The result is kept only when one iterative pass
shows it within every limit above with no node reached twice (no alias at all); anything
else (an alias, a limit approached, any error) composes again here, which says exactly
what is wrong and where.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import ComposerError

from govern.errors import SourceError, exceeds_yaml_nesting
from govern.parsers.budget import Limits, current

try:
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml is not installed
    _Loader = yaml.SafeLoader

_HINT = ("govern stopped reading this YAML to stay bounded; the template could not be "
         "judged (docs/configuration.md, evaluation limits)")


_LIBYAML_NESTING = 1000  # flow collections; libyaml stops past it


def _too_deep(limits: Limits, path: str, line: int) -> SourceError:
    return SourceError(f"invalid YAML: collections nested deeper than {limits.nesting} levels",
                       path, line, _HINT)


@dataclass
class _Open:
    """A collection being composed: its node, its expanded size so far, the key waiting
    for its value (mappings)."""

    node: yaml.CollectionNode
    size: int = 1
    key: yaml.Node | None = None
    pairs: list[tuple[yaml.Node, yaml.Node]] = field(default_factory=list)


def compose(text: str, path: str) -> yaml.Node | None:
    """The node graph of the single YAML document in `text` (None when there is none).
    Raises yaml.MarkedYAMLError for invalid YAML, SourceError past a limit."""
    limits = current().limits
    if _libyaml_bounded():
        kept, node = _by_libyaml(text, limits)
        if kept:
            return node
    loader = _Loader(text)
    try:
        return _Composer(loader, path, limits).document()
    except yaml.MarkedYAMLError as exc:
        if exceeds_yaml_nesting(exc) and exc.problem_mark is not None:
            line = exc.problem_mark.line + 1
            if limits.nesting < _LIBYAML_NESTING:
                raise _too_deep(limits, path, line) from None
            raise SourceError(f"invalid YAML: collections nested deeper than "
                              f"{_LIBYAML_NESTING} levels (libyaml's own limit)", path,
                              line, _HINT) from None
        raise
    finally:
        loader.dispose()


@functools.cache
def _libyaml_bounded() -> bool:
    """Whether libyaml's composer is in use and stops block and flow nesting itself."""
    if _Loader is not getattr(yaml, "CSafeLoader", None):
        return False
    for probe in ("[" * 1100 + "]" * 1100, "- " * 1100 + "x\n"):
        try:
            yaml.compose(probe, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            if not exceeds_yaml_nesting(exc):
                return False
        else:
            return False
    return True


def _by_libyaml(text: str, limits: Limits) -> tuple[bool, yaml.Node | None]:
    """(True, libyaml's node graph of `text`) when it is within the limits and holds no
    alias (no node reached twice); (False, None) when it must be composed again here."""
    again = (False, None)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return again
    if root is None:
        return True, None
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or len(seen) >= limits.value_size:
            return again
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            if depth >= limits.nesting:
                return again
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            if depth >= limits.nesting:
                return again
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
    return True, root


class _Composer:
    def __init__(self, loader: Any, path: str, limits: Limits) -> None:
        self.loader = loader
        self.path = path
        self.limits = limits
        self.anchors: dict[str, yaml.Node] = {}
        self.sizes: dict[int, int] = {}  # id of an anchored node -> its expanded size
        self.open: set[int] = set()  # ids of the collections being composed

    def document(self) -> yaml.Node | None:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            loader.get_event()
            return None
        start = loader.get_event()  # document start
        root = self.node()
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            extra = loader.get_event()
            raise ComposerError("expected a single document in the stream", start.start_mark,
                                "but found another document", extra.start_mark)
        loader.get_event()
        return root

    def node(self) -> yaml.Node:
        """The next node of the event stream, composed without recursion."""
        loader = self.loader
        limits = self.limits
        stack: list[_Open] = []
        while True:
            event: Any = loader.get_event()
            kind = type(event)  # events stay Any: libyaml's marks are not yaml.Mark
            done: yaml.Node
            if kind is yaml.AliasEvent:
                done, size = self.alias(event)
            elif kind is yaml.ScalarEvent:
                tag = event.tag
                if tag is None or tag == "!":
                    tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                done = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                                       style=event.style)
                size = 1
                self.anchor(event, done, size)
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                if len(stack) >= limits.nesting:
                    raise _too_deep(limits, self.path, event.start_mark.line + 1)
                node_class: type[yaml.CollectionNode] = (
                    yaml.SequenceNode if kind is yaml.SequenceStartEvent else yaml.MappingNode)
                tag = event.tag
                if tag is None or tag == "!":
                    tag = loader.resolve(node_class, None, event.implicit)
                collection = node_class(tag, [], event.start_mark, None,
                                        flow_style=event.flow_style)
                self.anchor(event, collection, None)
                self.open.add(id(collection))
                stack.append(_Open(collection))
                continue
            else:  # the end of a sequence or a mapping
                frame = stack.pop()
                done = frame.node
                done.end_mark = event.end_mark
                if isinstance(done, yaml.MappingNode):
                    done.value = frame.pairs
                self.open.discard(id(done))
                size = frame.size
                if id(done) in self.sizes:
                    self.sizes[id(done)] = size
            if not stack:
                return done
            parent = stack[-1]
            parent.size += size
            if parent.size > limits.value_size:
                raise SourceError(f"invalid YAML: the document expands (aliases counted as "
                                  f"the nodes they name) to more than {limits.value_size:,} "
                                  f"nodes", self.path, event.start_mark.line + 1, _HINT)
            if isinstance(parent.node, yaml.SequenceNode):
                parent.node.value.append(done)
            elif parent.key is None:
                parent.key = done
            else:
                parent.pairs.append((parent.key, done))
                parent.key = None

    def anchor(self, event: Any, node: yaml.Node, size: int | None) -> None:
        name = event.anchor
        if name is None:
            return
        if name in self.anchors:
            raise ComposerError(f"found duplicate anchor {name!r}; first occurrence",
                                self.anchors[name].start_mark, "second occurrence",
                                event.start_mark)
        self.anchors[name] = node
        self.sizes[id(node)] = size if size is not None else 0

    def alias(self, event: Any) -> tuple[yaml.Node, int]:
        name = event.anchor
        target = self.anchors.get(name) if name is not None else None
        if target is None:
            raise ComposerError(None, None, f"found undefined alias {name!r}",
                                event.start_mark)
        line = event.start_mark.line + 1
        if id(target) in self.open:
            raise SourceError(f"invalid YAML: the alias *{name} is used inside the node "
                              f"anchored &{name} (line {target.start_mark.line + 1}), which "
                              f"would make it infinite", self.path, line,
                              "use an alias only after the anchored node ends")
        return target, self.sizes[id(target)]
