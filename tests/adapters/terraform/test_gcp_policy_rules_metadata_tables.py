"""Google Cloud: firewall policy rules, project-wide metadata, BigQuery tables."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Undeclared, Unknown
from tests.adapters.terraform.natives import lines, native


def adapt_one(address: str, attributes: dict[str, Any], **kwargs: Any) -> Resource:
    [resource] = adapt_terraform([native(address, attributes, **kwargs)]).resources
    return resource


def _match(src: Any, layer4: str = "layer4_configs", **extra: Any) -> list[dict[str, Any]]:
    return [{"src_ip_ranges": src, layer4: [{"ip_protocol": "tcp", "ports": ["22"]},
                                            {"ip_protocol": "all"}], **extra}]


def test_a_policy_rule_resource() -> None:
    rule = adapt_one("google_compute_firewall_policy_rule.r", {
        "firewall_policy": "locations/global/firewallPolicies/1", "priority": 10,
        "action": "allow", "match": _match(["0.0.0.0/0"], src_address_groups=["g"])},
        line=3, locations={"match.0.layer4_configs.0": 9, "match.0.src_ip_ranges": 7})
    assert rule.kind == "gcp.compute.firewall_policy_rule"
    assert rule.attributes == {
        "policy": "locations/global/firewallPolicies/1", "priority": 10, "action": "allow",
        "direction": "INGRESS", "disabled": False, "source_ranges": ["0.0.0.0/0"],
        "source_address_groups": ["g"],
        "layer4_configs": [{"protocol": "tcp", "ports": ["22"]},
                           {"protocol": "all", "ports": []}]}
    assert rule.defaulted == {("direction",), ("disabled",)}
    assert rule.location("layer4_configs.0") == lines(9)
    assert rule.location("source_ranges") == lines(7)


def test_a_policy_with_rules_gives_one_resource_per_rule_block() -> None:
    result = adapt_terraform([native("google_compute_network_firewall_policy_with_rules.p", {
        "name": "edge",
        "rule": [
            {"priority": 100, "action": "allow", "match": _match(["0.0.0.0/0"],
                                                                "layer4_config")},
            {"priority": 200, "action": "deny", "direction": "EGRESS",
             "match": _match(None, "layer4_config")},
            {"priority": 200, "action": "deny", "match": _match(None, "layer4_config")},
        ]}, line=1, end=40, locations={"name": 2, "rule.0": (3, 12),
                                       "rule.0.match.0.layer4_config.0": 8})])
    first, second, third = result.resources
    assert [r.address for r in result.resources] == [
        "google_compute_network_firewall_policy_with_rules.p#100",
        "google_compute_network_firewall_policy_with_rules.p#200",
        "google_compute_network_firewall_policy_with_rules.p#2"]
    assert first.attributes["policy"] == "edge"
    assert first.attributes["direction"] == "INGRESS"
    assert first.attributes["layer4_configs"][0] == {"protocol": "tcp", "ports": ["22"]}
    assert first.range == lines(3, 12)
    assert first.location("layer4_configs.0") == lines(8)
    assert first.location("policy") == lines(2)
    assert second.attributes["direction"] == "EGRESS"
    assert "source_ranges" not in second.attributes
    assert third.id.endswith("#2")


def test_rule_blocks_not_known_statically() -> None:
    whole = Unknown("var.rules is not known")
    [rule] = adapt_terraform([native(
        "google_compute_network_firewall_policy_with_rules.p",
        {"name": "edge", "rule": whole})]).resources
    assert rule.address == "google_compute_network_firewall_policy_with_rules.p"
    for name in ("action", "direction", "disabled", "source_ranges", "layer4_configs"):
        assert isinstance(rule.attributes[name], Unknown), name
        assert ("direction",) not in rule.defaulted
    [one] = adapt_terraform([native(
        "google_compute_firewall_policy_with_rules.p",
        {"short_name": "x", "rule": [whole]})]).resources
    assert one.address.endswith("#0")
    assert isinstance(one.attributes["action"], Unknown)
    assert one.attributes["policy"] == "x"


def test_project_metadata_and_items() -> None:
    result = adapt_terraform([
        native("google_compute_project_metadata.all", {
            "project": "p", "metadata": {"serial-port-enable": "Yes"}},
            locations={"metadata.serial-port-enable": 4}),
        native("google_compute_project_metadata.none", {"metadata": {"a": "b"}}),
        native("google_compute_project_metadata.unknown", {
            "metadata": Unknown("var.m is not known")}),
        native("google_compute_project_metadata_item.serial", {
            "key": "serial-port-enable", "value": "false"}),
        native("google_compute_project_metadata_item.other", {
            "key": "enable-oslogin", "value": "TRUE"}),
        native("google_compute_project_metadata_item.which", {
            "key": Unknown("var.k is not known"), "value": "TRUE"}),
    ])
    by_name = {r.address.split(".")[-1]: r for r in result.resources}
    assert {r.kind for r in result.resources} == {"gcp.compute.project_metadata"}
    assert by_name["all"].attributes == {"project": "p", "serial_port_enabled": True,
                                         "os_login_enabled": False}
    assert by_name["all"].location("serial_port_enabled") == lines(4)
    assert by_name["all"].defaulted == {("os_login_enabled",)}
    assert by_name["none"].attributes == {"serial_port_enabled": False,
                                          "os_login_enabled": False}
    assert by_name["none"].defaulted == {("serial_port_enabled",), ("os_login_enabled",)}
    assert isinstance(by_name["unknown"].attributes["serial_port_enabled"], Unknown)
    assert isinstance(by_name["unknown"].attributes["os_login_enabled"], Unknown)
    assert by_name["serial"].attributes == {"serial_port_enabled": False}
    # an item sets only its own key: the OS Login one, read as Compute Engine reads it
    assert by_name["other"].attributes == {"os_login_enabled": True}
    for name in ("serial_port_enabled", "os_login_enabled"):
        assert by_name["which"].attributes[name] == Unknown("key: var.k is not known")


def test_tables_take_their_datasets_default_key() -> None:
    result = adapt_terraform([
        native("google_bigquery_dataset.cmek", {
            "dataset_id": "cmek",
            "default_encryption_configuration": [{"kms_key_name": "k1"}]}),
        native("google_bigquery_dataset.plain", {"dataset_id": "plain"}),
        native("google_bigquery_table.own", {
            "dataset_id": "plain", "table_id": "own",
            "encryption_configuration": [{"kms_key_name": "k2"}]}),
        native("google_bigquery_table.by_ref", {
            "dataset_id": Unknown("known after apply", "google_bigquery_dataset.cmek"),
            "table_id": "by_ref"}, locations={"dataset_id": 5}),
        native("google_bigquery_table.by_id", {"dataset_id": "cmek", "table_id": "by_id"}),
        native("google_bigquery_table.no_key", {"dataset_id": "plain", "table_id": "t"}),
        native("google_bigquery_table.outside", {"dataset_id": "shared", "table_id": "t"}),
        native("google_bigquery_table.view", {
            "dataset_id": "plain", "table_id": "v", "view": [{"query": "SELECT 1"}]}),
    ])
    by_name = {r.address.split(".")[-1]: r for r in result.resources}
    assert by_name["own"].attributes == {"name": "own", "dataset": "plain", "kms_key": "k2",
                                         "view": False, "deletion_protection": True,
                                         "tags": {}}
    assert by_name["by_ref"].attributes["kms_key"] == "k1"
    assert ("kms_key",) in by_name["by_ref"].defaulted
    assert by_name["by_ref"].location("kms_key") == lines(5)
    assert by_name["by_id"].attributes["kms_key"] == "k1"
    assert "kms_key" not in by_name["no_key"].attributes
    assert isinstance(by_name["outside"].attributes["kms_key"], Undeclared)
    assert by_name["view"].attributes["view"] is True
