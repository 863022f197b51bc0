"""The level of an Azure RBAC scope, from its resource id."""

from __future__ import annotations

import re
from typing import Any

from govern.model.unknown import Unknown

SCOPE_LEVELS = ("tenant", "management_group", "subscription", "resource_group", "resource")

_MANAGEMENT_GROUP = re.compile(r"^/providers/microsoft\.management/managementgroups/[^/]+$")
_SUBSCRIPTION = re.compile(r"^/subscriptions/[^/]+$")
_RESOURCE_GROUP = re.compile(r"^/subscriptions/[^/]+/resourcegroups/[^/]+$")
_RESOURCE = re.compile(r"^/subscriptions/[^/]+(?:/resourcegroups/[^/]+)?/providers/.+$")


def scope_level(scope: Any) -> str | Unknown:
    """`/` -> tenant; `/providers/Microsoft.Management/managementGroups/x` ->
    management_group; `/subscriptions/<id>` -> subscription;
    `/subscriptions/<id>/resourceGroups/<name>` -> resource_group; anything under
    `/providers/` of a subscription or resource group -> resource. Unknown otherwise."""
    if isinstance(scope, Unknown):
        return scope
    if not isinstance(scope, str):
        return Unknown("the scope is not a string")
    text = scope.strip().lower()
    if text == "/":
        return "tenant"
    text = text.rstrip("/")
    for pattern, level in ((_MANAGEMENT_GROUP, "management_group"),
                           (_SUBSCRIPTION, "subscription"),
                           (_RESOURCE_GROUP, "resource_group"),
                           (_RESOURCE, "resource")):
        if pattern.match(text):
            return level
    return Unknown(f"{scope!r} is not an Azure scope id")
