"""A resource's provider configuration, from the plan's `configuration.provider_config`.

Entries are keyed `aws`, `aws.west` (an alias) or `module.net:aws` (a provider configured
inside a module); a resource names its entry by `provider_config_key` (Terraform already
points a module resource that inherits a provider at the caller's entry). Only constant
arguments are known: an argument written as an expression (`default_tags` from a
variable) is Unknown. Effective tags do not depend on it when the provider computed
`tags_all` (see `govern/adapters/terraform/tags.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.json_positions import JNode
from govern.parsers.tfplan.configuration import is_expression


@dataclass(frozen=True)
class ProviderEntry:
    """One `provider_config` entry: `key`, its evaluated arguments (None when no argument
    was written) and the node it is in the plan."""

    key: str
    name: str
    alias: str | None
    module_address: str
    values: dict[str, Any] | None
    node: JNode


def provider_entry(providers: JNode | None, key: str) -> ProviderEntry | None:
    """The entry `key` names; a key that is not there (older Terraform versions wrote
    `module.net:aws` for inherited providers) falls back to the same provider at the
    root."""
    if providers is None or providers.kind != "object" or not key:
        return None
    node = providers.get(key)
    if node is None and ":" in key:
        key = key.rsplit(":", 1)[1]
        node = providers.get(key)
    if node is None or node.kind != "object":
        return None
    body = node.value
    name = body.get("name")
    alias = body.get("alias")
    module_address = body.get("module_address")
    expressions = body.get("expressions")
    values = None
    if isinstance(expressions, dict):
        values = _block(expressions)
        if isinstance(alias, str):
            values["alias"] = alias
    return ProviderEntry(key, name if isinstance(name, str) else key.split(".")[0],
                         alias if isinstance(alias, str) else None,
                         module_address if isinstance(module_address, str) else "",
                         values, node)


def _block(expressions: dict[str, Any]) -> dict[str, Any]:
    return {name: _value(name, value) for name, value in expressions.items()}


def _value(name: str, value: Any) -> Any:
    if is_expression(value):
        if "constant_value" in value:
            return value["constant_value"]
        return Unknown(f"the provider's {name} is an expression the plan does not evaluate")
    if isinstance(value, list):
        return [_block(v) if isinstance(v, dict) else v for v in value]
    if isinstance(value, dict):
        return _block(value)
    return value
