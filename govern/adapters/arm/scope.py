"""The scope of ARM role assignments and definitions, and its level.

- The `scope` property of an extension resource: a resource id, or the short form
  relative to the deployment's resource group (`Microsoft.Storage/storageAccounts/x`),
  which is always a resource.
- Without one, the scope is where the deployment goes (`provider["scope"]`, its level in
  `provider["scope_level"]`): a resource group for `deploymentTemplate.json`, a
  subscription for `subscriptionDeploymentTemplate.json`, and so on.
- Ids that are partly unknown keep their shape when the unknown pieces are single
  segments (the subscription id, the resource group name, a `guid()`):
  `/subscriptions/<?>/resourceGroups/<?>` is a resource group, and anything below
  `/subscriptions/<?>/.../providers/` a resource. An unknown piece that could hold a `/`
  elsewhere (a parameter without a value) leaves the level Unknown.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.azure_scope import scope_level
from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownSegment, UnknownString, alternatives_of

_SEGMENT = "segment-not-known-statically"


def arm_scope_level(scope: Any) -> str | Unknown:
    """The canonical `scope_level` of a (possibly partly unknown) ARM scope."""
    options = alternatives_of(scope)
    if options is not None:
        assert isinstance(scope, Unknown)
        levels = tuple(arm_scope_level(option) for option in options)
        if levels and all(level == levels[0] for level in levels):
            return levels[0]
        return Unknown(scope.reason, None, levels)
    if isinstance(scope, UnknownString):
        first = scope.parts[0]
        if isinstance(first, str) and not first.startswith("/") and "/" in first:
            return "resource"  # the short form, relative to the deployment's resource group
        text = _shape(scope)
        if text is None:
            return Unknown(f"the scope is not known statically ({scope.reason})")
        return _level_of_text(text, scope)
    if isinstance(scope, Unknown):
        return scope
    if isinstance(scope, str):
        return _level_of_text(scope, scope)
    return Unknown("the scope is not a string")


def _level_of_text(text: str, original: Any) -> str | Unknown:
    stripped = text.strip()
    if not stripped.startswith("/") and "/" in stripped.strip("/"):
        return "resource"  # the short form, relative to the deployment's resource group
    level = scope_level(stripped)
    if isinstance(level, Unknown) and isinstance(original, Unknown):
        return Unknown(f"the scope is not known statically ({original.reason})")
    return level


def _shape(value: UnknownString) -> str | None:
    """The id with its unknown single segments replaced by a placeholder, or None when an
    unknown piece could change the level. Below `/subscriptions/.../providers/` (a
    resource) any unknown piece is a placeholder: it is a resource whatever follows."""
    pieces: list[str] = []
    for part in value.parts:
        if isinstance(part, str):
            pieces.append(part)
        elif isinstance(part, UnknownSegment) or _below_a_provider("".join(pieces)):
            pieces.append(_SEGMENT)
        else:
            return None
    return "".join(pieces)


def _below_a_provider(text: str) -> bool:
    lowered = text.lower()
    return lowered.startswith("/subscriptions/") and "/providers/" in lowered
