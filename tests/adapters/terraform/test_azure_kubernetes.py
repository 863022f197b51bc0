"""`azurerm_kubernetes_cluster` -> `azure.containerservice.managed_cluster`."""

from __future__ import annotations

from tests.adapters.terraform.azure_helpers import adapt_one


def test_defaults() -> None:
    cluster = adapt_one("azurerm_kubernetes_cluster.k", {"name": "aks"})
    assert cluster.kind == "azure.containerservice.managed_cluster"
    assert cluster.attributes == {"name": "aks", "private_cluster_enabled": False,
                                  "tags": {}}
    assert cluster.defaulted == {("private_cluster_enabled",)}


def test_authorized_ranges_current_and_legacy() -> None:
    current = adapt_one("azurerm_kubernetes_cluster.k", {
        "private_cluster_enabled": True,
        "api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]})
    assert current.attributes == {"private_cluster_enabled": True,
                                  "api_server_authorized_ip_ranges": ["203.0.113.0/24"],
                                  "tags": {}}
    legacy = adapt_one("azurerm_kubernetes_cluster.k", {
        "api_server_authorized_ip_ranges": ["198.51.100.0/24"]})
    assert legacy.attributes["api_server_authorized_ip_ranges"] == ["198.51.100.0/24"]
