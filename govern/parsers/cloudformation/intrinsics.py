"""Evaluating template values: intrinsic functions, parameters, pseudo parameters,
mappings and conditions.

`Evaluator.value(node, path, locations)` returns the plain value of a node with every
intrinsic function evaluated, and records the source range of every path below `path`.
What cannot be known statically is an `Unknown`, never a guess:

- `Ref`/`Fn::GetAtt` to a resource: `Unknown("known after apply", ref=<logical id>)`
  (the logical id is also recorded as a reference of the resource being evaluated);
- `Fn::GetAZs`, `Fn::ImportValue`, `Fn::Transform`: Unknown;
- a string built from an Unknown (`Fn::Sub`, `Fn::Join`, `Fn::Base64`): Unknown, with
  the `ref` of the first resource it names;
- `Fn::If` on a condition that is not known: an Unknown whose `alternatives` are the
  branch values (`None` for `AWS::NoValue`); equal branches give that value.
- `Fn::FindInMap` with a key that is not known (`!Ref AWS::Region`): an Unknown whose
  alternatives are the values under every key of the mapping.

Evaluation is bounded by the scan unit's budget (`govern.parsers.budget`): every node
evaluated is a step, every character a string function builds is a step, and a value
(`Fn::Split`'s list, `Fn::Join`'s string, ...) may not exceed the budget's `value_size`;
going over raises `BudgetExceeded`. `Fn::Cidr` takes a count of 1 to 256, as CloudFormation
does.

`AWS::NoValue` removes the key (or list element) that holds it. Problems CloudFormation
would reject (an unknown `Fn::` function, wrong arguments, a condition that is not
defined) are reported as errors at their line; a name that is neither a parameter nor a
resource as a warning (SAM generates resources, so for SAM templates it is just Unknown).
"""

from __future__ import annotations

import base64
import ipaddress
import json
import re
from collections.abc import Callable
from typing import Any

from govern.model.finding import Notice, NoticeLevel
from govern.model.resource import Path
from govern.model.source import SourceRange
from govern.model.unknown import PartialString, Unknown, contains_unknown, leaf_alternatives
from govern.parsers.budget import current
from govern.parsers.cloudformation.conditions import Conditions
from govern.parsers.cloudformation.nodes import MAP, SCALAR, SEQ, Node, plain, scalar_text
from govern.parsers.cloudformation.parameters import NO_VALUE_NAME


class _NoValue:
    """`AWS::NoValue`: the key or list element holding it is removed."""

    def __repr__(self) -> str:
        return "NO_VALUE"


NO_VALUE: Any = _NoValue()
AFTER_APPLY = "known after apply"
Locations = dict[Path, SourceRange]

# Functions only valid in a template's `Rules` section, and `Fn::ForEach` (expanded by the
# AWS::LanguageExtensions transform, not here): known, but their value is not computed.
_NOT_COMPUTED = ("Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::RefAll",
                 "Fn::ValueOf", "Fn::ValueOfAll", "Fn::ForEach")
_CONDITION_FUNCTIONS = ("Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not")
_SUB_VARIABLE = re.compile(r"\$\{([^}]*)\}")
MAX_CIDR_COUNT = 256  # CloudFormation's limit on Fn::Cidr's count


class Evaluator:
    """Evaluates the values of one template."""

    def __init__(self, file: str, parameters: dict[str, Any], pseudo: dict[str, Any],
                 resources: set[str], mappings: Node | None, conditions: Node | None,
                 is_sam: bool) -> None:
        self.file = file
        self.parameters = parameters
        self.pseudo = pseudo
        self.resources = resources
        self.mappings = mappings if mappings is not None and mappings.kind == MAP else None
        self.is_sam = is_sam
        self.notices: list[Notice] = []
        self.references: list[str] = []
        self.budget = current()
        self.conditions = Conditions(conditions, self._condition_value, self._error)
        self._functions: dict[str, Callable[[Node, Node, Path, Locations], Any]] = {
            "Ref": self._ref, "Fn::GetAtt": self._get_att, "Fn::Sub": self._sub,
            "Fn::Join": self._join, "Fn::Select": self._select, "Fn::Split": self._split,
            "Fn::FindInMap": self._find_in_map, "Fn::Base64": self._base64,
            "Fn::GetAZs": self._get_azs, "Fn::ImportValue": self._import_value,
            "Fn::Cidr": self._cidr, "Fn::Length": self._length,
            "Fn::ToJsonString": self._to_json_string, "Fn::Transform": self._transform,
            "Fn::If": self._if,
        }

    # ----- notices --------------------------------------------------------------------

    def report(self, level: NoticeLevel, message: str, line: int, code: str,
               hint: str | None = None) -> None:
        self.notices.append(Notice(level, message, self.file, line, hint, code=code))

    def _error(self, message: str, line: int, code: str) -> None:
        self.report("error", message, line, code)

    def _invalid(self, name: str, node: Node, expected: str) -> Unknown:
        self.report("error", f"{name} takes {expected}", node.line, "invalid-intrinsic")
        return Unknown(f"invalid {name}")

    # ----- values ---------------------------------------------------------------------

    def value(self, node: Node, path: Path = (), locations: Locations | None = None) -> Any:
        """The evaluated value of `node` (NO_VALUE for `AWS::NoValue`); the ranges of
        the paths below `path` go to `locations`."""
        if locations is None:
            locations = {}
        self.budget.step(1, f"line {node.line}")
        kind = node.kind
        if kind == SCALAR:
            return node.value
        if kind == SEQ:
            items: list[Any] = []
            for item in node.items:
                index = len(items)
                value = self.value(item, (*path, index), locations)
                if value is NO_VALUE:
                    continue
                items.append(value)
                locations[(*path, index)] = SourceRange(self.file, item.line, item.end)
            return items
        pairs = node.pairs
        if len(pairs) == 1:
            key = pairs[0][0]
            if key == "Ref" or key.startswith("Fn::"):
                return self.intrinsic(key, pairs[0][2], node, path, locations)
        mapping: dict[str, Any] = {}
        for key, line, child in pairs:
            value = self.value(child, (*path, key), locations)
            if value is NO_VALUE:
                continue
            mapping[key] = value
            locations[(*path, key)] = SourceRange(self.file, line, child.end)
        return mapping

    def intrinsic(self, name: str, argument: Node, node: Node, path: Path,
                  locations: Locations) -> Any:
        function = self._functions.get(name)
        if function is not None:
            return function(argument, node, path, locations)
        if name in _CONDITION_FUNCTIONS:
            state, why = self.conditions.expression(node)
            return Unknown(why) if state is None else state
        if name in _NOT_COMPUTED:
            return Unknown(f"{name} is not evaluated")
        self.report("error", f"unknown intrinsic function {name}", node.line,
                    "invalid-intrinsic", "see the CloudFormation intrinsic function reference")
        return Unknown(f"unknown intrinsic function {name}")

    def _scratch(self, node: Node) -> Any:
        """A value evaluated without recording locations (arguments of functions)."""
        return self.value(node, (), {})

    def _condition_value(self, node: Node) -> Any:
        value = self._scratch(node)
        return None if value is NO_VALUE else value

    # ----- references -----------------------------------------------------------------

    def resolve(self, name: str, line: int) -> Any:
        """What `Ref name` gives."""
        if name in self.parameters:
            return self.parameters[name]
        if name == NO_VALUE_NAME:
            return NO_VALUE
        if name in self.pseudo:
            return self.pseudo[name]
        if name in self.resources:
            self._refer(name)
            return Unknown(AFTER_APPLY, ref=name)
        return self._undefined(name, line)

    def _refer(self, name: str) -> None:
        if name not in self.references:
            self.references.append(name)

    def _undefined(self, name: str, line: int) -> Unknown:
        if self.is_sam:
            return Unknown(f"{name} is not defined in the template (generated by the "
                           f"SAM transform?)", ref=name)
        self.report("warning", f"{name} is neither a parameter nor a resource of the "
                    f"template", line, "unresolved-reference")
        return Unknown(f"{name} is not defined in the template")

    def _ref(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        if argument.kind != SCALAR or not isinstance(argument.value, str):
            return self._invalid("Ref", node, "the name of a parameter or a resource")
        return self.resolve(argument.value, argument.line)

    def _get_att(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        if argument.kind == SCALAR and isinstance(argument.value, str):
            resource = argument.value.partition(".")[0]
        elif argument.kind == SEQ and len(argument.items) == 2 and (
                argument.items[0].kind == SCALAR):
            resource = scalar_text(argument.items[0].value)
        else:
            return self._invalid("Fn::GetAtt", node, "[resource, attribute]")
        if resource in self.resources:
            self._refer(resource)
            return Unknown(AFTER_APPLY, ref=resource)
        return self._undefined(resource, argument.line)

    # ----- strings --------------------------------------------------------------------

    def _sub(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        variables: dict[str, Any] = {}
        template = argument
        if argument.kind == SEQ:
            if len(argument.items) != 2 or argument.items[1].kind != MAP:
                return self._invalid("Fn::Sub", node, "a string or [string, {variables}]")
            template = argument.items[0]
            for key, _, child in argument.items[1].pairs:
                variables[key] = self._scratch(child)
        if template.kind != SCALAR or not isinstance(template.value, str):
            return self._invalid("Fn::Sub", node, "a string or [string, {variables}]")
        text = template.value
        unknown: Unknown | None = None
        parts: list[Any] = []  # text, and Unknown for each variable not known
        last = 0
        for match in _SUB_VARIABLE.finditer(text):
            parts.append(text[last:match.start()])
            last = match.end()
            name = match.group(1).strip()
            if name.startswith("!"):
                parts.append("${" + match.group(1)[1:] + "}")
                continue
            value = self._sub_variable(name, variables, template.line)
            if isinstance(value, Unknown) or contains_unknown(value):
                found = value if isinstance(value, Unknown) else Unknown(
                    f"${{{name}}} is not known statically")
                if unknown is None or (unknown.ref is None and found.ref is not None):
                    unknown = found
                parts.append(found.derived())
                continue
            parts.append(self._built(_string(value), node))
        parts.append(text[last:])
        self._charge(sum(len(p) for p in parts if isinstance(p, str)), "Fn::Sub", node)
        if unknown is not None:  # unknown as a whole, its known text still readable
            return PartialString(tuple(p for p in parts if p != ""), unknown.reason,
                                 unknown.ref)
        return "".join(parts)

    def _sub_variable(self, name: str, variables: dict[str, Any], line: int) -> Any:
        if name in variables:
            return variables[name]
        if name in self.parameters or name in self.pseudo:
            return self.resolve(name, line)
        resource = name.partition(".")[0]
        if resource in self.resources:
            self._refer(resource)
            return Unknown(AFTER_APPLY, ref=resource)
        return self._undefined(resource, line)

    def _join(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        if argument.kind != SEQ or len(argument.items) != 2:
            return self._invalid("Fn::Join", node, "[delimiter, [values]]")
        delimiter = self._scratch(argument.items[0])
        values = self._scratch(argument.items[1])
        if isinstance(values, Unknown):
            return _plain_unknown(values)
        if not isinstance(delimiter, str) or not isinstance(values, list):
            return self._invalid("Fn::Join", node, "[delimiter, [values]]")
        for value in values:
            if contains_unknown(value):
                return _plain_unknown(_first_unknown(value))
        texts = [_string(v) for v in values]
        self._charge(sum(map(len, texts)) + len(delimiter) * max(0, len(texts) - 1),
                     "Fn::Join", node)
        return delimiter.join(texts)

    def _split(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        if argument.kind != SEQ or len(argument.items) != 2:
            return self._invalid("Fn::Split", node, "[delimiter, string]")
        delimiter = self._scratch(argument.items[0])
        text = self._scratch(argument.items[1])
        if isinstance(text, Unknown):
            return _plain_unknown(text)
        if not isinstance(delimiter, str) or not delimiter or not isinstance(text, str):
            return self._invalid("Fn::Split", node, "[delimiter, string]")
        self.budget.size(text.count(delimiter) + 1, f"Fn::Split at line {node.line}")
        return text.split(delimiter)

    def _base64(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        value = self._scratch(argument)
        if isinstance(value, Unknown) or contains_unknown(value):
            return _plain_unknown(_first_unknown(value))
        if isinstance(value, (dict, list)):
            return self._invalid("Fn::Base64", node, "a string")
        text = self._built(_string(value), node)
        self._charge(len(text) * 4 // 3, "Fn::Base64", node)
        return base64.b64encode(text.encode("utf-8", "replace")).decode("ascii")

    def _to_json_string(self, argument: Node, node: Node, path: Path,
                        locations: Locations) -> Any:
        value = self._scratch(argument)
        if contains_unknown(value):
            return _plain_unknown(_first_unknown(value))
        return self._built(json.dumps(value, separators=(",", ":")), node)

    # ----- lists ----------------------------------------------------------------------

    def _select(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        if argument.kind != SEQ or len(argument.items) != 2:
            return self._invalid("Fn::Select", node, "[index, [values]]")
        index = self._scratch(argument.items[0])
        if isinstance(index, Unknown):
            return _plain_unknown(index)
        try:
            position = int(scalar_text(index))
        except ValueError:
            return self._invalid("Fn::Select", node, "[index, [values]] with a number index")
        values_node = argument.items[1]
        if values_node.kind == SEQ and 0 <= position < len(values_node.items):
            # a literal list: evaluate only the selected element, with its locations
            return self.value(values_node.items[position], path, locations)
        values = self._scratch(values_node)
        if isinstance(values, Unknown):
            return _plain_unknown(values)
        if not isinstance(values, list):
            return self._invalid("Fn::Select", node, "[index, [values]]")
        if not 0 <= position < len(values):
            self.report("error", f"Fn::Select index {position} is out of range (the list "
                        f"has {len(values)} elements)", node.line, "invalid-intrinsic")
            return Unknown("Fn::Select index out of range")
        return values[position]

    def _length(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        values = self._scratch(argument)
        if isinstance(values, Unknown):
            return _plain_unknown(values)
        if not isinstance(values, list):
            return self._invalid("Fn::Length", node, "a list")
        return len(values)

    def _cidr(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        if argument.kind != SEQ or len(argument.items) != 3:
            return self._invalid("Fn::Cidr", node, "[ip block, count, cidr bits]")
        block, count, bits = (self._scratch(item) for item in argument.items)
        for value in (block, count, bits):
            if contains_unknown(value):
                return _plain_unknown(_first_unknown(value))
        expected = f"[ip block, count (1 to {MAX_CIDR_COUNT}), cidr bits]"
        try:
            network = ipaddress.ip_network(scalar_text(block), strict=False)
            wanted = int(scalar_text(count))
            size = int(scalar_text(bits))
            if not 1 <= wanted <= MAX_CIDR_COUNT or not 0 < size <= network.max_prefixlen:
                raise ValueError(expected)
            subnets = network.subnets(new_prefix=network.max_prefixlen - size)
            found: list[str] = []
            for subnet in subnets:
                if len(found) == wanted:
                    break
                found.append(str(subnet))
        except ValueError:  # also: a count or a block of more than 4,300 digits
            return self._invalid("Fn::Cidr", node, expected)
        return found

    # ----- budget -----------------------------------------------------------------------

    def _charge(self, characters: int, name: str, node: Node) -> None:
        """Charge a string of `characters` about to be built by `name`."""
        where = f"{name} at line {node.line}"
        self.budget.size(characters, where)
        self.budget.step(characters, where)

    def _built(self, text: str, node: Node) -> str:
        """`text`, built by a string function, charged to the budget."""
        self._charge(len(text), node.single_key() or "a string function", node)
        return text

    # ----- elsewhere ------------------------------------------------------------------

    def _get_azs(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        return Unknown("the availability zones are not known statically (Fn::GetAZs)")

    def _import_value(self, argument: Node, node: Node, path: Path,
                      locations: Locations) -> Any:
        name = self._scratch(argument)
        what = f" {name}" if isinstance(name, str) else ""
        return Unknown(f"imported from another stack (Fn::ImportValue{what})",
                       origin=f"ImportValue({name})" if isinstance(name, str) else None)

    def _transform(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        name = argument.get("Name") if argument.kind == MAP else None
        macro = f" {plain(name)}" if name is not None and name.kind == SCALAR else ""
        return Unknown(f"produced by the macro{macro} (Fn::Transform)")

    def _find_in_map(self, argument: Node, node: Node, path: Path,
                     locations: Locations) -> Any:
        if argument.kind != SEQ or len(argument.items) not in (3, 4):
            return self._invalid("Fn::FindInMap", node,
                                 "[map name, top-level key, second-level key]")
        default: Node | None = None
        if len(argument.items) == 4:
            option = argument.items[3]
            default = option.get("DefaultValue") if option.kind == MAP else None
            if default is None:
                return self._invalid("Fn::FindInMap", node, "a fourth argument "
                                     "{DefaultValue: value}")
        name, top, second = (self._scratch(item) for item in argument.items[:3])
        if isinstance(name, Unknown):
            return _plain_unknown(name)
        table = self.mappings.get(scalar_text(name)) if self.mappings is not None else None
        if table is None or table.kind != MAP:
            if default is not None:
                return self.value(default, path, locations)
            self.report("error", f"Fn::FindInMap: mapping {scalar_text(name)} is not "
                        f"defined in Mappings", node.line, "invalid-intrinsic")
            return Unknown(f"mapping {scalar_text(name)} is not defined")
        if not (isinstance(top, Unknown) or isinstance(second, Unknown)):
            first = table.get(scalar_text(top))
            found = first.get(scalar_text(second)) if first is not None else None
            if found is not None:
                return self.value(found, path, locations)
            if default is not None:
                return self.value(default, path, locations)
            self.report("error", f"Fn::FindInMap: {scalar_text(name)} has no "
                        f"{scalar_text(top)}.{scalar_text(second)}", node.line,
                        "invalid-intrinsic")
            return Unknown(f"{scalar_text(name)} has no {scalar_text(top)}."
                           f"{scalar_text(second)}")
        unknown = top if isinstance(top, Unknown) else second
        assert isinstance(unknown, Unknown)
        options: list[Any] = []
        for top_key, _, level in table.pairs:
            if not isinstance(top, Unknown) and top_key != scalar_text(top):
                continue
            if level.kind != MAP:
                continue
            for second_key, _, leaf in level.pairs:
                if isinstance(second, Unknown) or second_key == scalar_text(second):
                    options.append(self._scratch(leaf))
        if default is not None:
            options.append(self._scratch(default))
        reason = f"Fn::FindInMap {scalar_text(name)}: {unknown.reason}"
        return _choice(reason, options)

    # ----- conditions -----------------------------------------------------------------

    def _if(self, argument: Node, node: Node, path: Path, locations: Locations) -> Any:
        if (argument.kind != SEQ or len(argument.items) != 3
                or argument.items[0].kind != SCALAR
                or not isinstance(argument.items[0].value, str)):
            return self._invalid("Fn::If", node, "[condition name, value if true, "
                                 "value if false]")
        name = argument.items[0].value
        state, why = self.conditions.state(name, argument.items[0].line)
        if state is True:
            return self.value(argument.items[1], path, locations)
        if state is False:
            return self.value(argument.items[2], path, locations)
        first = self.value(argument.items[1], path, locations)
        second = self.value(argument.items[2], path, {})
        if first is NO_VALUE and second is NO_VALUE:
            return NO_VALUE
        options = [None if v is NO_VALUE else v for v in (first, second)]
        return _choice(f"depends on {why}" if why else f"depends on condition {name}",
                       options)


def _choice(reason: str, options: list[Any]) -> Any:
    """One of `options`: the value itself when they are all equal, else an Unknown with
    them as alternatives."""
    flat: list[Any] = []
    for option in options:
        nested = leaf_alternatives(option) if isinstance(option, Unknown) else None
        flat.extend(nested if nested is not None else (option,))
    if not flat:
        return Unknown(reason)
    if all(_same(option, flat[0]) for option in flat[1:]):
        return flat[0]
    return Unknown(reason, alternatives=tuple(flat))


def _same(left: Any, right: Any) -> bool:
    return type(left) is type(right) and left == right


def _string(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return scalar_text(value)


def _first_unknown(value: Any) -> Unknown:
    if isinstance(value, Unknown):
        return value
    children = value.values() if isinstance(value, dict) else (
        value if isinstance(value, list) else ())
    for child in children:
        if contains_unknown(child):
            return _first_unknown(child)
    return Unknown()


def _plain_unknown(value: Unknown) -> Unknown:
    """An Unknown that a function turned into something else: same reason and ref, no
    alternatives (they were values of the argument, not of the result)."""
    return value.derived()
