"""Deployment and resource functions: `resourceGroup()`, `subscription()`, `tenant()`,
`managementGroup()`, the `resourceId` family, `reference()`, `list*()` and the functions
whose value exists only at deployment time (`deployment()`, `environment()`,
`uniqueString()`, `guid()`, `newGuid()`, `utcNow()`, `providers()`, `pickZones()`).

The subscription id, resource group name, tenant id and management group name of a
deployment are not known statically (unless a nested deployment names them): they are
`UnknownSegment`s, so resource ids built from them keep a known shape
(`/subscriptions/<?>/resourceGroups/<?>/providers/...`). `uniqueString()` and `guid()`
are deterministic hashes, but of values that are almost never known (the resource group
id); they are Unknown, identified by the text of the call so that two identical calls
stand for the same value.
"""

from __future__ import annotations

from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.arm.context import (
    MANAGEMENT_GROUP,
    RESOURCE_GROUP,
    SUBSCRIPTION,
    CallContext,
)
from govern.parsers.arm.fn_base import FunctionSpec, spec
from govern.parsers.arm.values import EvalError, UnknownSegment, UnknownString, join_parts

MANAGEMENT_GROUPS = "/providers/Microsoft.Management/managementGroups/"


def _resource_group(args: list[Any], ctx: CallContext) -> Any:
    target = ctx.target
    return {
        "id": join_parts(["/subscriptions/", target.subscription_id, "/resourceGroups/",
                          target.resource_group]),
        "name": target.resource_group,
        "type": "Microsoft.Resources/resourceGroups",
        "location": target.location,
        "managedBy": Unknown("the resource group's managedBy is known at deployment"),
        "tags": Unknown("the tags of the resource group are known at deployment"),
        "properties": {"provisioningState": "Succeeded"},
    }


def _subscription(args: list[Any], ctx: CallContext) -> Any:
    subscription_id = ctx.target.subscription_id
    return {
        "id": join_parts(["/subscriptions/", subscription_id]),
        "subscriptionId": subscription_id,
        "tenantId": _tenant_id(),
        "displayName": Unknown("the subscription's display name is known at deployment"),
    }


def _tenant_id() -> UnknownSegment:
    return UnknownSegment("the id of the tenant the template is deployed to")


def _tenant(args: list[Any], ctx: CallContext) -> Any:
    return {
        "tenantId": _tenant_id(),
        "countryCode": Unknown("the tenant's country is known at deployment"),
        "displayName": Unknown("the tenant's display name is known at deployment"),
    }


def _management_group(args: list[Any], ctx: CallContext) -> Any:
    name = ctx.target.management_group
    return {
        "id": join_parts([MANAGEMENT_GROUPS, name]),
        "name": name,
        "type": "Microsoft.Management/managementGroups",
        "properties": Unknown("the management group's properties are known at deployment"),
    }


def _is_type(value: Any) -> bool:
    if not isinstance(value, str) or "/" not in value:
        return False
    namespace = value.split("/", 1)[0]
    return "." in namespace and " " not in value


def _split_type_and_names(args: list[Any], leading_max: int, function: str
                          ) -> tuple[list[Any], str, list[Any]]:
    """(leading arguments, resource type, names) of a `*ResourceId` call."""
    index = next((i for i, a in enumerate(args) if _is_type(a)), None)
    if index is None:
        if any(isinstance(a, Unknown) for a in args[:leading_max + 1]):
            raise _UnknownType()
        raise EvalError(f"{function}() needs a resource type such as "
                        f"'Microsoft.Storage/storageAccounts'")
    if index > leading_max:
        raise EvalError(f"{function}() has too many arguments before the resource type")
    resource_type: str = args[index]
    names: list[Any] = []
    for name in args[index + 1:]:
        if isinstance(name, str):
            names.extend(name.split("/"))
        elif isinstance(name, (int, float)) and not isinstance(name, bool):
            names.append(str(name))
        elif isinstance(name, Unknown):
            names.append(name)
        else:
            raise EvalError(f"{function}() resource names must be strings")
    segments = resource_type.strip("/").split("/")
    if len(names) != len(segments) - 1:
        raise EvalError(f"{function}() needs {len(segments) - 1} name(s) for "
                        f"'{resource_type}', got {len(names)}")
    return list(args[:index]), resource_type, names


class _UnknownType(Exception):
    """The resource type argument is not known statically."""


def provider_path(resource_type: str, names: list[Any]) -> list[Any]:
    """`/providers/NS.Type/name/childType/childName` as pieces."""
    segments = resource_type.strip("/").split("/")
    pieces: list[Any] = ["/providers/", segments[0]]
    for child_type, name in zip(segments[1:], names, strict=True):
        pieces.extend(["/", child_type, "/", name])
    return pieces


def _id(ctx: CallContext, prefix: list[Any], resource_type: str, names: list[Any]) -> Any:
    value = join_parts([*prefix, *provider_path(resource_type, names)])
    address = ctx.address_of_id(resource_type, names)
    if address is not None and isinstance(value, UnknownString):
        return UnknownString(value.parts, ref=address)
    return value


def _guarded(function: Any) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        try:
            result = function(args, ctx)
        except _UnknownType:
            return Unknown("the resource type of a resource id is not known statically")
        return result
    return impl


def _resource_id(args: list[Any], ctx: CallContext) -> Any:
    leading, resource_type, names = _split_type_and_names(args, 2, "resourceId")
    target = ctx.target
    if len(leading) == 2:
        prefix = ["/subscriptions/", leading[0], "/resourceGroups/", leading[1]]
    elif len(leading) == 1:
        prefix = ["/subscriptions/", target.subscription_id, "/resourceGroups/", leading[0]]
    elif target.level == RESOURCE_GROUP:
        prefix = ["/subscriptions/", target.subscription_id, "/resourceGroups/",
                  target.resource_group]
    elif target.level == SUBSCRIPTION:
        prefix = ["/subscriptions/", target.subscription_id]
    elif target.level == MANAGEMENT_GROUP:
        prefix = [MANAGEMENT_GROUPS, target.management_group]
    else:
        prefix = []
    return _id(ctx, prefix, resource_type, names)


def _subscription_resource_id(args: list[Any], ctx: CallContext) -> Any:
    leading, resource_type, names = _split_type_and_names(args, 1, "subscriptionResourceId")
    subscription_id = leading[0] if leading else ctx.target.subscription_id
    return _id(ctx, ["/subscriptions/", subscription_id], resource_type, names)


def _tenant_resource_id(args: list[Any], ctx: CallContext) -> Any:
    _, resource_type, names = _split_type_and_names(args, 0, "tenantResourceId")
    return _id(ctx, [], resource_type, names)


def _management_group_resource_id(args: list[Any], ctx: CallContext) -> Any:
    leading, resource_type, names = _split_type_and_names(
        args, 1, "managementGroupResourceId")
    group = leading[0] if leading else ctx.target.management_group
    return _id(ctx, [MANAGEMENT_GROUPS, group], resource_type, names)


def _extension_resource_id(args: list[Any], ctx: CallContext) -> Any:
    if len(args) < 2:
        raise EvalError("extensionResourceId() needs a resource id, a type and names")
    base = args[0]
    if not isinstance(base, (str, Unknown)):
        raise EvalError("extensionResourceId() needs a resource id first")
    _, resource_type, names = _split_type_and_names(args[1:], 0, "extensionResourceId")
    return _id(ctx, [str(base).rstrip("/") if isinstance(base, str) else base],
               resource_type, names)


def _reference(args: list[Any], ctx: CallContext) -> Any:
    address = ctx.address_of(args[0])
    what = address or _describe(args[0])
    return Unknown(f"reference() reads the deployed state of {what}", ref=address)


def _list(args: list[Any], ctx: CallContext) -> Any:
    address = ctx.address_of(args[0]) if args else None
    name = ctx.call_text().split("(", 1)[0]
    return Unknown(f"{name}() reads keys or settings of the deployed resource", ref=address)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return value
    return "a resource not known statically"


def _unknown(reason: str, segment: bool = False) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        return UnknownSegment(reason) if segment else Unknown(reason)
    return impl


def _hash(args: list[Any], ctx: CallContext) -> Any:
    """`uniqueString()`/`guid()`: Unknown, identified by the text of the call."""
    return UnknownSegment(f"{ctx.call_text()} is computed at deployment")


def _new_guid(args: list[Any], ctx: CallContext) -> Any:
    return UnknownSegment("newGuid() is random at deployment")


FUNCTIONS: dict[str, FunctionSpec] = {
    "resourcegroup": spec(_resource_group, 0),
    "subscription": spec(_subscription, 0),
    "tenant": spec(_tenant, 0),
    "managementgroup": spec(_management_group, 0, 1),
    "resourceid": spec(_guarded(_resource_id), 2, None, unknowns="custom"),
    "subscriptionresourceid": spec(_guarded(_subscription_resource_id), 2, None,
                                   unknowns="custom"),
    "tenantresourceid": spec(_guarded(_tenant_resource_id), 2, None, unknowns="custom"),
    "managementgroupresourceid": spec(_guarded(_management_group_resource_id), 2, None,
                                      unknowns="custom"),
    "extensionresourceid": spec(_guarded(_extension_resource_id), 3, None,
                                unknowns="custom"),
    "reference": spec(_reference, 1, 3, unknowns="custom"),
    "deployment": spec(_unknown("deployment() describes the running deployment"), 0),
    "environment": spec(_unknown("environment() depends on the Azure cloud deployed to"), 0),
    "providers": spec(_unknown("providers() reads the resource provider registry"), 1, 2,
                      unknowns="custom"),
    "pickzones": spec(_unknown("pickZones() depends on the region's availability zones"),
                      3, 5, unknowns="custom"),
    "uniquestring": spec(_hash, 1, None, unknowns="custom"),
    "guid": spec(_hash, 1, None, unknowns="custom"),
    "newguid": spec(_new_guid, 0),
    "utcnow": spec(_unknown("utcNow() is the time of the deployment"), 0, 1,
                   unknowns="custom"),
    "datetimeadd": spec(_unknown("date and time functions are not evaluated by govern"),
                        2, 3),
    "datetimefromepoch": spec(_unknown("date and time functions are not evaluated by govern"),
                              1),
    "datetimetoepoch": spec(_unknown("date and time functions are not evaluated by govern"),
                            1),
    "parsecidr": spec(_unknown("CIDR functions are not evaluated by govern"), 1,
                      unknowns="custom"),
    "cidrsubnet": spec(_unknown("CIDR functions are not evaluated by govern"), 3,
                       unknowns="custom"),
    "cidrhost": spec(_unknown("CIDR functions are not evaluated by govern"), 2,
                     unknowns="custom"),
}


_LIST = spec(_list, 1, None, unknowns="custom")


def list_function(name: str) -> FunctionSpec | None:
    """`listKeys`, `listSecrets`, `listAccountSas`, ... : every `list*` function."""
    if name.startswith("list") and len(name) > 4:
        return _LIST
    return None
