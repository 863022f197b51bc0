"""The members of a Google IAM grant (`member_types`, `default_service_account`,
`consumer_account`),
workload identity pool providers, audit log configurations and projects."""

from __future__ import annotations

from typing import Any

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.adapters.terraform.gcp_iam_members import (
    consumer_account,
    default_service_account,
    member_types,
)
from govern.model.resource import Resource
from govern.model.unknown import PartialString, Unknown
from tests.adapters.terraform.natives import lines, native

DEFAULT_DATA = "data.google_compute_default_service_account.default"
APP_ENGINE_DATA = "data.google_app_engine_default_service_account.default"


def partial(*parts: Any) -> PartialString:
    return PartialString(tuple(parts), "known after apply")


def after_apply(ref: str) -> Unknown:
    return Unknown("known after apply", ref)


@pytest.mark.parametrize(("member", "kind", "default"), [
    ("user:a@acme.example", "user", False),
    ("group:sre@acme.example", "group", False),
    ("domain:acme.example", "domain", False),
    ("allUsers", "allUsers", False),
    ("allAuthenticatedUsers", "allAuthenticatedUsers", False),
    ("deleted:user:a@acme.example?uid=1", "deleted", False),
    ("principalSet://iam.googleapis.com/locations/global/workforcePools/p/*",
     "principalSet", False),
    ("serviceAccount:app@acme.iam.gserviceaccount.com", "serviceAccount", False),
    ("serviceAccount:123-compute@developer.gserviceaccount.com", "serviceAccount", True),
    ("serviceAccount:acme-prod@appspot.gserviceaccount.com", "serviceAccount", True),
    # the member of a data source or of a service account of the configuration
    (after_apply(DEFAULT_DATA), "serviceAccount", True),
    (after_apply(APP_ENGINE_DATA), "serviceAccount", True),
    (after_apply("google_service_account.app"), "serviceAccount", False),
    # an email known in part
    (partial("serviceAccount:", after_apply(DEFAULT_DATA)), "serviceAccount", True),
    (partial("serviceAccount:", after_apply("google_service_account.app")),
     "serviceAccount", False),
    (partial("serviceAccount:", after_apply("data.google_project.p"),
             "-compute@developer.gserviceaccount.com"), "serviceAccount", True),
    (partial("serviceAccount:ci@", after_apply("var.project"), ".iam.gserviceaccount.com"),
     "serviceAccount", False),
    (partial("user:", after_apply("var.email")), "user", False),
])
def test_one_member(member: Any, kind: str, default: bool) -> None:
    assert member_types([member]) == [kind]
    assert default_service_account([member]) is default


def test_members_not_known_statically() -> None:
    unknown = Unknown("variable m has no value")
    [kind] = member_types([unknown])
    assert isinstance(kind, Unknown)
    assert isinstance(default_service_account([unknown]), Unknown)
    # a service account named in part, from a variable, may be a default one
    named = partial("serviceAccount:", after_apply("var.account"))
    assert member_types([named]) == ["serviceAccount"]
    assert isinstance(default_service_account([named]), Unknown)
    # a known default member decides, whatever the others
    assert default_service_account([unknown, after_apply(DEFAULT_DATA)]) is True
    whole = Unknown("variable members has no value")
    assert member_types(whole) is whole and default_service_account(whole) is whole


def test_an_unrecognised_member_has_an_unknown_type() -> None:
    [kind] = member_types(["someone@acme.example"])
    assert isinstance(kind, Unknown) and "someone@acme.example" in kind.reason


def _grant(attributes: dict[str, Any]) -> Resource:
    [resource] = adapt_terraform([native(
        "google_project_iam_binding.b", attributes, locations={"members": 4})]).resources
    return resource


def test_grant_member_types_are_located_at_the_members() -> None:
    grant = _grant({"project": "p", "role": "roles/viewer",
                    "members": ["user:a@b.c", "serviceAccount:1-compute@developer."
                                "gserviceaccount.com"]})
    assert grant.attributes["member_types"] == ["user", "serviceAccount"]
    assert grant.attributes["default_service_account"] is True
    assert grant.location("member_types") == lines(4)
    assert grant.location("default_service_account") == lines(4)


def test_workload_identity_pool_provider() -> None:
    [provider] = adapt_terraform([native(
        "google_iam_workload_identity_pool_provider.gh", {
            "workload_identity_pool_id": "ci", "workload_identity_pool_provider_id": "gh",
            "oidc": [{"issuer_uri": "https://token.actions.githubusercontent.com"}]},
        locations={"oidc": 6})]).resources
    assert provider.kind == "gcp.iam.workload_identity_pool_provider"
    assert provider.attributes == {
        "name": "gh", "pool": "ci", "issuer_type": "oidc",
        "issuer_uri": "https://token.actions.githubusercontent.com"}
    assert provider.location("issuer_type") == lines(6)
    [aws] = adapt_terraform([native(
        "google_iam_workload_identity_pool_provider.aws", {
            "workload_identity_pool_provider_id": "aws", "attribute_condition": "true",
            "aws": [{"account_id": "123456789012"}]})]).resources
    assert aws.attributes["issuer_type"] == "aws"
    assert aws.attributes["attribute_condition"] == "true"


def test_google_project() -> None:
    [project] = adapt_terraform([native("google_project.p", {
        "name": "App", "project_id": "acme-app", "labels": {"owner": "platform"}})]).resources
    assert project.kind == "gcp.resourcemanager.project"
    assert project.attributes == {"name": "App", "project_id": "acme-app",
                                  "auto_create_network": True, "tags": {"owner": "platform"}}
    assert ("auto_create_network",) in project.defaulted


def test_audit_configs_of_each_scope() -> None:
    exempted = Unknown("variable exempted has no value")
    result = adapt_terraform([
        native("google_project_iam_audit_config.p", {
            "project": "acme", "service": "allServices", "audit_log_config": [
                {"log_type": "ADMIN_READ"},
                {"log_type": "DATA_READ", "exempted_members": ["user:a@b.c"]}]},
            locations={"audit_log_config": 4, "audit_log_config.1.exempted_members": 8}),
        native("google_folder_iam_audit_config.f", {
            "folder": "folders/1", "service": "storage.googleapis.com",
            "audit_log_config": [{"log_type": "DATA_WRITE", "exempted_members": exempted}]}),
        native("google_organization_iam_audit_config.o", {
            "org_id": "1", "service": "allServices",
            "audit_log_config": Unknown("variable configs has no value")}),
    ])
    project, folder, org = result.resources
    assert project.kind == "gcp.iam.audit_config"
    assert project.attributes == {
        "scope": "acme", "scope_level": "project", "service": "allServices",
        "log_configs": [{"log_type": "ADMIN_READ"},
                        {"log_type": "DATA_READ", "exempted_members": ["user:a@b.c"]}]}
    assert project.location("log_configs.1.exempted_members") == lines(8)
    assert project.location("log_configs") == lines(4)
    assert folder.attributes["scope_level"] == "folder"
    assert folder.attributes["log_configs"] == [
        {"log_type": "DATA_WRITE", "exempted_members": exempted}]
    assert org.attributes["scope_level"] == "organization"
    assert isinstance(org.attributes["log_configs"], Unknown)


@pytest.mark.parametrize(("member", "consumer"), [
    ("user:jane@gmail.com", True),
    ("user:Jane.Doe@GMail.COM", True),
    ("user:jane@googlemail.com", True),
    ("user:jane@acme.example", False),
    ("user:gmail.com@acme.example", False),
    ("group:friends@gmail.com", False),  # only user: members are personal accounts
    ("deleted:user:jane@gmail.com?uid=1", False),
    ("allUsers", False),
    (after_apply("google_service_account.app"), False),
    # the domain known, the name not
    (partial("user:", after_apply("var.name"), "@gmail.com"), True),
    (partial("user:", after_apply("var.name"), "@acme.example"), False),
])
def test_consumer_account(member: Any, consumer: bool) -> None:
    assert consumer_account([member]) is consumer


def test_consumer_account_not_known_statically() -> None:
    assert isinstance(consumer_account([partial("user:", after_apply("var.email"))]),
                      Unknown)
    assert isinstance(consumer_account([Unknown("variable m has no value")]), Unknown)
    # a known personal account decides, whatever the others
    assert consumer_account([Unknown("variable m has no value"), "user:a@gmail.com"]) is True
    whole = Unknown("variable members has no value")
    assert consumer_account(whole) is whole
