"""GCP resources read for the CIS GCP batch: the roles a grant's members hold through
other grants on the same scope, log sinks and the lock of their bucket, service account
keys, DNS server policies, Shielded VM settings and Cloud KMS IAM."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import PartialString, Unknown
from govern.parsers.native import NativeResource
from tests.adapters.terraform.natives import native


def adapt(*natives: NativeResource) -> dict[str, Resource]:
    return {r.address: r for r in adapt_terraform(list(natives)).resources}


def member(address: str, project: Any, role: str, who: Any) -> NativeResource:
    attributes = {"role": role, "member": who}
    if project is not None:
        attributes["project"] = project
    return native(address, attributes)


ADMIN, USER = "roles/iam.serviceAccountAdmin", "roles/iam.serviceAccountUser"


def roles_of(grant: Resource) -> list[Any]:
    [entry] = grant.attributes["member_roles"]
    return list(entry["roles"])


def test_a_member_holds_the_roles_of_other_grants_on_the_same_project() -> None:
    found = adapt(
        member("google_project_iam_member.a", "acme", ADMIN, "user:a@x.example"),
        member("google_project_iam_member.b", "projects/acme", USER, "user:a@x.example"),
        member("google_project_iam_member.c", "other", "roles/viewer", "user:a@x.example"),
        member("google_project_iam_member.d", "acme", "roles/owner", "user:d@x.example"))
    roles = roles_of(found["google_project_iam_member.a"])
    # the project's policy is not all here: roles granted elsewhere are Unknown
    assert roles[:-1] == [USER] and isinstance(roles[-1], Unknown)
    assert found["google_project_iam_member.a"].attributes["member_roles"][0]["member"] == (
        "user:a@x.example")


def test_an_authoritative_policy_makes_the_roles_of_its_scope_known() -> None:
    policy = native("google_project_iam_policy.p", {"project": "acme", "policy_data": (
        '{"bindings":[{"role":"roles/iam.serviceAccountAdmin","members":["user:a@x.example"]},'
        '{"role":"roles/viewer","members":["user:a@x.example"]}]}')})
    found = adapt(policy, member("google_project_iam_member.b", "acme", USER,
                                 "user:b@x.example"))
    assert roles_of(found[f"google_project_iam_policy.p#{ADMIN}"]) == ["roles/viewer"]
    assert roles_of(found["google_project_iam_member.b"]) == []


def test_scopes_that_cannot_be_compared_and_unknown_members_give_unknown_roles() -> None:
    found = adapt(
        member("google_project_iam_member.a", "acme", ADMIN, "user:a@x.example"),
        member("google_project_iam_member.v", Unknown("no value", "var.project"), USER,
               "user:a@x.example"),
        native("google_project_iam_binding.u", {
            "project": "acme", "role": USER, "members": Unknown("no value", "var.m")}))
    [unknown_member] = found["google_project_iam_binding.u"].attributes["member_roles"]
    assert isinstance(unknown_member, Unknown)
    roles = roles_of(found["google_project_iam_member.a"])
    assert len(roles) == 1 and isinstance(roles[0], Unknown)


def test_a_policy_not_known_statically_has_unknown_member_roles() -> None:
    found = adapt(native("google_project_iam_policy.p", {
        "project": "acme", "policy_data": Unknown("no value", "var.policy")}))
    assert isinstance(found["google_project_iam_policy.p"].attributes["member_roles"],
                      Unknown)


def test_the_same_reference_is_the_same_project() -> None:
    ref = "google_project.p"
    found = adapt(
        member("google_project_iam_member.a", Unknown("after apply", ref), ADMIN, "group:g"),
        member("google_project_iam_member.b", Unknown("after apply", ref), USER, "group:g"),
        member("google_folder_iam_member.f", None, USER, "group:g"))
    assert roles_of(found["google_project_iam_member.a"])[0] == USER


def test_a_sink_takes_the_lock_of_the_bucket_it_names() -> None:
    found = adapt(
        native("google_storage_bucket.locked", {"name": "logs-locked", "retention_policy": [
            {"retention_period": 86400, "is_locked": True}]}),
        native("google_storage_bucket.open", {"name": "logs-open"}),
        native("google_logging_project_sink.by_name", {
            "name": "a", "destination": "storage.googleapis.com/logs-locked"}),
        native("google_logging_folder_sink.by_ref", {
            "name": "b", "folder": "folders/1", "destination": PartialString(
                ("storage.googleapis.com/", Unknown("after apply",
                                                    "google_storage_bucket.open")))}),
        native("google_logging_project_sink.elsewhere", {
            "name": "c", "destination": "storage.googleapis.com/central"}),
        native("google_logging_organization_sink.bq", {
            "name": "d", "org_id": "1", "destination": "bigquery.googleapis.com/projects/p"}))
    by_name = found["google_logging_project_sink.by_name"].attributes
    assert by_name["scope_level"] == "project" and by_name["disabled"] is False
    assert by_name["destination_type"] == "storage"
    assert by_name["destination_retention_locked"] is True
    by_ref = found["google_logging_folder_sink.by_ref"].attributes
    assert by_ref["scope_level"] == "folder" and by_ref["scope"] == "folders/1"
    assert by_ref["destination_retention_locked"] is False
    assert isinstance(found["google_logging_project_sink.elsewhere"].attributes[
        "destination_retention_locked"], Unknown)
    bq = found["google_logging_organization_sink.bq"].attributes
    assert bq["destination_type"] == "bigquery"
    assert "destination_retention_locked" not in bq


def test_a_sink_destination_not_known_has_an_unknown_type() -> None:
    found = adapt(native("google_logging_project_sink.v", {
        "name": "v", "destination": Unknown("no value", "var.destination")}))
    assert isinstance(found["google_logging_project_sink.v"].attributes["destination_type"],
                      Unknown)


def test_service_account_keys_are_user_managed_generated_or_uploaded() -> None:
    found = adapt(
        native("google_service_account_key.g", {"service_account_id": "sa"}),
        native("google_service_account_key.u", {
            "service_account_id": "sa", "public_key_data": Unknown("no value", "var.k")}))
    generated = found["google_service_account_key.g"]
    assert generated.kind == "gcp.iam.service_account_key"
    assert generated.attributes == {"service_account": "sa", "user_managed": True,
                                    "origin": "google"}
    assert found["google_service_account_key.u"].attributes["origin"] == "uploaded"


def test_a_dns_policy_lists_its_networks_and_logs_nothing_by_default() -> None:
    found = adapt(
        native("google_dns_policy.bare", {"name": "bare"}),
        native("google_dns_policy.bound", {"name": "bound", "enable_logging": True,
                                           "networks": [{"network_url": "n1"},
                                                        {"network_url": "n2"}]}),
        native("google_dns_policy.dynamic", {"name": "d", "networks": Unknown("no value")}))
    bare = found["google_dns_policy.bare"]
    assert bare.attributes == {"name": "bare", "logging_enabled": False, "networks": []}
    assert bare.defaulted == {("logging_enabled",), ("networks",)}
    assert found["google_dns_policy.bound"].attributes["networks"] == ["n1", "n2"]
    assert isinstance(found["google_dns_policy.dynamic"].attributes["networks"], Unknown)


def test_shielded_vm_defaults_are_compute_engines() -> None:
    found = adapt(
        native("google_compute_instance.bare", {"name": "bare"}),
        native("google_compute_instance_template.set", {"shielded_instance_config": [
            {"enable_secure_boot": True, "enable_vtpm": False,
             "enable_integrity_monitoring": False}]}))
    bare = found["google_compute_instance.bare"]
    assert (bare.attributes["secure_boot"], bare.attributes["vtpm"],
            bare.attributes["integrity_monitoring"]) == (False, True, True)
    assert {("secure_boot",), ("vtpm",), ("integrity_monitoring",)} <= bare.defaulted
    template = found["google_compute_instance_template.set"].attributes
    assert (template["secure_boot"], template["vtpm"],
            template["integrity_monitoring"]) == (True, False, False)


def test_kms_key_and_key_ring_iam_is_folded_into_what_it_designates() -> None:
    found = adapt(
        native("google_kms_key_ring.r", {"name": "r", "location": "global"}),
        native("google_kms_crypto_key.k", {"name": "k"}),
        native("google_kms_crypto_key_iam_member.m", {
            "crypto_key_id": Unknown("after apply", "google_kms_crypto_key.k"),
            "role": "roles/cloudkms.cryptoKeyDecrypter", "member": "allUsers"}),
        native("google_kms_key_ring_iam_binding.b", {
            "key_ring_id": Unknown("after apply", "google_kms_key_ring.r"),
            "role": "roles/cloudkms.viewer", "members": ["group:g"]}))
    assert found["google_kms_crypto_key.k"].attributes["iam_bindings"] == [
        {"role": "roles/cloudkms.cryptoKeyDecrypter", "members": ["allUsers"]}]
    ring = found["google_kms_key_ring.r"]
    assert ring.kind == "gcp.kms.key_ring"
    assert ring.attributes["iam_bindings"] == [{"role": "roles/cloudkms.viewer",
                                                "members": ["group:g"]}]
