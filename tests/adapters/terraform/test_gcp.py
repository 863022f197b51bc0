"""Google Cloud kinds: storage (with bucket IAM folded in), compute, Cloud SQL, GKE, KMS,
resource-manager IAM, BigQuery, and labels as tags."""

from __future__ import annotations

from typing import Any

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native


def adapt_one(address: str, attributes: dict[str, Any], **kwargs: Any) -> Resource:
    [resource] = adapt_terraform([native(address, attributes, **kwargs)]).resources
    return resource


def test_bucket_defaults_and_labels_with_default_labels() -> None:
    bucket = adapt_one("google_storage_bucket.b", {
        "name": "acme", "labels": {"team": "data", "env": None}},
        provider={"default_labels": {"owner": "platform", "team": "x"}},
        provider_range=lines(1, 3), line=5, locations={"labels": 7})
    assert bucket.kind == "gcp.storage.bucket"
    assert bucket.attributes == {
        "name": "acme", "uniform_bucket_level_access": False,
        "versioning": {"enabled": False}, "retention_locked": False,
        "tags": {"owner": "platform", "team": "data"}}
    assert bucket.defaulted == {("uniform_bucket_level_access",), ("versioning", "enabled"),
                                ("retention_locked",)}
    assert bucket.location("tags.owner") == lines(1, 3)
    assert bucket.location("tags.team") == lines(7)


def test_bucket_iam_folded_by_reference_and_by_name() -> None:
    result = adapt_terraform([
        native("google_storage_bucket.b", {"name": "acme",
                                           "encryption": [{"default_kms_key_name": "k"}]}),
        native("google_storage_bucket_iam_member.m", {
            "bucket": Unknown("known after apply", "google_storage_bucket.b"),
            "role": "roles/storage.objectViewer", "member": "allUsers"},
            line=20, locations={"member": 23}),
        native("google_storage_bucket_iam_binding.x", {
            "bucket": "acme", "role": "roles/storage.admin", "members": ["group:a@b.c"]},
            line=30),
        native("google_storage_bucket_iam_binding.lost", {
            "bucket": "elsewhere", "role": "r", "members": []}, line=40),
    ])
    bucket, elsewhere = result.resources
    assert elsewhere.external and elsewhere.attributes["iam_bindings"][1:] == [
        {"role": "r", "members": []}]
    assert bucket.attributes["kms_key"] == "k"
    assert bucket.attributes["iam_bindings"] == [
        {"role": "roles/storage.objectViewer", "members": ["allUsers"]},
        {"role": "roles/storage.admin", "members": ["group:a@b.c"]}]
    assert bucket.native == ["google_storage_bucket.b", "google_storage_bucket_iam_member.m",
                             "google_storage_bucket_iam_binding.x"]
    assert bucket.location("iam_bindings.0.members") == lines(23)
    assert [n.code for n in result.notices] == ["external-parent"]


def test_firewall_defaults_and_implicit_source() -> None:
    firewall = adapt_one("google_compute_firewall.f", {
        "name": "f", "allow": [{"protocol": "tcp", "ports": ["22"]}, {"protocol": "icmp"}]})
    assert firewall.attributes == {
        "name": "f", "direction": "INGRESS", "disabled": False,
        "source_ranges": ["0.0.0.0/0"],
        "allow": [{"protocol": "tcp", "ports": ["22"]}, {"protocol": "icmp", "ports": []}],
        "deny": []}
    assert ("source_ranges",) in firewall.defaulted
    assert "tags" not in firewall.attributes  # firewall rules carry no labels
    tagged = adapt_one("google_compute_firewall.f", {"source_tags": ["web"], "allow": []})
    assert "source_ranges" not in tagged.attributes
    egress = adapt_one("google_compute_firewall.f", {"direction": "EGRESS"})
    assert "source_ranges" not in egress.attributes


def test_instance_interfaces_metadata_and_service_account() -> None:
    instance = adapt_one("google_compute_instance.i", {
        "name": "i",
        "network_interface": [{"network": "default"},
                              {"subnetwork": "dmz", "access_config": [{}]}],
        "metadata": {"serial-port-enable": "TRUE", "block-project-ssh-keys": "no"},
        "service_account": [{"scopes": ["cloud-platform", "storage-ro"]}]})
    assert instance.attributes["network_interfaces"] == [
        {"network": "default", "public_ip": False},
        {"subnetwork": "dmz", "public_ip": True}]
    assert instance.attributes["serial_port_enabled"] is True
    assert instance.attributes["block_project_ssh_keys"] is False
    assert "os_login_enabled" not in instance.attributes
    assert instance.attributes["service_account"] == {
        "uses_default": True,
        "scopes": ["https://www.googleapis.com/auth/cloud-platform",
                   "https://www.googleapis.com/auth/devstorage.read_only"]}


def test_instance_unknowns_and_service_account_references() -> None:
    metadata = Unknown("var.metadata")
    instance = adapt_one("google_compute_instance.i", {
        "metadata": metadata,
        "service_account": [{"email": Unknown("after apply", "google_service_account.app"),
                             "scopes": ["cloud-platform"]}]})
    assert instance.attributes["serial_port_enabled"] is metadata
    assert instance.attributes["service_account"]["uses_default"] is False
    default = adapt_one("google_compute_instance.i", {"service_account": [{
        "email": Unknown("after apply", "data.google_compute_default_service_account.d"),
        "scopes": []}]})
    assert default.attributes["service_account"]["uses_default"] is True
    other = adapt_one("google_compute_instance.i", {"service_account": [{
        "email": Unknown("var.email is not known"), "scopes": []}]})
    assert isinstance(other.attributes["service_account"]["uses_default"], Unknown)
    bare = adapt_one("google_compute_instance.i", {})
    assert "service_account" not in bare.attributes
    assert bare.attributes["network_interfaces"] == []


def test_sql_instance() -> None:
    ip = {"ssl_mode": "ENCRYPTED_ONLY", "require_ssl": False,
          "authorized_networks": [{"name": "all", "value": "0.0.0.0/0"}]}
    sql = adapt_one("google_sql_database_instance.db", {
        "name": "db", "settings": [{"ip_configuration": [ip],
                                    "user_labels": {"team": "data"}}]},
        provider={"default_labels": {"owner": "x"}})
    assert sql.attributes == {
        "name": "db", "ipv4_enabled": True, "backups_enabled": False, "ssl_required": True,
        "authorized_networks": [{"name": "all", "value": "0.0.0.0/0"}],
        "tags": {"team": "data"}}
    legacy = adapt_one("google_sql_database_instance.db", {
        "settings": [{"ip_configuration": [{"require_ssl": True}]}]})
    assert legacy.attributes["ssl_required"] is True
    assert adapt_one("google_sql_database_instance.db", {}).attributes["ssl_required"] is False


def test_gke_cluster() -> None:
    cluster = adapt_one("google_container_cluster.c", {
        "name": "c", "resource_labels": {"env": "prod"},
        "master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}]}],
        "private_cluster_config": [{"enable_private_nodes": True}]})
    assert cluster.attributes == {
        "name": "c", "autopilot": False, "enable_legacy_abac": False, "private_nodes": True,
        "private_endpoint": False,
        "master_authorized_networks": {"enabled": True, "cidr_blocks": ["10.0.0.0/8"]},
        "logging_service": "logging.googleapis.com/kubernetes",
        "issue_client_certificate": False, "shielded_nodes": True,
        "intranode_visibility": False,
        "network_policy_enabled": False, "network_policy_addon_disabled": True,
        "service_account": {"uses_default": True}, "workload_metadata_mode": "GCE_METADATA",
        "image_type": "COS_CONTAINERD", "binary_authorization": False,
        "tags": {"env": "prod"}}
    bare = adapt_one("google_container_cluster.c", {})
    assert bare.attributes["master_authorized_networks"] == {"enabled": False}
    assert ("master_authorized_networks", "enabled") in bare.defaulted


def test_kms_crypto_key_rotation_period() -> None:
    key = adapt_one("google_kms_crypto_key.k", {"rotation_period": "7776000s"})
    assert key.attributes == {"purpose": "ENCRYPT_DECRYPT", "rotation_period_seconds": 7776000,
                              "tags": {}}
    odd = adapt_one("google_kms_crypto_key.k", {"rotation_period": "90d"})
    assert odd.attributes["rotation_period_seconds"] == Unknown(
        "cannot read the duration '90d'")


def test_iam_grants() -> None:
    member = adapt_one("google_folder_iam_member.m", {
        "folder": "folders/1", "role": "roles/owner", "member": "user:a@b.c"})
    assert member.kind == "gcp.iam.grant"
    assert member.attributes == {"scope": "folders/1", "role": "roles/owner",
                                 "members": ["user:a@b.c"], "scope_level": "folder",
                                 "member_types": ["user"], "default_service_account": False,
                                 "consumer_account": False,
                                 "member_roles": [{"member": "user:a@b.c", "roles": [Unknown(
                                     "roles may be granted on the scope outside the scanned "
                                     "code")]}]}
    binding = adapt_one("google_organization_iam_binding.b", {
        "org_id": "1", "role": "roles/viewer", "members": ["allUsers"],
        "condition": [{"title": "expires"}]})
    assert binding.attributes["scope_level"] == "organization"
    assert binding.attributes["condition"] == "expires"


def test_bigquery_dataset() -> None:
    dataset = adapt_one("google_bigquery_dataset.d", {
        "dataset_id": "sales",
        "access": [{"role": "READER", "special_group": "allAuthenticatedUsers"}],
        "default_encryption_configuration": [{"kms_key_name": "k"}]})
    assert dataset.attributes == {
        "name": "sales", "kms_key": "k", "tags": {},
        "access": [{"role": "READER", "special_group": "allAuthenticatedUsers"}]}
    unknown = Unknown("var.entries")
    assert adapt_one("google_bigquery_dataset.d", {"access": unknown}).attributes[
        "access"] == [unknown]


def test_instance_dynamic_access_config_over_unknown() -> None:
    nat_ips = Unknown("var.nat_ips")
    instance = adapt_one("google_compute_instance.i", {
        "network_interface": [{"network": "default", "access_config": nat_ips}]})
    assert instance.attributes["network_interfaces"] == [
        {"network": "default", "public_ip": nat_ips}]


@pytest.mark.parametrize("native_type", ["google_compute_instance_template",
                                         "google_compute_region_instance_template"])
def test_instance_templates_are_read_as_instances(native_type: str) -> None:
    attributes = {
        "name": "t", "machine_type": "e2-small", "labels": {"team": "web"},
        "network_interface": [{"network": "default", "access_config": [{}]}],
        "metadata": {"serial-port-enable": "yes", "enable-oslogin": "TRUE"},
        "service_account": [{"scopes": ["cloud-platform"]}]}
    template = adapt_one(f"{native_type}.t", attributes,
                         provider={"default_labels": {"owner": "platform"}})
    instance = adapt_one("google_compute_instance.t", attributes,
                         provider={"default_labels": {"owner": "platform"}})
    assert template.kind == "gcp.compute.instance_template"
    assert template.attributes == instance.attributes
    assert template.attributes["tags"] == {"owner": "platform", "team": "web"}
    assert template.defaulted == instance.defaulted == {
        ("block_project_ssh_keys",), ("can_ip_forward",), ("confidential_compute",),
        ("secure_boot",), ("vtpm",), ("integrity_monitoring",)}
    unnamed = adapt_one(f"{native_type}.t", {"name_prefix": "web-"})
    assert "name" not in unnamed.attributes
    assert unnamed.attributes["network_interfaces"] == []


def test_gke_node_service_accounts() -> None:
    pool = adapt_one("google_container_node_pool.p", {
        "name": "p", "cluster": "c",
        "node_config": [{"service_account": "default", "oauth_scopes": ["cloud-platform"],
                         "labels": {"k8s": "x"}, "resource_labels": {"env": "prod"}}]})
    assert pool.kind == "gcp.container.node_pool"
    assert pool.attributes["service_account"] == {
        "email": "default", "uses_default": True,
        "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}
    assert "tags" not in pool.attributes  # node labels are not the pool's labels
    bare = adapt_one("google_container_node_pool.p", {"cluster": "c"})
    assert bare.attributes["service_account"] == {"uses_default": True}
    assert ("service_account",) in bare.defaulted
    narrow = adapt_one("google_container_node_pool.p", {"node_config": [{}]})
    assert narrow.attributes["service_account"] == {"uses_default": True}
    assert ("service_account", "uses_default") in narrow.defaulted
    dedicated = adapt_one("google_container_node_pool.p", {"node_config": [{
        "service_account": Unknown("after apply", "google_service_account.n")}]})
    assert dedicated.attributes["service_account"]["uses_default"] is False
    cluster = adapt_one("google_container_cluster.c", {
        "node_config": [{"service_account": "1234-compute@developer.gserviceaccount.com"}]})
    assert cluster.attributes["service_account"]["uses_default"] is True
    for attributes in ({"enable_autopilot": True}, {"remove_default_node_pool": True}):
        assert "service_account" not in adapt_one(
            "google_container_cluster.c", attributes).attributes
    inline = adapt_one("google_container_cluster.c", {"node_pool": [{"name": "x"}]})
    assert isinstance(inline.attributes["service_account"], Unknown)
    unsure = adapt_one("google_container_cluster.c",
                       {"remove_default_node_pool": Unknown("var.remove")})
    assert isinstance(unsure.attributes["service_account"], Unknown)


def test_gke_node_pool_private_nodes_inherit_the_cluster() -> None:
    result = adapt_terraform([
        native("google_container_cluster.c", {
            "name": "c", "private_cluster_config": [{"enable_private_nodes": True}]}),
        native("google_container_node_pool.ref", {
            "cluster": Unknown("known after apply", "google_container_cluster.c")}),
        native("google_container_node_pool.name", {"cluster": "c"}),
        native("google_container_node_pool.own", {
            "cluster": "c", "network_config": [{"enable_private_nodes": False}]}),
        native("google_container_node_pool.outside", {"cluster": "elsewhere"}),
    ])
    _, ref, name, own, outside = result.resources
    assert ref.attributes["private_nodes"] is True
    assert name.attributes["private_nodes"] is True
    assert own.attributes["private_nodes"] is False
    assert isinstance(outside.attributes["private_nodes"], Unknown)


def test_bucket_iam_policy_bindings_folded() -> None:
    policy = ('{"bindings":[{"members":["allUsers"],"role":"roles/storage.objectViewer"},'
              '{"members":["group:a@b.c"],"role":"roles/storage.admin"}]}')
    result = adapt_terraform([
        native("google_storage_bucket.b", {"name": "acme"}),
        native("google_storage_bucket_iam_policy.p", {"bucket": "acme", "policy_data": policy},
               line=10),
        native("google_storage_bucket.u", {"name": "other"}),
        native("google_storage_bucket_iam_policy.u", {
            "bucket": "other",
            "policy_data": Unknown("read at plan time", "data.google_iam_policy.x")}),
    ])
    bucket, other = result.resources
    assert bucket.attributes["iam_bindings"] == [
        {"role": "roles/storage.objectViewer", "members": ["allUsers"]},
        {"role": "roles/storage.admin", "members": ["group:a@b.c"]}]
    assert bucket.location("iam_bindings.1").start_line == 10
    [unknown] = other.attributes["iam_bindings"]
    assert isinstance(unknown, Unknown)
    assert "google_storage_bucket_iam_policy.p" in bucket.native


def test_bigquery_dataset_access_resources_folded() -> None:
    policy = '{"bindings":[{"members":["allUsers","user:a@b.c"],"role":"roles/x"}]}'
    result = adapt_terraform([
        native("google_bigquery_dataset.d", {
            "dataset_id": "sales", "access": [{"role": "OWNER",
                                               "special_group": "projectOwners"}]}),
        native("google_bigquery_dataset_access.a", {
            "dataset_id": "sales", "role": "READER", "domain": "acme.example"}),
        native("google_bigquery_dataset_iam_member.m", {
            "dataset_id": "sales", "role": "roles/bigquery.dataViewer", "member": "allUsers"}),
        native("google_bigquery_dataset_iam_binding.b", {
            "dataset_id": "sales", "role": "roles/y", "members": Unknown("var.members")}),
        native("google_bigquery_dataset_iam_policy.p", {
            "dataset_id": "sales", "policy_data": policy}, line=40),
        native("google_bigquery_dataset_iam_member.outside", {
            "dataset_id": "elsewhere", "role": "r", "member": "user:c@d.e"}),
    ])
    dataset, outside = result.resources
    access = dataset.attributes["access"]
    assert access[:3] == [
        {"role": "OWNER", "special_group": "projectOwners"},
        {"role": "READER", "domain": "acme.example"},
        {"role": "roles/bigquery.dataViewer", "iam_member": "allUsers"}]
    assert isinstance(access[3], Unknown)
    assert access[4:] == [{"role": "roles/x", "iam_member": "allUsers"},
                          {"role": "roles/x", "iam_member": "user:a@b.c"}]
    assert dataset.location("access.5").start_line == 40
    assert outside.external and outside.attributes["access"][1:] == [
        {"role": "r", "iam_member": "user:c@d.e"}]
