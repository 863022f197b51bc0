"""Terraform address arithmetic for plans: splitting addresses, the module calls a module
address goes through, and the resource a reference string names.

References are the strings of the plan's `configuration` (`aws_s3_bucket.b.id`,
`aws_s3_bucket.b[0]`, `module.net.vpc_id`, `var.name`, `count.index`), relative to the
module they are written in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = r'\[(?:[0-9]+|"(?:[^"\\]|\\.)*")\]'
_NAME = r"[A-Za-z_][A-Za-z0-9_-]*"
_RESOURCE = re.compile(rf"(?:data\.)?{_NAME}\.{_NAME}(?:{_KEY})?")
_MODULE_OUTPUT = re.compile(rf"module\.({_NAME})((?:{_KEY})?)\.({_NAME})")
_VARIABLE = re.compile(rf"var\.({_NAME})")
_MODULE_STEP = re.compile(rf"module\.({_NAME})((?:{_KEY})?)")
# First names of references that are not resources (nor modules or variables).
_NOT_RESOURCES = frozenset({"local", "each", "count", "path", "terraform", "self",
                            "ephemeral", "resource", "module", "var"})


@dataclass(frozen=True)
class Reference:
    """What a reference string designates: `kind` is `resource` (with `address`, keeping its
    instance key), `output` (module `name`, instance `key` such as `[0]` or "", output
    `output`) or `variable` (`name`)."""

    kind: str
    address: str = ""
    name: str = ""
    key: str = ""
    output: str = ""


def parse_reference(text: str) -> Reference | None:
    """The resource, module output or input variable a reference names; None for anything
    else (`local.x`, `count.index`, `each.key`, a whole module `module.net`)."""
    first = text.split(".", 1)[0].split("[", 1)[0]
    if first == "var":
        var = _VARIABLE.match(text)
        return Reference("variable", name=var.group(1)) if var else None
    if first == "module":
        out = _MODULE_OUTPUT.match(text)
        if out is None:
            return None
        return Reference("output", name=out.group(1), key=out.group(2), output=out.group(3))
    if first in _NOT_RESOURCES:
        return None
    found = _RESOURCE.match(text)
    return Reference("resource", address=found.group(0)) if found else None


def module_steps(module_address: str) -> list[tuple[str, str]]:
    """`module.net["a"].module.sub` -> `[("net", '["a"]'), ("sub", "")]`."""
    steps: list[tuple[str, str]] = []
    position = 0
    while position < len(module_address):
        step = _MODULE_STEP.match(module_address, position)
        if step is None:
            return steps
        steps.append((step.group(1), step.group(2)))
        position = step.end() + 1  # the dot before the next step
    return steps


def parent_module(module_address: str) -> str:
    """`module.a.module.b[0]` -> `module.a`; `module.a` -> ""."""
    steps = module_steps(module_address)[:-1]
    return ".".join(f"module.{name}{key}" for name, key in steps)


def full_address(module_address: str, relative: str) -> str:
    return f"{module_address}.{relative}" if module_address else relative


def instance_key(index: int | str) -> str:
    """The address suffix of an instance: `[0]` or `["a"]`."""
    if isinstance(index, int):
        return f"[{index}]"
    escaped = index.replace("\\", "\\\\").replace('"', '\\"')
    return f'["{escaped}"]'


def without_key(address: str) -> str:
    """`aws_s3_bucket.b["x"]` -> `aws_s3_bucket.b` (only the last key)."""
    if address.endswith("]"):
        match = re.search(rf"{_KEY}$", address)
        if match is not None:
            return address[: match.start()]
    return address
