"""Cloud SQL database flags; GKE logging, legacy authentication, shielded nodes,
intranode visibility, Google Groups for RBAC and the metadata server the nodes expose
(inherited by node pools from their cluster)."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native


def adapt_one(address: str, attributes: dict[str, Any], **kwargs: Any) -> Resource:
    [resource] = adapt_terraform([native(address, attributes, **kwargs)]).resources
    return resource


def _instance(flags: Any, **kwargs: Any) -> Resource:
    return adapt_one("google_sql_database_instance.db", {
        "database_version": "POSTGRES_15",
        "settings": [{"tier": "db-custom-2-7680", "database_flags": flags}]}, **kwargs)


def test_database_flags_by_name_with_spaces_and_dots_replaced() -> None:
    level = Unknown("variable level has no value")
    db = _instance([
        {"name": "log_connections", "value": "on"},
        {"name": "cross db ownership chaining", "value": "off"},
        {"name": "cloudsql.enable_pgaudit", "value": "on"},
        {"name": "log_min_messages", "value": level}],
        locations={"settings.0.database_flags": 5, "settings.0.database_flags.1": 9})
    assert db.attributes["database_flags"] == {
        "log_connections": "on", "cross_db_ownership_chaining": "off",
        "cloudsql_enable_pgaudit": "on", "log_min_messages": level}
    assert db.location("database_flags.cross_db_ownership_chaining") == lines(9)
    assert db.location("database_flags.log_connections") == lines(5)


def test_database_flags_absent_or_unknown() -> None:
    assert "database_flags" not in adapt_one("google_sql_database_instance.db", {
        "settings": [{"tier": "db-f1-micro"}]}).attributes
    dynamic = _instance(Unknown("variable flags has no value"))
    assert isinstance(dynamic.attributes["database_flags"], Unknown)
    # one flag whose name is not known: any flag could be set
    named = _instance([{"name": "log_connections", "value": "on"},
                       {"name": Unknown("variable name has no value"), "value": "on"}])
    assert isinstance(named.attributes["database_flags"], Unknown)
    assert "variable name" in named.attributes["database_flags"].reason


def test_gke_cluster_logging_auth_and_shielded_nodes() -> None:
    cluster = adapt_one("google_container_cluster.c", {
        "logging_service": "none", "logging_config": [{"enable_components": []}],
        "enable_shielded_nodes": False, "enable_intranode_visibility": True,
        "authenticator_groups_config": [{"security_group": "gke-security-groups@a.example"}],
        "master_auth": [{"username": "admin", "client_certificate_config": [
            {"issue_client_certificate": True}]}]})
    attributes = cluster.attributes
    assert (attributes["logging_service"], attributes["logging_components"]) == ("none", [])
    assert attributes["issue_client_certificate"] is True
    assert attributes["basic_auth_username"] == "admin"
    assert attributes["shielded_nodes"] is False
    assert attributes["intranode_visibility"] is True
    assert attributes["rbac_security_group"] == "gke-security-groups@a.example"
    bare = adapt_one("google_container_cluster.c", {})
    assert {("logging_service",), ("issue_client_certificate",), ("shielded_nodes",),
            ("intranode_visibility",)} <= bare.defaulted
    assert "logging_components" not in bare.attributes
    assert "basic_auth_username" not in bare.attributes
    assert "rbac_security_group" not in bare.attributes


def _metadata(resources: list[Resource]) -> dict[str, Any]:
    return {r.address: r.attributes.get("workload_metadata_mode") for r in resources}


def test_default_pool_metadata_follows_workload_identity() -> None:
    result = adapt_terraform([
        native("google_container_cluster.plain", {"name": "plain"}),
        native("google_container_cluster.wi", {
            "name": "wi", "workload_identity_config": [{"workload_pool": "p.svc.id.goog"}]}),
        native("google_container_cluster.legacy", {
            "name": "legacy", "node_config": [{"workload_metadata_config": [
                {"node_metadata": "GKE_METADATA_SERVER"}]}]},
            locations={"node_config.0.workload_metadata_config.0.node_metadata": 7}),
        native("google_container_cluster.autopilot", {"enable_autopilot": True}),
        native("google_container_cluster.pools", {"node_pool": [{"name": "a"}]}),
    ])
    modes = _metadata(result.resources)
    assert modes["google_container_cluster.plain"] == "GCE_METADATA"
    assert modes["google_container_cluster.wi"] == "GKE_METADATA"
    assert modes["google_container_cluster.legacy"] == "GKE_METADATA"
    assert modes["google_container_cluster.autopilot"] is None  # no default pool
    assert isinstance(modes["google_container_cluster.pools"], Unknown)
    legacy = result.resources[2]
    assert legacy.location("workload_metadata_mode") == lines(7)
    assert ("workload_metadata_mode",) in result.resources[0].defaulted


def test_node_pools_write_or_inherit_the_metadata_mode() -> None:
    wi_ref = Unknown("known after apply", "google_container_cluster.wi")
    result = adapt_terraform([
        native("google_container_cluster.wi", {
            "name": "wi", "remove_default_node_pool": True,
            "workload_identity_config": [{"workload_pool": "p.svc.id.goog"}]}),
        native("google_container_cluster.plain", {"name": "plain"}),
        native("google_container_node_pool.inherits", {"cluster": wi_ref}),
        native("google_container_node_pool.by_name", {"cluster": "plain"}),
        native("google_container_node_pool.exposed", {
            "cluster": wi_ref, "node_config": [{"workload_metadata_config": [
                {"mode": "GCE_METADATA"}]}]}),
        native("google_container_node_pool.concealed", {
            "cluster": "plain", "node_config": [{"workload_metadata_config": [
                {"node_metadata": "SECURE"}]}]}),
        native("google_container_node_pool.unspecified", {
            "cluster": wi_ref, "node_config": [{"workload_metadata_config": [
                {"mode": "MODE_UNSPECIFIED"}]}]}),
        native("google_container_node_pool.elsewhere", {"cluster": "shared"}),
        native("google_container_node_pool.odd", {
            "cluster": wi_ref, "node_config": [{"workload_metadata_config": [
                {"mode": "SOMETHING"}]}]}),
    ])
    modes = _metadata(result.resources)
    assert modes["google_container_cluster.wi"] is None
    assert modes["google_container_node_pool.inherits"] == "GKE_METADATA"
    assert modes["google_container_node_pool.by_name"] == "GCE_METADATA"
    assert modes["google_container_node_pool.exposed"] == "GCE_METADATA"
    assert modes["google_container_node_pool.concealed"] == "SECURE"
    assert modes["google_container_node_pool.unspecified"] == "GKE_METADATA"
    elsewhere = modes["google_container_node_pool.elsewhere"]
    assert isinstance(elsewhere, Unknown) and "not in this configuration" in elsewhere.reason
    odd = modes["google_container_node_pool.odd"]
    assert isinstance(odd, Unknown) and "SOMETHING" in odd.reason


def test_node_pool_on_a_cluster_whose_workload_identity_is_unknown() -> None:
    result = adapt_terraform([
        native("google_container_cluster.c", {
            "name": "c", "workload_identity_config": [
                {"workload_pool": Unknown("variable pool has no value")}]}),
        native("google_container_node_pool.p", {
            "cluster": Unknown("known after apply", "google_container_cluster.c")}),
    ])
    cluster, pool = result.resources
    for resource in (cluster, pool):
        mode = resource.attributes["workload_metadata_mode"]
        assert isinstance(mode, Unknown) and "variable pool" in mode.reason
