"""Azure storage accounts: `Microsoft.Storage/storageAccounts`.

- `https_only` <- `supportsHttpsTrafficOnly`; default true from apiVersion 2019-04-01,
  false before;
- `min_tls_version` <- `minimumTlsVersion`; default `TLS1_0`, every apiVersion;
- `allow_blob_public_access` <- `allowBlobPublicAccess`; default false from apiVersion
  2023-01-01, true before;
- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled` true, `Disabled`
  false); default true (an unset property leaves the account reachable from public
  networks, subject to `networkAcls`, in every apiVersion: Azure Policy's "Storage
  accounts should disable public network access" finds it non-compliant);
- `network_rules.default_action` <- `networkAcls.defaultAction` (`Allow`/`Deny`, any
  case, written as Azure does); absent when `networkAcls` is not written (Azure's
  default action is then `Allow`);
- `network_rules.bypass` <- `networkAcls.bypass` (`"Logging, Metrics"` -> a list, each
  word in Azure's case); `["AzureServices"]` when `networkAcls` is written without it
  (Azure's default);
- `shared_key_access_enabled` <- `allowSharedKeyAccess`; default true (Azure reads an
  unset value as true, every apiVersion);
- `infrastructure_encryption_enabled` <- `encryption.requireInfrastructureEncryption`;
  default false;
- `cross_tenant_replication_enabled` <- `allowCrossTenantReplication`; default false from
  apiVersion 2023-01-01 ("the default interpretation is false for new accounts"), true
  before ("the default interpretation is true for this property"; before the property
  existed, object replication could always cross tenants);
- `account_kind` <- `kind`;
- `replication` <- `sku.name` (`Standard_GRS` -> `GRS`, any case);
- `blob_soft_delete_enabled`, `container_soft_delete_enabled`: false (defaulted) until
  the account's `blobServices` resource says otherwise (`govern.adapters.arm.
  storage_containers`);
- `customer_managed_key_enabled` <- `encryption.keySource` (`Microsoft.Keyvault` true,
  `Microsoft.Storage` false, any case); default false (Microsoft-managed keys).

Blob containers, `Microsoft.Storage/storageAccounts/blobServices/containers` (nested in the
account's `blobServices`, or at the top level named `<account>/default/<container>`), are
folded into their account's `containers`: `name` (the last segment), `public_access` <-
`properties.publicAccess` (`None` -> `private`, `Blob` -> `blob`, `Container` ->
`container`, any case); default `private` (Azure's: "None" when not set). A
`blobServices` resource is folded into its account (it has no setting read here), so a
container nested in it finds the account; a container whose account is not in the template
is judged on an external parent.

The defaults are Azure's, as the Storage resource provider's API reference states them per
version: "the default value is true since API version 2019-04-01"
(supportsHttpsTrafficOnly); "the default interpretation is TLS 1.0 for this property"
(minimumTlsVersion, in every version that has it: Azure Storage accepts TLS 1.0 and 1.1
from an account whose minimum is not set); allowBlobPublicAccess's default
interpretation is true up to 2022-09-01 and false from 2023-01-01 (before the property
existed, containers could always be made public). They differ from azurerm's
(`min_tls_version` defaults to `TLS1_2` there because the provider writes it): the same
omission means something else in the two formats. A resource without an apiVersion takes
it from the template's `apiProfile` (Azure Stack hybrid profiles, `STORAGE_API_OF_PROFILE`);
an apiVersion that is not known statically makes the version-dependent defaults Unknown.

`name` is the evaluated name; `resource_group_name` is where the deployment goes (known
only when a nested deployment names it).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import apply_tags, copy, new_resource, set_default
from govern.adapters.arm.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_REPLICATIONS = ("LRS", "ZRS", "GRS", "RAGRS", "GZRS", "RAGZRS")

KIND = "azure.storage.account"
HTTPS_ONLY_SINCE = "2019-04-01"
NO_PUBLIC_BLOBS_SINCE = "2023-01-01"
NO_CROSS_TENANT_SINCE = "2023-01-01"


def build_account(native: NativeResource) -> Resource:
    resource = new_resource(native, KIND)
    copy(resource, native, ("name",), ("name",))
    set_context(resource, native)
    api_version = storage_api_version(native)
    if not copy(resource, native, ("properties", "supportsHttpsTrafficOnly"), ("https_only",)):
        set_default(resource, ("https_only",),
                    _since(api_version, HTTPS_ONLY_SINCE, True, False))
    if not copy(resource, native, ("properties", "minimumTlsVersion"), ("min_tls_version",)):
        set_default(resource, ("min_tls_version",), "TLS1_0")
    if not copy(resource, native, ("properties", "allowBlobPublicAccess"),
                ("allow_blob_public_access",)):
        set_default(resource, ("allow_blob_public_access",),
                    _since(api_version, NO_PUBLIC_BLOBS_SINCE, False, True))
    if not copy(resource, native, ("properties", "publicNetworkAccess"),
                ("public_network_access_enabled",), _network_access):
        set_default(resource, ("public_network_access_enabled",), True)
    copy(resource, native, ("properties", "networkAcls", "defaultAction"),
         ("network_rules", "default_action"), network_action)
    if value_at(native, "properties", "networkAcls") is not MISSING and not copy(
            resource, native, ("properties", "networkAcls", "bypass"),
            ("network_rules", "bypass"), bypass_list):
        set_default(resource, ("network_rules", "bypass"), ["AzureServices"])
    if not copy(resource, native, ("properties", "allowSharedKeyAccess"),
                ("shared_key_access_enabled",)):
        set_default(resource, ("shared_key_access_enabled",), True)
    if not copy(resource, native, ("properties", "encryption", "requireInfrastructureEncryption"),
                ("infrastructure_encryption_enabled",)):
        set_default(resource, ("infrastructure_encryption_enabled",), False)
    if not copy(resource, native, ("properties", "encryption", "keySource"),
                ("customer_managed_key_enabled",), _key_vault_source):
        set_default(resource, ("customer_managed_key_enabled",), False)
    if not copy(resource, native, ("properties", "allowCrossTenantReplication"),
                ("cross_tenant_replication_enabled",)):
        set_default(resource, ("cross_tenant_replication_enabled",),
                    _since(api_version, NO_CROSS_TENANT_SINCE, False, True))
    copy(resource, native, ("kind",), ("account_kind",))
    copy(resource, native, ("sku", "name"), ("replication",), replication)
    for canonical in ("blob_soft_delete_enabled", "container_soft_delete_enabled"):
        set_default(resource, (canonical,), False)  # until a blobServices says otherwise
    apply_tags(resource, native)
    return resource


def replication(value: Any) -> Any:
    """`account_replication_type` (`GRS`) or the redundancy of an ARM `sku.name`
    (`Standard_GRS`) in upper case; Unknown for anything else."""
    if isinstance(value, str):
        word = value.strip().upper().rpartition("_")[2]
        if word in _REPLICATIONS:
            return word
    return Unknown(f"{value!r} is not a known replication type")


def set_context(resource: Resource, native: NativeResource) -> None:
    """`resource_group_name`: where the resource's deployment goes."""
    context = native.provider or {}
    group = context.get("resource_group_name", MISSING)
    if group is not MISSING and group is not None:
        resource.set(("resource_group_name",), group)


# Azure Stack API profiles: the Microsoft.Storage API version each one stands for.
STORAGE_API_OF_PROFILE = {
    "2017-03-09-profile": "2016-01-01",
    "2018-03-01-hybrid": "2016-01-01",
    "2019-03-01-hybrid": "2017-10-01",
    "2020-09-01-hybrid": "2019-06-01",
}


def storage_api_version(native: NativeResource) -> Any:
    """The resource's apiVersion, else the one its template's `apiProfile` gives."""
    api_version = value_at(native, "apiVersion")
    if api_version is MISSING:
        profile = (native.provider or {}).get("api_profile")
        if isinstance(profile, str):
            return STORAGE_API_OF_PROFILE.get(profile.lower(), MISSING)
    return api_version


def _since(api_version: Any, since: str, after: Any, before: Any) -> Any:
    if isinstance(api_version, str) and api_version:
        return after if api_version[:10] >= since else before
    return Unknown("the default depends on the apiVersion, which is not known statically")


def _network_access(value: Any) -> Any:
    if isinstance(value, str):
        lowered = value.lower()
        if lowered == "enabled":
            return True
        if lowered == "disabled":
            return False
    return Unknown(f"publicNetworkAccess {value!r}: public access depends on the network "
                   f"security perimeter")


def _key_vault_source(value: Any) -> Any:
    """`Microsoft.Keyvault` -> true, `Microsoft.Storage` -> false (any case)."""
    if isinstance(value, str) and value.strip().lower() in ("microsoft.keyvault",
                                                             "microsoft.storage"):
        return value.strip().lower() == "microsoft.keyvault"
    return Unknown(f"keySource {value!r} is neither Microsoft.Keyvault nor Microsoft.Storage")


_BYPASS = {word.lower(): word for word in ("AzureServices", "Logging", "Metrics", "None")}


def bypass_list(value: Any) -> Any:
    """A firewall's bypass as a list of words in Azure's case: ARM's comma-separated
    string (`"Logging, Metrics"`) split, Terraform's set as it is; an unknown word as
    written."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        return Unknown(f"bypass {value!r} is neither a string nor a list")
    return [_BYPASS.get(item.strip().lower(), item.strip()) if isinstance(item, str)
            else item for item in items if not (isinstance(item, str) and not item.strip())]


def network_action(value: Any) -> Any:
    """A firewall's default action, `Allow`/`Deny` in any case, as Azure writes it; any
    other value as it is."""
    if isinstance(value, str) and value.strip().lower() in ("allow", "deny"):
        return value.strip().capitalize()
    return value


_ACCESS_LEVELS = {"none": "private", "private": "private", "blob": "blob",
                  "container": "container"}


def access_level(value: Any) -> Any:
    """A container's public access level, as azurerm writes it: ARM `None` -> `private`,
    `Blob` -> `blob`, `Container` -> `container` (any case); another value as it is."""
    if isinstance(value, str):
        return _ACCESS_LEVELS.get(value.strip().lower(), value)
    return value
