"""What expressions of one template can read: its parameters, variables and user-defined
functions, evaluated lazily and once.

A parameter's value is, in order: the value supplied (a parameters file, or the
`parameters` of the nested deployment that runs the template; a null value counts as not
supplied), its `defaultValue` (which may use other parameters), else Unknown; strings
supplied for `int` and `bool` parameters are converted, as ARM does. A Key Vault
`reference` is Unknown. An unknown parameter with `allowedValues` is an Unknown whose
alternatives are those values: checks that hold (or fail) for every allowed value are
decided, the others are unknown. Names of parameters, variables and functions are case-insensitive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from govern.model.unknown import Unknown
from govern.parsers.arm.context import Target
from govern.parsers.arm.copy_loops import copy_array
from govern.parsers.arm.values import EvalError, with_alternatives
from govern.parsers.json_positions import JNode

if TYPE_CHECKING:
    from govern.parsers.arm.evaluator import Env, Evaluator

MAX_ALLOWED_ALTERNATIVES = 16


@dataclass(frozen=True)
class UserFunction:
    namespace: str
    name: str
    parameters: tuple[str, ...]
    output: JNode | None


class TemplateScope:
    def __init__(self, evaluator: Evaluator, template: JNode, target: Target,
                 supplied: Mapping[str, Any] | None = None,
                 choices_open: bool = False) -> None:
        self.evaluator = evaluator
        self.target = target
        # the deploy-time reading (parsers/deploy_choices.py): a parameter with a default
        # and a choice of values (allowedValues, or type bool) is each of those values
        self.choices_open = choices_open
        self._parameters: dict[str, tuple[str, JNode]] = {}
        self._supplied = {name.lower(): value for name, value in (supplied or {}).items()}
        self._variables: dict[str, tuple[str, JNode, bool]] = {}
        self._functions: dict[tuple[str, str], UserFunction] = {}
        self._memo_parameters: dict[str, Any] = {}
        self._memo_variables: dict[str, Any] = {}
        self._busy: set[str] = set()
        self._read(template)
        # the parameters of `choosable()`, and the memoized parameters and variables whose
        # value read one of them (`Evaluator.read_choice`, template.py)
        self._choice_keys = frozenset(self._choosable_keys())
        self._reads_choice: set[str] = set()
        self._consults_registry: set[str] = set()  # ... and those that looked a resource up

    def _read(self, template: JNode) -> None:
        parameters = member_node(template, "parameters")
        if parameters is not None and parameters.kind == "object":
            for name, _, decl in parameters.members:
                self._parameters[name.lower()] = (name, decl)
        variables = member_node(template, "variables")
        if variables is not None and variables.kind == "object":
            for name, _, node in variables.members:
                if name.lower() == "copy" and node.kind == "array":
                    for loop in node.elements:
                        loop_name = loop.get("name") if loop.kind == "object" else None
                        if loop_name is not None and loop_name.kind == "string":
                            self._variables[loop_name.value.lower()] = (
                                loop_name.value, loop, True)
                    continue
                self._variables[name.lower()] = (name, node, False)
        functions = member_node(template, "functions")
        if functions is not None and functions.kind == "array":
            for group in functions.elements:
                self._read_functions(group)

    def _read_functions(self, group: JNode) -> None:
        namespace = member_node(group, "namespace")
        members = member_node(group, "members")
        if namespace is None or namespace.kind != "string" or members is None or (
                members.kind != "object"):
            return
        for name, _, definition in members.members:
            params = member_node(definition, "parameters")
            names: list[str] = []
            for param in params.elements if params is not None else ():
                param_name = member_node(param, "name")
                if param_name is not None and param_name.kind == "string":
                    names.append(param_name.value)
            output = member_node(definition, "output")
            value = member_node(output, "value") if output is not None else None
            self._functions[(namespace.value.lower(), name.lower())] = UserFunction(
                namespace.value, name, tuple(names), value)

    def env(self) -> Env:
        from govern.parsers.arm.evaluator import Env

        return Env(self.evaluator, self, self.target)

    # ----- lookups --------------------------------------------------------------------

    def parameter(self, name: str) -> Any:
        key = name.lower()
        if key in self._choice_keys:
            self.evaluator.read_choice = True
        busy = f"parameter {key}"
        if key in self._memo_parameters:
            self._hit(busy)
            return self._memo_parameters[key]
        declared = self._parameters.get(key)
        if declared is None:
            raise EvalError(f"the template has no parameter '{name}'")
        if busy in self._busy:
            raise EvalError(f"parameter '{name}' refers to itself")
        self._busy.add(busy)
        outer = self._begin()
        try:
            value = self._parameter_value(*declared)
        finally:
            self._busy.discard(busy)
            self._note(busy, outer)
        self._memo_parameters[key] = value
        return value

    # what memoized values read, for the two readings of a template (template.py): the
    # evaluation that reads a memoized value reads what computing it read

    def _hit(self, memo: str) -> None:
        if memo in self._reads_choice:
            self.evaluator.read_choice = True
        if memo in self._consults_registry:
            self.evaluator.registry.consulted = True

    def _begin(self) -> tuple[bool, bool]:
        ev = self.evaluator
        outer = (ev.read_choice, ev.registry.consulted)
        ev.read_choice = ev.registry.consulted = False
        return outer

    def _note(self, memo: str, outer: tuple[bool, bool]) -> None:
        ev = self.evaluator
        if ev.read_choice:
            self._reads_choice.add(memo)
        if ev.registry.consulted:
            self._consults_registry.add(memo)
        ev.read_choice = outer[0] or ev.read_choice
        ev.registry.consulted = outer[1] or ev.registry.consulted

    def take_over(self, first: TemplateScope, same_resources: bool) -> None:
        """The second reading's scope: keep the first reading's values of the parameters
        and variables that read no parameter left to the deployer and, unless the
        resources registered are the same in both readings (`same_resources`), looked no
        resource up. They would be computed the same."""
        for memo, values, taken in (("parameter", first._memo_parameters,
                                     self._memo_parameters),
                                    ("variable", first._memo_variables, self._memo_variables)):
            for key, value in values.items():
                name = f"{memo} {key}"
                consulted = name in first._consults_registry
                if name in first._reads_choice or (consulted and not same_resources) or (
                        memo == "parameter" and key in first._choice_keys):
                    continue
                taken[key] = value
                if consulted:
                    self._consults_registry.add(name)

    def _parameter_value(self, name: str, decl: JNode) -> Any:
        key = name.lower()
        declared_type = member_node(decl, "type")
        kind = declared_type.value.lower() if declared_type is not None and (
            declared_type.kind == "string") else ""
        if self._supplied.get(key) is not None:
            return _coerce(self._supplied[key], kind)
        default = member_node(decl, "defaultValue")
        if default is not None and not (self.choices_open and has_choices(decl)):
            return _coerce(self.evaluator.tree(default, self.env()), kind)
        reason = (f"parameter '{name}' is chosen at deploy time" if default is not None
                  else f"parameter '{name}' has no value (no defaultValue and no value "
                       f"supplied)")
        origin = f"parameters('{name}')" if default is None else None
        allowed = member_node(decl, "allowedValues")
        if allowed is not None and allowed.kind == "array" and (
                0 < len(allowed.elements) <= MAX_ALLOWED_ALTERNATIVES):
            return with_alternatives(reason, [self.evaluator.tree(e, self.env())
                                              for e in allowed.elements], origin)
        if kind == "bool" and default is not None:
            return with_alternatives(reason, [True, False])
        return Unknown(reason, origin=origin)

    def choosable(self) -> list[str]:
        """The parameters with a default and a choice of values (see choices_open) that
        are not supplied."""
        return [self._parameters[key][0] for key in self._choosable_keys()]

    def has_choices(self) -> bool:
        """Whether `choosable()` is not empty."""
        return bool(self._choice_keys)

    def _choosable_keys(self) -> list[str]:
        return [key for key, (_, decl) in self._parameters.items()
                if self._supplied.get(key) is None and has_choices(decl)]

    def variable(self, name: str) -> Any:
        key = name.lower()
        busy = f"variable {key}"
        if key in self._memo_variables:
            self._hit(busy)
            return self._memo_variables[key]
        declared = self._variables.get(key)
        if declared is None:
            raise EvalError(f"the template has no variable '{name}'")
        if busy in self._busy:
            raise EvalError(f"variable '{name}' refers to itself")
        self._busy.add(busy)
        outer = self._begin()
        try:
            _, node, is_loop = declared
            if is_loop:
                value = copy_array(self.evaluator, node, self.env(), (), None)
            else:
                value = self.evaluator.tree(node, self.env())
        finally:
            self._busy.discard(busy)
            self._note(busy, outer)
        self._memo_variables[key] = value
        return value

    def function(self, namespace: str, name: str) -> UserFunction | None:
        return self._functions.get((namespace.lower(), name.lower()))


def has_choices(decl: JNode) -> bool:
    """A parameter with a `defaultValue` and a choice of values: two to
    MAX_ALLOWED_ALTERNATIVES `allowedValues`, or the type bool."""
    if member_node(decl, "defaultValue") is None:
        return False
    allowed = member_node(decl, "allowedValues")
    if allowed is not None and allowed.kind == "array":
        return 2 <= len(allowed.elements) <= MAX_ALLOWED_ALTERNATIVES
    declared_type = member_node(decl, "type")
    return declared_type is not None and declared_type.kind == "string" and (
        str(declared_type.value).lower() == "bool")


def _coerce(value: Any, kind: str) -> Any:
    """A parameter value converted to its declared type as ARM does (`"2"` for an `int`
    parameter is 2, `"true"` for a `bool` is true)."""
    if isinstance(value, str):
        text = value.strip()
        digits = text.removeprefix("-")
        if kind == "int" and digits.isascii() and digits.isdigit() and len(digits) <= 4000:
            return int(text)
        if kind == "bool" and text.lower() in ("true", "false"):
            return text.lower() == "true"
    return value


def member_node(node: JNode | None, key: str) -> JNode | None:
    """The member `key` of an object node (case-insensitive, as ARM reads templates)."""
    if node is None or node.kind != "object":
        return None
    found = node.get(key)
    if found is not None:
        return found
    lowered = key.lower()
    for name, _, child in node.members:
        if name.lower() == lowered:
            return child
    return None
