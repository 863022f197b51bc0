"""Reading YAML templates into positioned nodes, with CloudFormation's short-form tags.

PyYAML's composer (the C one when libyaml is there) builds the node graph with marks; the
nodes are then converted once into `Node`s: scalars are resolved as YAML 1.1 does (as
cfn-lint does) except timestamps, which stay strings (`AWSTemplateFormatVersion:
2010-09-09` is text to CloudFormation); every short-form tag becomes its long form (`!Ref
x` -> `{Ref: x}`, `!GetAtt a.b` -> `{Fn::GetAtt: [a, b]}`, `!Sub ...` -> `{Fn::Sub: ...}`);
keys are the text as written. A key written twice keeps its last value (CloudFormation
does the same) and is reported as a warning. Composing is bounded (`yaml_composer`): deep
nesting, recursive aliases and alias bombs are a SourceError at their line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import yaml

from govern.errors import SourceError, yaml_syntax_error
from govern.parsers.cloudformation.nodes import MAP, SCALAR, SEQ, Node
from govern.parsers.cloudformation.yaml_composer import compose

_STR = "tag:yaml.org,2002:str"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    "tag:yaml.org,2002:int": lambda n: _CONSTRUCTOR.construct_yaml_int(n),
    "tag:yaml.org,2002:float": lambda n: _CONSTRUCTOR.construct_yaml_float(n),
    "tag:yaml.org,2002:bool": lambda n: _CONSTRUCTOR.construct_yaml_bool(n),
    "tag:yaml.org,2002:null": lambda n: None,
}
_KEYS_OF_TAGS = {"Ref": "Ref", "Condition": "Condition"}
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what ends a line to YAML

# ints past this many bits have more than 4,000 decimal digits (Python writes none of more
# than 4,300): a hexadecimal, octal or binary literal that long stays a string
_MAX_INT_BITS = 13_000

Duplicate = tuple[str, int, int]  # key, line of the repeat, line of the first


def intrinsic_key(tag: str) -> str:
    """`!Ref` -> `Ref`, `!Condition` -> `Condition`, `!Sub` -> `Fn::Sub`."""
    name = tag[1:]
    return _KEYS_OF_TAGS.get(name, f"Fn::{name}")


def load_yaml(text: str, path: str) -> tuple[Node, list[Duplicate]]:
    """Parse a YAML template; raise SourceError (with the line) when it is not valid YAML."""
    root, duplicates = read_yaml(text, path)
    if root is None:
        raise SourceError("the template is empty", path, 1)
    return root, duplicates


def read_yaml(text: str, path: str) -> tuple[Node | None, list[Duplicate]]:
    """The positioned tree of a YAML document (None when the text holds none); raise
    SourceError (with the line) when it is not valid YAML or goes over a limit."""
    try:
        root = compose(text, path)
    except yaml.MarkedYAMLError as exc:
        error = yaml_syntax_error(exc, path)
        last = text.count("\n") + 1
        if error.line is not None and error.line > last:  # libyaml: past the end
            error.line = last
        raise error from None
    except yaml.YAMLError as exc:
        raise SourceError(f"invalid YAML: {exc}", path, 1) from None
    if root is None:
        return None, []
    converter = _Converter(path, text)
    return converter.node(root), converter.duplicates


class _Converter:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.lines: list[str] | None = None
        self.duplicates: list[Duplicate] = []
        self.done: dict[int, Node] = {}  # aliases share one converted node
        self.last_line = len(_LINE_BREAK.findall(text)) + 1

    def node(self, raw: yaml.Node) -> Node:
        found = self.done.get(id(raw))
        if found is not None:
            return found
        tag = raw.tag
        if isinstance(raw, yaml.ScalarNode):
            node = self.scalar(raw)
        elif isinstance(raw, yaml.SequenceNode):
            items = [self.node(child) for child in raw.value]
            node = Node(SEQ, raw.start_mark.line + 1, _end(raw, items), items=items)
        else:
            assert isinstance(raw, yaml.MappingNode)
            node = self.mapping(raw)
        if tag.startswith("!") and not tag.startswith("!!"):
            line = raw.start_mark.line + 1
            argument = node
            if tag == "!GetAtt" and node.kind == SCALAR and isinstance(node.value, str):
                resource, _, attribute = node.value.partition(".")
                argument = Node(SEQ, line, node.end, items=[
                    Node(SCALAR, line, node.end, resource),
                    Node(SCALAR, line, node.end, attribute)])
            node = Node(MAP, line, node.end, pairs=[(intrinsic_key(tag), line, argument)])
        self.done[id(raw)] = node
        return node

    def scalar(self, raw: yaml.ScalarNode) -> Node:
        # an empty document ends the stream, which libyaml puts on a line of its own
        line = min(raw.start_mark.line + 1, self.last_line)
        end = _mark_line(raw.end_mark)
        if raw.style in ("|", ">"):
            end = self._last_written(line, end)
        tag = raw.tag
        if tag == _STR or tag.startswith("!"):
            value: Any = raw.value
        else:
            make = _SCALARS.get(tag)
            try:
                value = make(raw) if make is not None else raw.value
            except (ValueError, yaml.YAMLError):  # an int of more than 4,300 digits
                value = raw.value
            if isinstance(value, float) and not math.isfinite(value):
                value = raw.value  # `1e400`, `.inf`: kept as written, as a string
            elif isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
                value = raw.value  # `0xfff...`: no decimal text of it could be written
        return Node(SCALAR, line, max(line, end), value)

    def _last_written(self, start: int, end: int) -> int:
        """A block scalar takes the blank lines after it: its last non-blank line."""
        if self.lines is None:
            self.lines = self.text.splitlines()
        while end > start and (end > len(self.lines) or not self.lines[end - 1].strip()):
            end -= 1
        return end

    def mapping(self, raw: yaml.MappingNode) -> Node:
        pairs: list[tuple[str, int, Node]] = []
        index: dict[str, int] = {}
        for key_node, value_node in raw.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise SourceError("invalid YAML: a mapping key must be a plain value, "
                                  "not a list or a mapping", self.path, key_line)
            key = key_node.value
            child = self.node(value_node)
            at = index.get(key)
            if at is None:
                index[key] = len(pairs)
                pairs.append((key, key_line, child))
            else:
                self.duplicates.append((key, key_line, pairs[at][1]))
                pairs[at] = (key, key_line, child)
        line = raw.start_mark.line + 1
        return Node(MAP, line, _end(raw, [child for _, _, child in pairs]), pairs=pairs)


def _mark_line(mark: Any) -> int:
    """The 1-based line of the last character before `mark` (an end mark points just past
    the value: at column 0 of the next line for a value that ends a line)."""
    return int(mark.line) if mark.column == 0 else int(mark.line) + 1


def _end(raw: yaml.CollectionNode, children: list[Node]) -> int:
    """The last line of a collection: its closing bracket for flow style; its last child for
    block style (a block collection's end mark is where the next token starts, after any
    blank lines and comments)."""
    start = raw.start_mark.line + 1
    if raw.flow_style:
        return max(start, _mark_line(raw.end_mark))
    return max([start, *(child.end for child in children)])
