"""Private endpoints of Azure resources (`private_endpoints`), shared by the Terraform and
ARM adapters: which kinds have them, what a resource id designates, and how an endpoint
is added to its target.

An endpoint names its target by resource id. A literal id ending in
`/providers/<namespace>/<type>/<name>` designates the resource of the matching kind with
that name (storage account, key vault and database server names are unique in Azure). An
endpoint whose target is not known statically may connect to any resource that has private
endpoints: it adds an Unknown element to each one of the deployment.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from govern.model.resource import Resource
from govern.model.source import SourceRange
from govern.model.unknown import Unknown

KEY = "private_endpoints"
# lower-case ARM resource type -> the canonical kind
TARGETS = {
    "microsoft.storage/storageaccounts": "azure.storage.account",
    "microsoft.keyvault/vaults": "azure.keyvault.vault",
    "microsoft.keyvault/managedhsms": "azure.keyvault.vault",
    "microsoft.dbformysql/servers": "azure.mysql.server",
    "microsoft.dbformysql/flexibleservers": "azure.mysql.flexible_server",
    "microsoft.dbforpostgresql/servers": "azure.postgresql.server",
    "microsoft.dbforpostgresql/flexibleservers": "azure.postgresql.flexible_server",
    "microsoft.dbformariadb/servers": "azure.mariadb.server",
    "microsoft.sql/servers": "azure.sql.server",
}
KINDS = tuple(sorted(set(TARGETS.values())))


def target_of_id(text: str) -> tuple[str, str] | None:
    """The kind and name a literal resource id designates (`.../providers/
    Microsoft.Storage/storageAccounts/st` -> storage account `st`); None for another type
    or text that is no such id."""
    lowered = text.lower()
    at = lowered.rfind("/providers/")
    if at < 0:
        return None
    segments = text[at + len("/providers/"):].strip("/").split("/")
    if len(segments) != 3 or not segments[2]:
        return None
    kind = TARGETS.get(f"{segments[0]}/{segments[1]}".lower())
    return (kind, segments[2]) if kind is not None else None


def endpoint(name: Any, subresources: Any) -> dict[str, Any]:
    """One element of `private_endpoints` (MISSING/None values left out)."""
    item: dict[str, Any] = {}
    if isinstance(name, (str, Unknown)):
        item["name"] = name
    if isinstance(subresources, (list, Unknown)):
        item["subresources"] = subresources
    return item


def add(resource: Resource, item: Any, where: SourceRange | None) -> None:
    """Append an endpoint (or an Unknown standing for one) to a resource."""
    endpoints = resource.attributes.get(KEY)
    if not isinstance(endpoints, list):
        endpoints = resource.attributes[KEY] = []
    if where is not None:
        resource.locations[(KEY, len(endpoints))] = where
    endpoints.append(item)


def add_everywhere(resources: Iterable[Resource], reason: str, where: SourceRange | None,
                   kinds: Iterable[str] = KINDS) -> None:
    """An endpoint whose target is not known: an Unknown element on every resource of
    `kinds` (by default every kind that has private endpoints) declared in the scanned
    code of the deployment."""
    wanted = set(kinds)
    for resource in resources:
        if resource.kind in wanted and not resource.external:
            add(resource, Unknown(reason), where)
