"""Google Cloud DNS zones, VPC subnetworks, SSL policies and target proxies: what each
reads, and the defaults Google Cloud applies when an argument is not written."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native


def adapt_one(address: str, attributes: dict[str, Any], **kwargs: Any) -> Resource:
    [resource] = adapt_terraform([native(address, attributes, **kwargs)]).resources
    return resource


def test_a_zone_without_dnssec_config_is_public_and_unsigned() -> None:
    zone = adapt_one("google_dns_managed_zone.z", {"name": "z", "dns_name": "z.example."})
    assert zone.kind == "gcp.dns.managed_zone"
    assert zone.attributes == {"name": "z", "dns_name": "z.example.", "visibility": "public",
                               "dnssec_state": "off", "tags": {}}
    assert zone.defaulted == {("visibility",), ("dnssec_state",)}


def test_a_zone_reads_its_state_and_key_specs_with_their_lines() -> None:
    zone = adapt_one("google_dns_managed_zone.z", {
        "name": "z", "visibility": "private",
        "dnssec_config": [{"state": "on", "default_key_specs": [
            {"algorithm": "rsasha1", "key_type": "keySigning", "key_length": 2048},
            {"algorithm": "rsasha256", "key_type": "zoneSigning"}]}]},
        locations={"dnssec_config.0.default_key_specs.0.algorithm": 9})
    assert zone.attributes["visibility"] == "private"
    assert zone.attributes["dnssec_state"] == "on"
    assert zone.attributes["dnssec_key_specs"] == [
        {"key_type": "keySigning", "algorithm": "rsasha1"},
        {"key_type": "zoneSigning", "algorithm": "rsasha256"}]
    assert zone.location(("dnssec_key_specs", 0, "algorithm")) == lines(9)
    unknown = adapt_one("google_dns_managed_zone.u", {
        "dnssec_config": [{"state": "on", "default_key_specs": Unknown("var.k")}]})
    assert isinstance(unknown.attributes["dnssec_key_specs"], Unknown)


def test_subnetwork_flow_logs_come_from_log_config_or_the_legacy_flag() -> None:
    bare = adapt_one("google_compute_subnetwork.s", {"name": "s", "network": "n"})
    assert bare.attributes == {"name": "s", "network": "n", "purpose": "PRIVATE",
                               "flow_logs_enabled": False, "private_google_access": False}
    assert bare.defaulted == {("purpose",), ("flow_logs_enabled",),
                              ("private_google_access",)}
    logged = adapt_one("google_compute_subnetwork.l", {
        "log_config": [{"aggregation_interval": "INTERVAL_5_SEC", "filter_expr": "true"}]})
    assert logged.attributes["flow_logs_enabled"] is True
    assert logged.attributes["flow_logs_filter"] == "true"
    legacy = adapt_one("google_compute_subnetwork.g", {"enable_flow_logs": True})
    assert legacy.attributes["flow_logs_enabled"] is True
    dynamic = adapt_one("google_compute_subnetwork.d", {"log_config": Unknown("var.c")})
    assert isinstance(dynamic.attributes["flow_logs_enabled"], Unknown)


def test_ssl_policies_and_proxies_take_google_clouds_defaults() -> None:
    for native_type in ("google_compute_ssl_policy", "google_compute_region_ssl_policy"):
        policy = adapt_one(f"{native_type}.p", {"name": "p"})
        assert policy.kind == "gcp.compute.ssl_policy"
        assert policy.attributes == {"name": "p", "profile": "COMPATIBLE",
                                     "min_tls_version": "TLS_1_0"}
        assert policy.defaulted == {("profile",), ("min_tls_version",)}
    for native_type in ("google_compute_target_https_proxy",
                        "google_compute_region_target_https_proxy",
                        "google_compute_target_ssl_proxy"):
        proxy = adapt_one(f"{native_type}.x", {"name": "x"})
        assert (proxy.kind, proxy.attributes) == ("gcp.compute.target_proxy", {"name": "x"})


def test_a_bucket_reads_its_access_log_bucket() -> None:
    bucket = adapt_one("google_storage_bucket.b", {
        "name": "b", "logging": [{"log_bucket": "logs"}]})
    assert bucket.attributes["access_log_bucket"] == "logs"
    assert "access_log_bucket" not in adapt_one("google_storage_bucket.c", {}).attributes


def test_ip_forwarding_defaults_to_off() -> None:
    instance = adapt_one("google_compute_instance.i", {"name": "i"})
    assert instance.attributes["can_ip_forward"] is False
    assert ("can_ip_forward",) in instance.defaulted
    forwarding = adapt_one("google_compute_instance.f", {"can_ip_forward": True})
    assert forwarding.attributes["can_ip_forward"] is True


def test_confidential_computing_comes_from_its_block() -> None:
    assert adapt_one("google_compute_instance.a", {}).attributes["confidential_compute"] is False
    typed = adapt_one("google_compute_instance.b", {
        "confidential_instance_config": [{"confidential_instance_type": "SEV_SNP"}]})
    assert typed.attributes["confidential_compute"] is True
    off = adapt_one("google_compute_instance.c", {
        "confidential_instance_config": [{"enable_confidential_compute": False}]})
    assert off.attributes["confidential_compute"] is False
    unknown = adapt_one("google_compute_instance.d", {
        "confidential_instance_config": [{"confidential_instance_type": Unknown("var.t")}]})
    assert isinstance(unknown.attributes["confidential_compute"], Unknown)


def test_backend_services_take_the_providers_defaults() -> None:
    glob = adapt_one("google_compute_backend_service.g", {"name": "g"})
    assert glob.attributes == {"name": "g", "protocol": "HTTP",
                               "load_balancing_scheme": "EXTERNAL", "logging_enabled": False}
    regional = adapt_one("google_compute_region_backend_service.r", {
        "log_config": [{"enable": True}]})
    assert regional.attributes == {"protocol": "HTTP", "load_balancing_scheme": "INTERNAL",
                                   "logging_enabled": True}
