"""AKS node pools: `default_node_pool` of `azurerm_kubernetes_cluster`, and
`azurerm_kubernetes_cluster_node_pool` -> `azure.containerservice.agent_pool`."""

from __future__ import annotations

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines


def test_default_node_pool_current_and_legacy_names() -> None:
    cluster = adapt_one("azurerm_kubernetes_cluster.k", {
        "default_node_pool": [{"name": "system", "node_public_ip_enabled": True}]},
        locations={"default_node_pool": (5, 9), "default_node_pool.0.node_public_ip_enabled": 8})
    assert cluster.attributes["agent_pools"] == [
        {"name": "system", "node_public_ip_enabled": True, "host_encryption_enabled": False}]
    assert ("agent_pools", 0, "host_encryption_enabled") in cluster.defaulted
    assert ("agent_pools", 0, "node_public_ip_enabled") not in cluster.defaulted
    assert cluster.location("agent_pools.0.node_public_ip_enabled") == lines(8)
    legacy = adapt_one("azurerm_kubernetes_cluster.k", {
        "default_node_pool": [{"name": "system", "enable_host_encryption": "true",
                               "enable_node_public_ip": False}]})
    assert legacy.attributes["agent_pools"] == [
        {"name": "system", "node_public_ip_enabled": False, "host_encryption_enabled": True}]


def test_default_node_pool_not_known_statically() -> None:
    cluster = adapt_one("azurerm_kubernetes_cluster.k",
                        {"default_node_pool": Unknown("dynamic block")})
    assert isinstance(cluster.attributes["agent_pools"], Unknown)


def test_separate_node_pool() -> None:
    pool = adapt_one("azurerm_kubernetes_cluster_node_pool.p", {
        "name": "user", "kubernetes_cluster_id": "/aks/x", "enable_node_public_ip": True})
    assert pool.kind == "azure.containerservice.agent_pool"
    assert pool.attributes == {"name": "user", "cluster_id": "/aks/x",
                               "node_public_ip_enabled": True,
                               "host_encryption_enabled": False}
    assert pool.defaulted == {("host_encryption_enabled",)}
