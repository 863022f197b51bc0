"""ARM settings read for the Azure hardening rules: API Management's legacy protocol custom
properties, Windows Automatic Updates, Service Bus encryption and identity, storage
replication, AKS add-ons and upgrade channel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.adapters.arm.test_services import adapt, resource
from tests.parsers.arm.helpers import template

GATEWAY = "Microsoft.WindowsAzure.ApiManagement.Gateway.Security."


@pytest.mark.parametrize("custom, frontend, backend", [
    ({}, "1.2", "1.2"),
    ({GATEWAY + "Protocols.Tls11": "true", GATEWAY + "Protocols.Tls10": "False"}, "1.1", "1.2"),
    ({GATEWAY + "Backend.Protocols.Ssl30": True}, "1.2", "ssl3.0"),
    ({(GATEWAY + "Protocols.Tls10").upper(): "TRUE"}, "1.0", "1.2"),
])
def test_api_management_minimum_protocols(tmp_path: Path, custom: dict[str, Any],
                                          frontend: str, backend: str) -> None:
    service = adapt(tmp_path, resource("Microsoft.ApiManagement/service",
                                       {"customProperties": custom}))
    assert (service.attributes["min_tls_version"],
            service.attributes["backend_min_tls_version"]) == (frontend, backend)


def test_api_management_custom_properties_from_a_parameter(tmp_path: Path) -> None:
    body = resource("Microsoft.ApiManagement/service",
                    {"customProperties": "[parameters('custom')]"})
    result, _ = adapt_template(tmp_path, {**template(body),
                                          "parameters": {"custom": {"type": "object"}}})
    [service] = result.resources
    assert isinstance(service.attributes["min_tls_version"], Unknown)


@pytest.mark.parametrize("os_profile, expected", [
    ({"windowsConfiguration": {"enableAutomaticUpdates": False}}, False),
    ({"windowsConfiguration": {"enableAutomaticUpdates": "false"}}, False),
    ({"windowsConfiguration": {"provisionVMAgent": True}}, True),
])
def test_windows_automatic_updates(tmp_path: Path, os_profile: dict[str, Any],
                                   expected: bool) -> None:
    machine = adapt(tmp_path, resource("Microsoft.Compute/virtualMachines",
                                       {"osProfile": os_profile}))
    assert machine.attributes["automatic_updates_enabled"] is expected
    scale_set = adapt(tmp_path, resource("Microsoft.Compute/virtualMachineScaleSets", {
        "virtualMachineProfile": {"osProfile": os_profile}}))
    assert scale_set.attributes["automatic_updates_enabled"] is expected


def test_automatic_updates_absent_without_a_windows_configuration(tmp_path: Path) -> None:
    linux = adapt(tmp_path, resource("Microsoft.Compute/virtualMachines", {
        "osProfile": {"linuxConfiguration": {"disablePasswordAuthentication": True}}}))
    assert "automatic_updates_enabled" not in linux.attributes


def test_servicebus_customer_managed_key_and_identity(tmp_path: Path) -> None:
    keyed = adapt(tmp_path, resource("Microsoft.ServiceBus/namespaces", {
        "encryption": {"keySource": "Microsoft.KeyVault",
                       "requireInfrastructureEncryption": True,
                       "keyVaultProperties": [{"keyName": "k", "keyVaultUri": "u"}]}},
        identity={"type": "SystemAssigned"}))
    assert (keyed.attributes["customer_managed_key_enabled"],
            keyed.attributes["infrastructure_encryption_enabled"],
            keyed.attributes["identity_type"]) == (True, True, "SystemAssigned")
    empty = adapt(tmp_path, resource("Microsoft.ServiceBus/namespaces", {
        "encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": []}}))
    assert empty.attributes["customer_managed_key_enabled"] is False


@pytest.mark.parametrize("sku, expected", [("Standard_GZRS", "GZRS"),
                                           ("Premium_LRS", "LRS"),
                                           ("standard_ragrs", "RAGRS")])
def test_storage_replication(tmp_path: Path, sku: str, expected: str) -> None:
    account = adapt(tmp_path, resource("Microsoft.Storage/storageAccounts", {},
                                       sku={"name": sku}, kind="StorageV2"))
    assert account.attributes["replication"] == expected


def test_aks_addons_and_upgrade_channel(tmp_path: Path) -> None:
    cluster = adapt(tmp_path, resource("Microsoft.ContainerService/managedClusters", {
        "addonProfiles": {"azurePolicy": {"enabled": True},
                          "HTTPApplicationRouting": {"enabled": "true"}},
        "autoUpgradeProfile": {"upgradeChannel": "Node-Image"}}))
    assert (cluster.attributes["azure_policy_enabled"],
            cluster.attributes["http_application_routing_enabled"],
            cluster.attributes["automatic_upgrade_channel"]) == (True, True, "node-image")
