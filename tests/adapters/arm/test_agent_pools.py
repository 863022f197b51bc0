"""AKS node pools in ARM: `agentPoolProfiles` and `managedClusters/agentPools`."""

from __future__ import annotations

from pathlib import Path

from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import template

CLUSTERS = "Microsoft.ContainerService/managedClusters"


def test_profiles_and_separate_pool(tmp_path: Path) -> None:
    cluster = {"type": CLUSTERS, "apiVersion": "2024-02-01", "name": "aks",
               "location": "westeurope",
               "properties": {"agentPoolProfiles": [
                   {"name": "system", "enableNodePublicIP": True},
                   {"name": "user", "enableEncryptionAtHost": "true"}]},
               "resources": [{"type": "agentPools", "apiVersion": "2024-02-01",
                              "name": "batch",
                              "properties": {"enableEncryptionAtHost": True}}]}
    result, _ = adapt_template(tmp_path, template(cluster))
    found = {r.kind: r for r in result.resources}
    aks = found["azure.containerservice.managed_cluster"]
    assert aks.attributes["agent_pools"] == [
        {"name": "system", "node_public_ip_enabled": True, "host_encryption_enabled": False},
        {"name": "user", "node_public_ip_enabled": False, "host_encryption_enabled": True}]
    assert ("agent_pools", 0, "host_encryption_enabled") in aks.defaulted
    pool = found["azure.containerservice.agent_pool"]
    assert (pool.attributes["node_public_ip_enabled"],
            pool.attributes["host_encryption_enabled"]) == (False, True)
    assert pool.defaulted == {("node_public_ip_enabled",)}


def test_profiles_not_known_statically(tmp_path: Path) -> None:
    document = template({"type": CLUSTERS, "apiVersion": "2024-02-01", "name": "aks",
                         "location": "westeurope",
                         "properties": {"agentPoolProfiles": "[parameters('pools')]"}})
    document["parameters"] = {"pools": {"type": "array"}}
    result, _ = adapt_template(tmp_path, document)
    [aks] = result.resources
    assert isinstance(aks.attributes["agent_pools"], Unknown)
