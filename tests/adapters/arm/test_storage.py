"""Storage accounts: values, Azure's defaults by apiVersion, locations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownSegment
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import template

STORAGE = "Microsoft.Storage/storageAccounts"
GROUP = UnknownSegment("the name of the resource group the template is deployed to")


def account(api_version: str = "2023-01-01", **properties: Any) -> dict[str, Any]:
    return {"type": STORAGE, "apiVersion": api_version, "name": "stdata",
            "location": "westeurope", "sku": {"name": "Standard_LRS"}, "kind": "StorageV2",
            "properties": properties}


def test_written_values(tmp_path: Path) -> None:
    result, path = adapt_template(tmp_path, template(account(
        supportsHttpsTrafficOnly=False, minimumTlsVersion="TLS1_1",
        allowBlobPublicAccess=True, publicNetworkAccess="Disabled")
        | {"tags": {"owner": "me", "empty": None}}))
    [resource] = result.resources
    assert resource.id == f"arm:{path}:{STORAGE}/stdata"
    assert (resource.kind, resource.address, resource.source_format, resource.context) == (
        "azure.storage.account", f"{STORAGE}/stdata", "arm", path)
    assert resource.attributes == {
        "name": "stdata", "resource_group_name": GROUP, "https_only": False,
        "min_tls_version": "TLS1_1", "allow_blob_public_access": True,
        "public_network_access_enabled": False, "shared_key_access_enabled": True,
        "infrastructure_encryption_enabled": False, "customer_managed_key_enabled": False,
        "cross_tenant_replication_enabled": False, "account_kind": "StorageV2",
        "replication": "LRS",
        "blob_soft_delete_enabled": False, "container_soft_delete_enabled": False,
        "tags": {"owner": "me"}}
    assert resource.defaulted == {("shared_key_access_enabled",),
                                  ("infrastructure_encryption_enabled",),
                                  ("customer_managed_key_enabled",),
                                  ("cross_tenant_replication_enabled",),
                                  ("blob_soft_delete_enabled",),
                                  ("container_soft_delete_enabled",)}
    assert resource.location("https_only") == SourceRange(path, 15, 15)
    assert resource.location("tags.owner") == SourceRange(path, 21, 21)


@pytest.mark.parametrize(("api_version", "https_only", "public_blobs"), [
    ("2018-07-01", False, True),
    ("2019-04-01", True, True),
    ("2022-09-01", True, True),
    ("2023-01-01", True, False),
    ("2023-05-01-preview", True, False),
])
def test_defaults_depend_on_the_api_version(tmp_path: Path, api_version: str,
                                            https_only: bool, public_blobs: bool) -> None:
    result, _ = adapt_template(tmp_path, template(account(api_version)))
    [resource] = result.resources
    assert resource.attributes == {
        "name": "stdata", "resource_group_name": GROUP, "https_only": https_only,
        "min_tls_version": "TLS1_0", "allow_blob_public_access": public_blobs,
        "public_network_access_enabled": True,
        "shared_key_access_enabled": True, "infrastructure_encryption_enabled": False,
        "customer_managed_key_enabled": False,
        # "the default interpretation is false for new accounts" from 2023-01-01, as for
        # public blobs
        "cross_tenant_replication_enabled": public_blobs, "account_kind": "StorageV2",
        "replication": "LRS",
        "blob_soft_delete_enabled": False, "container_soft_delete_enabled": False,
        "tags": {}}
    assert resource.defaulted == {("https_only",), ("min_tls_version",),
                                  ("allow_blob_public_access",), ("shared_key_access_enabled",),
                                  ("infrastructure_encryption_enabled",),
                                  ("public_network_access_enabled",),
                                  ("customer_managed_key_enabled",),
                                  ("cross_tenant_replication_enabled",),
                                  ("blob_soft_delete_enabled",),
                                  ("container_soft_delete_enabled",)}
    assert resource.location("min_tls_version") == resource.range


def test_unknown_api_version_makes_version_dependent_defaults_unknown(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        account("[parameters('api')]"), parameters={"api": {"type": "string"}}))
    [resource] = result.resources
    reason = "the default depends on the apiVersion, which is not known statically"
    assert resource.attributes["https_only"] == Unknown(reason)
    assert resource.attributes["allow_blob_public_access"] == Unknown(reason)
    assert resource.attributes["min_tls_version"] == "TLS1_0"


def test_public_network_access_values(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        account(publicNetworkAccess="Enabled") | {"name": "a"},
        account(publicNetworkAccess="SecuredByPerimeter") | {"name": "b"}))
    assert [r.attributes["public_network_access_enabled"] for r in result.resources] == [
        True, Unknown("publicNetworkAccess 'SecuredByPerimeter': public access depends on the "
                      "network security perimeter")]


def test_property_names_in_another_case_and_unknown_tags(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        account(SupportsHttpsTrafficOnly=False) | {"tags": "[parameters('tags')]"},
        parameters={"tags": {"type": "object"}}))
    [resource] = result.resources
    assert resource.attributes["https_only"] is False
    assert resource.attributes["tags"] == Unknown(
        "parameter 'tags' has no value (no defaultValue and no value supplied)")


def test_resource_group_of_a_nested_deployment(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template({
        "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "d",
        "resourceGroup": "rg-data",
        "properties": {"mode": "Incremental", "template": template(account())}}))
    [resource] = result.resources
    assert resource.address == f"Microsoft.Resources/deployments/d/{STORAGE}/stdata"
    assert resource.attributes["resource_group_name"] == "rg-data"


def test_api_version_from_the_templates_api_profile(tmp_path: Path) -> None:
    resource = account()
    del resource["apiVersion"]
    result, _ = adapt_template(tmp_path, {**template(resource),
                                          "apiProfile": "2018-03-01-hybrid"})
    attributes = result.resources[0].attributes
    assert (attributes["https_only"], attributes["allow_blob_public_access"]) == (False, True)


def test_network_acls_default_action(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        account(networkAcls={"defaultAction": "deny", "bypass": "AzureServices"})
        | {"name": "a"},
        account(networkAcls={"defaultAction": "[parameters('action')]"}) | {"name": "b"},
        account() | {"name": "c"},
        parameters={"action": {"type": "string"}}))
    first, second, third = (r.attributes for r in result.resources)
    assert first["network_rules"] == {"default_action": "Deny", "bypass": ["AzureServices"]}
    assert isinstance(second["network_rules"]["default_action"], Unknown)
    assert second["network_rules"]["bypass"] == ["AzureServices"]
    assert "network_rules" not in third


def test_cross_tenant_replication_written_and_unknown_api_version(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        account(allowCrossTenantReplication=True),
        account("[parameters('api')]") | {"name": "stother"},
        parameters={"api": {"type": "string"}}))
    written, unknown = result.resources
    assert written.attributes["cross_tenant_replication_enabled"] is True
    assert ("cross_tenant_replication_enabled",) not in written.defaulted
    assert isinstance(unknown.attributes["cross_tenant_replication_enabled"], Unknown)


def test_soft_delete_from_the_blob_service(tmp_path: Path) -> None:
    nested = account() | {"resources": [{
        "type": "blobServices", "apiVersion": "2023-01-01", "name": "default",
        "dependsOn": ["stdata"],
        "properties": {"deleteRetentionPolicy": {"enabled": True, "days": 7},
                       "containerDeleteRetentionPolicy": {"enabled": "false"}}}]}
    top_level = {"type": f"{STORAGE}/blobServices", "apiVersion": "2023-01-01",
                 "name": "stother/default",
                 "properties": {"containerDeleteRetentionPolicy": {"enabled": True}}}
    result, _ = adapt_template(tmp_path, template(
        nested, account() | {"name": "stother"}, top_level))
    first, second = result.resources
    assert (first.attributes["blob_soft_delete_enabled"],
            first.attributes["container_soft_delete_enabled"]) == (True, False)
    assert not {("blob_soft_delete_enabled",),
                ("container_soft_delete_enabled",)} & first.defaulted
    assert first.location("blob_soft_delete_enabled") != first.range
    assert (second.attributes["blob_soft_delete_enabled"],
            second.attributes["container_soft_delete_enabled"]) == (False, True)
    assert ("blob_soft_delete_enabled",) in second.defaulted
