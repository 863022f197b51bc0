"""GKE: node pools' auto-repair, auto-upgrade and node image (a cluster's for its default
node pool), clusters' Binary Authorization enforcement; the keys of Pub/Sub topics,
Artifact Registry repositories and Dataproc clusters; BigQuery tables' deletion protection."""

from __future__ import annotations

from typing import Any

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import native


def adapt_one(address: str, attributes: dict[str, Any]) -> Resource:
    [resource] = adapt_terraform([native(address, attributes)]).resources
    return resource


def test_node_pool_management_and_image_default_on_and_cos() -> None:
    bare = adapt_one("google_container_node_pool.p", {"cluster": "c"})
    assert (bare.attributes["auto_repair"], bare.attributes["auto_upgrade"],
            bare.attributes["image_type"]) == (True, True, "COS_CONTAINERD")
    assert {("auto_repair",), ("auto_upgrade",), ("image_type",)} <= bare.defaulted
    partial = adapt_one("google_container_node_pool.p", {
        "cluster": "c", "management": [{"auto_upgrade": False}],
        "node_config": [{"image_type": "ubuntu_containerd"}]})
    assert (partial.attributes["auto_repair"], partial.attributes["auto_upgrade"],
            partial.attributes["image_type"]) == (True, False, "ubuntu_containerd")
    assert ("auto_repair",) in partial.defaulted
    assert ("auto_upgrade",) not in partial.defaulted
    dynamic = adapt_one("google_container_node_pool.p", {
        "cluster": "c", "management": Unknown("var.management")})
    assert isinstance(dynamic.attributes["auto_repair"], Unknown)


def test_cluster_image_is_its_default_node_pools() -> None:
    standard = adapt_one("google_container_cluster.c", {
        "node_config": [{"image_type": "UBUNTU_CONTAINERD"}]})
    assert standard.attributes["image_type"] == "UBUNTU_CONTAINERD"
    assert adapt_one("google_container_cluster.c", {}).attributes["image_type"] == \
        "COS_CONTAINERD"
    for no_default_pool in ({"enable_autopilot": True}, {"remove_default_node_pool": True}):
        assert "image_type" not in adapt_one(
            "google_container_cluster.c", no_default_pool).attributes
    inline = adapt_one("google_container_cluster.c", {"node_pool": [{"name": "p"}]})
    assert isinstance(inline.attributes["image_type"], Unknown)


@pytest.mark.parametrize(("written", "enforced"), [
    ({}, False),
    ({"binary_authorization": [{"evaluation_mode": "PROJECT_SINGLETON_POLICY_ENFORCE"}]}, True),
    ({"binary_authorization": [{
        "evaluation_mode": "POLICY_BINDINGS_AND_PROJECT_SINGLETON_POLICY_ENFORCE"}]}, True),
    ({"binary_authorization": [{"evaluation_mode": "POLICY_BINDINGS"}]}, False),
    ({"binary_authorization": [{"evaluation_mode": "DISABLED", "enabled": True}]}, False),
    ({"binary_authorization": [{"evaluation_mode": "EVALUATION_MODE_UNSPECIFIED",
                                "enabled": True}]}, True),
    ({"binary_authorization": [{"enabled": True}]}, True),
    ({"enable_binary_authorization": "true"}, True),
    ({"enable_binary_authorization": False}, False),
])
def test_binary_authorization(written: dict[str, Any], enforced: bool) -> None:
    cluster = adapt_one("google_container_cluster.c", written)
    assert cluster.attributes["binary_authorization"] is enforced
    assert (("binary_authorization",) in cluster.defaulted) is (written == {})


def test_binary_authorization_unknown() -> None:
    odd = adapt_one("google_container_cluster.c", {
        "binary_authorization": [{"evaluation_mode": "SOMETHING_NEW"}]})
    assert odd.attributes["binary_authorization"] == Unknown(
        "unrecognised Binary Authorization evaluation mode 'SOMETHING_NEW'")
    variable = Unknown("var.mode")
    assert adapt_one("google_container_cluster.c", {
        "binary_authorization": [{"evaluation_mode": variable}]}
    ).attributes["binary_authorization"] == variable


@pytest.mark.parametrize(("address", "written"), [
    ("google_pubsub_topic.t", {"kms_key_name": "k"}),
    ("google_artifact_registry_repository.r", {"kms_key_name": "k"}),
    ("google_dataproc_cluster.d", {"cluster_config": [{"encryption_config": [
        {"kms_key_name": "k"}]}]}),
])
def test_customer_managed_keys(address: str, written: dict[str, Any]) -> None:
    assert adapt_one(address, written).attributes["kms_key"] == "k"
    assert "kms_key" not in adapt_one(address, {}).attributes


def test_bigquery_table_deletion_protection_defaults_to_true() -> None:
    table = adapt_one("google_bigquery_table.t", {"dataset_id": "d", "table_id": "t"})
    assert table.attributes["deletion_protection"] is True
    assert ("deletion_protection",) in table.defaulted
    off = adapt_one("google_bigquery_table.t", {"dataset_id": "d", "table_id": "t",
                                                "deletion_protection": False})
    assert off.attributes["deletion_protection"] is False
