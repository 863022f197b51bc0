"""Template `Conditions`: each named condition evaluated once, to True, False or None
(not known statically), with the reason it is not known.

`Fn::Equals` compares the evaluated values as CloudFormation does, as strings
(`true` equals `"true"`, `80` equals `"80"`); a side that is Unknown makes it unknown,
unless the Unknown has alternatives that all give the same answer. `Fn::And`, `Fn::Or`,
`Fn::Not` are three-valued; `Condition` names another condition. A condition that refers
to itself (directly or not) is reported and unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.model.unknown import Unknown, contains_unknown, leaf_alternatives
from govern.parsers.cloudformation.nodes import MAP, SEQ, Node, scalar_text

State = bool | None
Outcome = tuple[State, str]  # the state, and why it is not known
ValueOf = Callable[[Node], Any]
Report = Callable[[str, int, str], None]  # message, line, code


class Conditions:
    def __init__(self, section: Node | None, value_of: ValueOf, report: Report) -> None:
        self.nodes: dict[str, Node] = {}
        if section is not None and section.kind == MAP:
            self.nodes = {name: node for name, _, node in section.pairs}
        self.value_of = value_of
        self.report = report
        self.done: dict[str, Outcome] = {}
        self.active: set[str] = set()

    def __contains__(self, name: object) -> bool:
        return name in self.nodes

    def state(self, name: str, line: int) -> Outcome:
        """The outcome of the named condition (`line`: where it is used, for errors)."""
        found = self.done.get(name)
        if found is not None:
            return found
        node = self.nodes.get(name)
        if node is None:
            self.report(f"condition {name} is not defined in Conditions", line,
                        "unknown-condition")
            return None, f"condition {name} is not defined"
        if name in self.active:
            self.report(f"condition {name} refers to itself", node.line, "invalid-condition")
            return None, f"condition {name} refers to itself"
        self.active.add(name)
        state, why = self.expression(node)
        self.active.discard(name)
        outcome = (state, f"condition {name}: {why}" if state is None else "")
        self.done[name] = outcome
        return outcome

    def expression(self, node: Node) -> Outcome:
        key = node.single_key()
        if key is None:
            if node.kind == "scalar" and scalar_text(node.value).lower() in ("true", "false"):
                return scalar_text(node.value).lower() == "true", ""
            self.report("a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or "
                        "Condition", node.line, "invalid-condition")
            return None, "invalid condition"
        argument = node.pairs[0][2]
        if key == "Condition":
            if argument.kind != "scalar" or not isinstance(argument.value, str):
                self.report("Condition takes the name of a condition", argument.line,
                            "invalid-condition")
                return None, "invalid condition"
            return self.state(argument.value, argument.line)
        if key == "Fn::Equals":
            return self.equals(argument)
        if key in ("Fn::And", "Fn::Or", "Fn::Not"):
            if argument.kind != SEQ or not argument.items or (
                    key == "Fn::Not" and len(argument.items) != 1):
                self.report(f"{key} takes a list of conditions"
                            + (" with one element" if key == "Fn::Not" else ""),
                            argument.line, "invalid-intrinsic")
                return None, "invalid condition"
            outcomes = [self.expression(item) for item in argument.items]
            if key == "Fn::Not":
                state, why = outcomes[0]
                return (None if state is None else not state), why
            decisive = key == "Fn::Or"
            if any(state is decisive for state, _ in outcomes):
                return decisive, ""
            unknown = [why for state, why in outcomes if state is None]
            if unknown:
                return None, unknown[0]
            return not decisive, ""
        # any other intrinsic: its value decides (e.g. a Ref to a "true"/"false" parameter)
        value = self.value_of(node)
        if isinstance(value, bool):
            return value, ""
        if isinstance(value, Unknown):
            return None, value.reason
        self.report(f"{key} cannot be used as a condition", node.line, "invalid-condition")
        return None, "invalid condition"

    def equals(self, argument: Node) -> Outcome:
        if argument.kind != SEQ or len(argument.items) != 2:
            self.report("Fn::Equals takes a list of two values", argument.line,
                        "invalid-intrinsic")
            return None, "invalid condition"
        left, right = (self.value_of(item) for item in argument.items)
        results = {_equal(a, b) for a in _options(left) for b in _options(right)}
        if results == {True}:
            return True, ""
        if results == {False}:
            return False, ""
        unknown = left if contains_unknown(left) else right
        return None, _reason(unknown)


def _options(value: Any) -> tuple[Any, ...]:
    if isinstance(value, Unknown):
        found = leaf_alternatives(value)
        if found is not None:
            return found
    return (value,)


def _equal(left: Any, right: Any) -> State:
    if contains_unknown(left) or contains_unknown(right):
        return None
    return bool(_normal(left) == _normal(right))


def _normal(value: Any) -> Any:
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    return scalar_text(value)


def _reason(value: Any) -> str:
    if isinstance(value, Unknown):
        return value.reason
    children = value.values() if isinstance(value, dict) else (
        value if isinstance(value, list) else ())
    for child in children:
        found = _reason(child)
        if found:
            return found
    return "not known statically"
