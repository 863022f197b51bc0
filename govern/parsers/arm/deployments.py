"""Deployments: the top-level template and inline nested templates
(`Microsoft.Resources/deployments` with `properties.template`).

A `Frame` is one deployment: the template, what its expressions read (parameters,
variables, functions, and what `resourceGroup()`/`subscription()` return), where its
resources go (`Target`), and the prefix of their addresses.

- The level of the top-level deployment comes from the template's `$schema`:
  `deploymentTemplate.json` -> resource group, `subscriptionDeploymentTemplate.json` ->
  subscription, `managementGroupDeploymentTemplate.json` -> management group,
  `tenantDeploymentTemplate.json` -> tenant.
- A nested deployment goes where its `resourceGroup` / `subscriptionId` / `scope` say
  (else where its parent goes).
- `expressionEvaluationOptions.scope`: `inner` evaluates the nested template with its own
  parameters (from the deployment's `parameters` values) and variables, in the nested
  deployment's context; `outer` (ARM's default) evaluates it with the parent's parameters
  and variables, in the parent's context.
- Resources of a nested template are addressed under the deployment:
  `Microsoft.Resources/deployments/<name as written>/` +
  `Microsoft.Storage/storageAccounts/<name as written>`.
- A linked template (`templateLink`) is not read (a note says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.arm.context import (
    MANAGEMENT_GROUP,
    RESOURCE_GROUP,
    SUBSCRIPTION,
    TENANT,
    Target,
)
from govern.parsers.arm.evaluator import Env, Evaluator
from govern.parsers.arm.fn_scope import MANAGEMENT_GROUPS
from govern.parsers.arm.template_scope import TemplateScope
from govern.parsers.arm.values import UnknownSegment, join_parts, lookup_key
from govern.parsers.json_positions import JNode

MAX_NESTING = 10

_SCHEMA_LEVELS = (
    ("subscriptiondeploymenttemplate.json", SUBSCRIPTION),
    ("managementgroupdeploymenttemplate.json", MANAGEMENT_GROUP),
    ("tenantdeploymenttemplate.json", TENANT),
)


@dataclass
class Frame:
    evaluator: Evaluator
    root: str  # the template file: the deployment the resources belong to
    template: JNode
    scope: TemplateScope
    expression_target: Target  # what resourceGroup(), subscription()... return
    target: Target  # where the resources are deployed
    prefix: str = ""  # address prefix ("" at the top level)
    copies: dict[str, Any] = field(default_factory=dict)
    depth: int = 0
    api_profile: str | None = None  # the template's `apiProfile` (Azure Stack)

    def env(self) -> Env:
        return Env(self.evaluator, self.scope, self.expression_target, dict(self.copies))


def schema_level(schema: Any) -> str:
    """The deployment level a template's `$schema` declares (resource group by default)."""
    if isinstance(schema, str):
        lowered = schema.lower()
        for marker, level in _SCHEMA_LEVELS:
            if marker in lowered:
                return level
    return RESOURCE_GROUP


def top_target(level: str) -> Target:
    """What is known of where a template is deployed: its level only."""
    return Target(
        level=level,
        subscription_id=UnknownSegment("the id of the subscription the template is "
                                       "deployed to"),
        resource_group=UnknownSegment("the name of the resource group the template is "
                                      "deployed to"),
        management_group=UnknownSegment("the name of the management group the template "
                                        "is deployed to"),
        location=Unknown("the location of the resource group the template is deployed to"),
    )


def scope_id(target: Target) -> Any:
    """The id of where a deployment goes (`/subscriptions/<?>/resourceGroups/<?>`)."""
    if target.level == RESOURCE_GROUP:
        return join_parts(["/subscriptions/", target.subscription_id, "/resourceGroups/",
                           target.resource_group])
    if target.level == SUBSCRIPTION:
        return join_parts(["/subscriptions/", target.subscription_id])
    if target.level == MANAGEMENT_GROUP:
        return join_parts([MANAGEMENT_GROUPS, target.management_group])
    return "/"


def nested_target(outer: Target, attributes: dict[str, Any]) -> Target:
    """Where a nested deployment (its evaluated attributes) deploys to."""
    level = outer.level
    subscription_id = outer.subscription_id
    resource_group = outer.resource_group
    management_group = outer.management_group
    location = outer.location
    subscription = _get(attributes, "subscriptionId")
    group = _get(attributes, "resourceGroup")
    scope = _get(attributes, "scope")
    if subscription is not None:
        subscription_id = subscription
        if level in (TENANT, MANAGEMENT_GROUP):
            level = SUBSCRIPTION
    if group is not None:
        resource_group = group
        level = RESOURCE_GROUP
        location = Unknown("the location of the resource group the nested template is "
                           "deployed to")
    if subscription is None and group is None and isinstance(scope, str):
        lowered = scope.strip().lower()
        if lowered == "/":
            level = TENANT
        elif "managementgroups/" in lowered:
            level = MANAGEMENT_GROUP
            management_group = scope.rstrip("/").rsplit("/", 1)[-1]
    return Target(level, subscription_id, resource_group, management_group, location)


def evaluation_scope(attributes: dict[str, Any]) -> str:
    """`inner` or `outer` (ARM's default) from `properties.expressionEvaluationOptions`."""
    properties = _get(attributes, "properties")
    options = _get(properties, "expressionEvaluationOptions") if isinstance(
        properties, dict) else None
    scope = _get(options, "scope") if isinstance(options, dict) else None
    return "inner" if isinstance(scope, str) and scope.lower() == "inner" else "outer"


def supplied_parameters(attributes: dict[str, Any]) -> dict[str, Any]:
    """The parameter values a nested deployment passes to an inner-scoped template."""
    properties = _get(attributes, "properties")
    parameters = _get(properties, "parameters") if isinstance(properties, dict) else None
    values: dict[str, Any] = {}
    if not isinstance(parameters, dict):
        return values
    for name, entry in parameters.items():
        if not isinstance(entry, dict):
            values[name] = Unknown(f"the value of parameter '{name}' is not known "
                                   f"statically")
            continue
        try:
            values[name] = lookup_key(entry, "value")
        except KeyError:
            if _get(entry, "reference") is not None:
                values[name] = Unknown(f"parameter '{name}' comes from a Key Vault secret")
    return values


def _get(mapping: Any, key: str) -> Any:
    if not isinstance(mapping, dict):
        return None
    try:
        return lookup_key(mapping, key)
    except KeyError:
        return None
