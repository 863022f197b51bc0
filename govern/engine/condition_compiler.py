"""Compiling the `check` of a rule file into condition nodes (layer (c) of validation).

`compile_condition` validates everything evaluation relies on: operators and their values,
regexes, predicate names and arguments, parameter references, paths, relations and kinds.
Problems carry the path in the rule document so the loader can say `file:line`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from govern.engine.conditions import (
    RELATIONS,
    All,
    AnyOf,
    AttrTest,
    Condition,
    Each,
    Not,
    ParamRef,
    PredicateCall,
    Related,
    Some,
    When,
)
from govern.engine.hints import path_name, suggest
from govern.engine.operators import OPERATORS, prepare_value
from govern.engine.predicates import PREDICATES
from govern.engine.predicates.base import arg_problem
from govern.kinds import OPEN_TYPES, Found, Scope, element_scope, find, scope
from govern.model.kinds import KINDS
from govern.model.resource import Path, split_path

_MISSING = object()


@dataclass(frozen=True)
class Problem:
    """A condition that cannot be compiled: where (rule-document path), what, and a hint."""

    path: Path
    message: str
    hint: str | None = None


class _Compiler:
    def __init__(self, parameters: Mapping[str, Any], kinds: Sequence[str]) -> None:
        self.parameters = parameters
        self.problems: list[Problem] = []
        # where attribute paths resolve: the rule's kinds, then the element of a list
        # (`each`/`some`) or a related kind; None where they are not checked (no kinds
        # given, a related resource of any kind)
        known = [scope(k) for k in kinds if k in KINDS]
        self.scopes: list[Scope] | None = known or None

    def fail(self, where: Path, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(where, message, hint))

    def compile(self, raw: Any, where: Path) -> Condition:
        if not isinstance(raw, Mapping):
            self.fail(where, f"{path_name(where)} must be a mapping")
            return All(())
        if "all" in raw or "any" in raw:
            key = "all" if "all" in raw else "any"
            items = tuple(self.compile(item, (*where, key, i))
                          for i, item in enumerate(raw[key] or ()))
            return All(items) if key == "all" else AnyOf(items)
        if "not" in raw:
            return Not(self.compile(raw["not"], (*where, "not")))
        if "when" in raw:
            return When(self.compile(raw["when"], (*where, "when")),
                        self.compile(raw.get("then"), (*where, "then")))
        if "related" in raw:
            return self.related(raw, where)
        if "each" in raw or "some" in raw:
            key = "each" if "each" in raw else "some"
            path = self.path(raw[key], (*where, key), list_path=True)
            outer = self.scopes
            self.scopes = self.declared(path, (*where, key), element=True)
            check = self.compile(raw.get("check"), (*where, "check"))
            self.scopes = outer
            return Each(path, check) if key == "each" else Some(path, check)
        if "predicate" in raw:
            return self.predicate(raw, where)
        return self.attr_test(raw, where)

    def path(self, raw: Any, where: Path, list_path: bool = False) -> Path:
        if not isinstance(raw, str) or not raw or any(not p for p in raw.split(".")):
            self.fail(where, f"{path_name(where)} must be a dotted attribute path "
                             f"like encryption.kms_key")
            return ()
        path = split_path(raw)
        if list_path and isinstance(path[-1], int):
            self.fail(where, f"{path_name(where)} must name a list, not one of its elements",
                      f"remove '.{path[-1]}'")
        return path

    def param(self, raw: Any, where: Path) -> tuple[bool, Any]:
        """(is a reference, default value) for `{param: NAME}`; reports unknown names."""
        if not (isinstance(raw, Mapping) and set(raw) == {"param"}):
            return False, raw
        name = raw["param"]
        if not isinstance(name, str) or name not in self.parameters:
            declared = ", ".join(sorted(self.parameters)) or "none"
            hint = (suggest(name, self.parameters) if isinstance(name, str) else None) or \
                f"declared parameters: {declared}"
            self.fail((*where, "param"), f"unknown parameter '{name}'", hint)
            return True, _MISSING
        return True, self.parameters[name]

    def declared(self, path: Path, where: Path, element: bool = False) -> list[Scope] | None:
        """Report `path` when no scope declares it; for `element`, the scopes of the
        elements of the list it names."""
        if self.scopes is None or not path:
            return None
        found = [(s, find(s, path)) for s in self.scopes]
        hits = [(s, f) for s, f in found if f.missing is None]
        if not hits:
            self.fail(where, f"unknown attribute '{_dotted(path)}' of "
                             f"{' or '.join(_scope_name(s) for s in self.scopes)}",
                      _path_hint(path, [f for _, f in found]))
            return None
        if not element:
            return None
        inner: list[Scope] = []
        for where_found, result in hits:
            attribute = result.attribute
            if result.open or attribute is None or attribute.type in OPEN_TYPES:
                return None
            if attribute.type != "list":
                self.fail(where, f"'{_dotted(path)}' of {_scope_name(where_found)} is "
                                 f"{attribute.type}, not a list")
                return None
            inner.append(Scope(f"{_scope_name(where_found)} {_dotted(path)}",
                               element_scope(where_found, attribute).attributes))
        return inner

    def attr_test(self, raw: Mapping[str, Any], where: Path) -> Condition:
        path = self.path(raw.get("attr"), (*where, "attr"))
        self.declared(path, (*where, "attr"))
        op = OPERATORS.get(raw.get("op", ""))
        if op is None:
            self.fail((*where, "op"), f"unknown op {raw.get('op')!r}")
            return All(())
        is_ref, value = self.param(raw.get("value"), (*where, "value"))
        if value is _MISSING:
            return All(())
        try:
            prepared = prepare_value(op, value)
        except ValueError as exc:
            self.fail((*where, "value"), str(exc))
            return All(())
        if is_ref:
            return AttrTest(path, op, ParamRef(raw["value"]["param"]))
        return AttrTest(path, op, prepared)

    def predicate(self, raw: Mapping[str, Any], where: Path) -> Condition:
        name = raw["predicate"]
        found = PREDICATES.get(name)
        if found is None:
            self.fail((*where, "predicate"), f"unknown predicate '{name}'",
                      suggest(name, PREDICATES) or
                      f"known predicates: {', '.join(sorted(PREDICATES))}")
            return All(())
        path = self.path(raw["attr"], (*where, "attr")) if "attr" in raw else ()
        self.declared(path, (*where, "attr"))
        args: dict[str, Any] = {}
        for arg, given in (raw.get("args") or {}).items():
            at = (*where, "args", arg)
            spec = found.args.get(arg)
            if spec is None:
                accepted = ", ".join(sorted(found.args)) or "none"
                self.fail(at, f"unknown argument '{arg}' for predicate {name}",
                          suggest(arg, found.args) or f"it accepts: {accepted}")
                continue
            is_ref, value = self.param(given, at)
            if value is _MISSING:
                continue
            problem = arg_problem(spec, value)
            if problem:
                source = f" (parameter '{given['param']}')" if is_ref else ""
                self.fail(at, f"argument '{arg}'{source} {problem}")
                continue
            args[arg] = ParamRef(given["param"]) if is_ref else value
        for arg, spec in sorted(found.args.items()):
            if spec.required and arg not in (raw.get("args") or {}):
                self.fail(where, f"predicate {name} needs the argument '{arg}'",
                          f"add args: {{{arg}: ...}}")
        return PredicateCall(found, path, args)

    def related(self, raw: Mapping[str, Any], where: Path) -> Condition:
        spec = raw["related"]
        relation = spec.get("relation")
        if relation not in RELATIONS:
            self.fail((*where, "related", "relation"), f"unknown relation '{relation}'",
                      suggest(str(relation), RELATIONS) or
                      f"known relations: {', '.join(RELATIONS)}")
        kind = spec.get("kind")
        if kind is not None and kind not in KINDS:
            self.fail((*where, "related", "kind"), f"unknown kind '{kind}'",
                      suggest(str(kind), KINDS) or "see docs/canonical-model.md")
        quantifiers = [q for q in ("every", "some", "none") if q in raw]
        if len(quantifiers) != 1:
            self.fail(where, "related needs exactly one of every, some, none"
                      + (f" (found {', '.join(quantifiers)})" if quantifiers else ""))
            return All(())
        quantifier = quantifiers[0]
        outer = self.scopes
        self.scopes = [scope(kind)] if kind in KINDS else None
        check = self.compile(raw[quantifier], (*where, quantifier))
        self.scopes = outer
        return Related(str(relation), kind, spec.get("direction", "out"), quantifier, check)


def _dotted(path: Path) -> str:
    return ".".join(str(part) for part in path)


def _scope_name(where: Scope) -> str:
    """`aws.rds.instance`, or `aws.ec2.security_group ingress` (an element of the list)."""
    return where.kind


def _path_hint(path: Path, found: Sequence[Found]) -> str:
    """`did you mean 'storage_encrypted'?` (the closest declared name where the path
    left the declarations), else the names declared there."""
    for result in found:
        if result.missing is None:
            continue
        index = [str(p) for p in path].index(result.missing)
        prefix = _dotted(path[:index])
        close = suggest(result.missing, result.declared)
        if close is not None:
            name = close.split("'")[1]
            return f"did you mean '{prefix + '.' if prefix else ''}{name}'?"
    names = sorted({n for r in found for n in r.declared})
    return f"declared here: {', '.join(names)}; see docs/canonical-model.md"


def compile_condition(raw: Any, where: Path, parameters: Mapping[str, Any],
                      kinds: Sequence[str] = ()) -> tuple[Condition, list[Problem]]:
    """Compile the condition at `where` in a rule document. Attribute paths are checked
    against the declarations of `kinds` (none when empty). The condition is only usable
    when the problem list is empty."""
    compiler = _Compiler(parameters, kinds)
    condition = compiler.compile(raw, where)
    return condition, compiler.problems
