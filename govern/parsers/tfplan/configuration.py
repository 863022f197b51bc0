"""The plan's `configuration` section: which attributes a resource's configuration writes,
its provider configuration key, and the resources its expressions refer to.

Expressions are `{"constant_value": ...}` and/or `{"references": [...]}` (or `{}`); nested
blocks are lists of expression objects (`{"rule": [{"sse_algorithm": {...}}]}`), a single
nested block (NestingSingle) one expression object. References are relative to the module
they are written in; they are resolved to full resource addresses through module inputs
(`var.x` -> the caller's expression) and module outputs (`module.m.o` -> the output's
expression inside `m`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from govern.parsers.tfplan.addresses import (
    full_address,
    instance_key,
    module_steps,
    parent_module,
    parse_reference,
    without_key,
)

_EXPRESSION_KEYS = frozenset({"constant_value", "references"})
_MAX_DEPTH = 32  # module input/output hops followed for one reference
_INDEX_REFERENCES = frozenset({"count.index", "each.key"})


def is_expression(value: Any) -> bool:
    """An expression object (as opposed to the attributes of a nested block)."""
    return isinstance(value, dict) and set(value) <= _EXPRESSION_KEYS


def references_in(expressions: Any) -> Iterator[str]:
    """Every reference string in an expression, a nested block, or a list of them."""
    if is_expression(expressions):
        refs = expressions.get("references")
        if isinstance(refs, list):
            yield from (r for r in refs if isinstance(r, str))
    elif isinstance(expressions, dict):
        for value in expressions.values():
            yield from references_in(value)
    elif isinstance(expressions, list):
        for value in expressions:
            yield from references_in(value)


@dataclass
class ModuleConfig:
    """One module of the configuration: its resources by module-relative address, its
    calls, and the input expressions its caller passes (empty at the root)."""

    body: dict[str, Any]
    parent: ModuleConfig | None = None
    inputs: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    calls: dict[str, ModuleConfig] = field(default_factory=dict)
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def build(cls, body: Any, parent: ModuleConfig | None = None,
              call: dict[str, Any] | None = None) -> ModuleConfig:
        body = body if isinstance(body, dict) else {}
        call = call or {}
        inputs = call.get("expressions")
        source = call.get("source")
        module = cls(body, parent, inputs if isinstance(inputs, dict) else {},
                     source if isinstance(source, str) else "")
        for resource in _dicts(body.get("resources")):
            address = resource.get("address")
            if isinstance(address, str):
                module.resources[address] = resource
        calls = body.get("module_calls")
        if isinstance(calls, dict):
            for name, sub in calls.items():
                if isinstance(sub, dict):
                    module.calls[name] = cls.build(sub.get("module"), module, sub)
        return module

    def output(self, name: str) -> Any:
        outputs = self.body.get("outputs")
        found = outputs.get(name) if isinstance(outputs, dict) else None
        return found.get("expression") if isinstance(found, dict) else None


class Configuration:
    """The whole `configuration` section, and the addresses the plan holds (to tell whether
    an instance `aws_s3_bucket.b[0]` exists)."""

    def __init__(self, section: Any, addresses: Iterable[str]) -> None:
        section = section if isinstance(section, dict) else {}
        self.present = "root_module" in section
        self.root = ModuleConfig.build(section.get("root_module"))
        providers = section.get("provider_config")
        self.providers: dict[str, Any] = providers if isinstance(providers, dict) else {}
        self.addresses = frozenset(addresses)

    def module(self, module_address: str) -> ModuleConfig | None:
        scope: ModuleConfig | None = self.root
        for name, _key in module_steps(module_address):
            scope = scope.calls.get(name) if scope is not None else None
        return scope

    def resource(self, module_address: str, relative: str) -> dict[str, Any] | None:
        """The configuration of a resource: `relative` is its module-relative address
        without instance key (`aws_s3_bucket.b`, `data.aws_iam_policy_document.p`)."""
        scope = self.module(module_address)
        return scope.resources.get(relative) if scope is not None else None

    def resolve(self, references: Iterable[str], module_address: str) -> list[str]:
        """The full addresses of the resources `references` (written in `module_address`)
        designate, most specific first kept: `aws_s3_bucket.b` is dropped when
        `aws_s3_bucket.b[0]` is there too."""
        scope = self.module(module_address)
        found: list[str] = []
        if scope is not None:
            self._resolve(list(references), scope, module_address, 0, found, set())
        return most_specific(found)

    def _resolve(self, references: list[str], scope: ModuleConfig, prefix: str, depth: int,
                 found: list[str], seen: set[tuple[str, str]]) -> None:
        """Append to `found`; `seen` holds the (module, reference) pairs already followed,
        so that a cyclic configuration (not valid Terraform) ends quickly."""
        if depth > _MAX_DEPTH:
            return
        for text in references:
            ref = parse_reference(text)
            if ref is None or (prefix, text) in seen:
                continue
            seen.add((prefix, text))
            if ref.kind == "resource":
                found.append(full_address(prefix, ref.address))
            elif ref.kind == "variable" and scope.parent is not None:
                given = scope.inputs.get(ref.name)
                self._resolve(list(references_in(given)), scope.parent, parent_module(prefix),
                              depth + 1, found, seen)
            elif ref.kind == "output" and ref.name in scope.calls:
                child = scope.calls[ref.name]
                self._resolve(list(references_in(child.output(ref.output))), child,
                              full_address(prefix, f"module.{ref.name}{ref.key}"), depth + 1,
                              found, seen)

    def reference(self, expression: Any, module_address: str,
                  index: int | str | None) -> str | None:
        """The one resource an expression's value comes from, for an `Unknown`'s `ref`:
        `aws_s3_bucket.b[count.index].id` in instance 1 -> `aws_s3_bucket.b[1]` when that
        instance exists; None when there is none or more than one."""
        refs = list(references_in(expression))
        found = self.resolve(refs, module_address)
        if index is not None and _INDEX_REFERENCES.intersection(refs):
            key = instance_key(index)
            found = most_specific(f"{a}{key}" if f"{a}{key}" in self.addresses else a
                                  for a in found)
        return found[0] if len(found) == 1 else None


def most_specific(addresses: Iterable[str]) -> list[str]:
    """Distinct addresses, without a resource's address when one of its instances is
    there."""
    unique = list(dict.fromkeys(addresses))
    keyed = {without_key(a) for a in unique if without_key(a) != a}
    return [a for a in unique if a not in keyed]


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
