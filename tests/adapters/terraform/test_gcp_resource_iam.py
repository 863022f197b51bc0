"""Resource-level Google IAM folded into its parent: Cloud Run services, Cloud Functions,
Pub/Sub topics and subscriptions, Artifact Registry repositories
(govern/adapters/terraform/gcp_resource_iam.py)."""

from __future__ import annotations

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.adapters.terraform.gcp_resource_iam import FOLDERS
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native

PARENTS = [  # parent type, its attributes, kind, the IAM resources' naming attribute
    ("google_cloud_run_service", {"name": "web", "location": "europe-west1"},
     "gcp.run.service", "service"),
    ("google_cloud_run_v2_service", {"name": "web", "location": "europe-west1"},
     "gcp.run.service", "name"),
    ("google_cloudfunctions_function", {"name": "web", "region": "europe-west1"},
     "gcp.cloudfunctions.function", "cloud_function"),
    ("google_cloudfunctions2_function", {"name": "web", "location": "europe-west1"},
     "gcp.cloudfunctions.function", "cloud_function"),
    ("google_pubsub_topic", {"name": "web"}, "gcp.pubsub.topic", "topic"),
    ("google_pubsub_subscription", {"name": "web", "topic": "t"},
     "gcp.pubsub.subscription", "subscription"),
    ("google_artifact_registry_repository",
     {"repository_id": "web", "location": "europe-west1", "format": "DOCKER"},
     "gcp.artifactregistry.repository", "repository"),
]


# Parents whose IAM folding is tested elsewhere: by tests/adapters/terraform/
# test_gcp_duties_sinks_keys.py and the fixtures of GOV-GCP-079 (KMS), GOV-GCP-092
# (BigQuery tables) and GOV-GCP-095 (Dataproc clusters), run by `govern rules test`.
FOLDED_ELSEWHERE = ("google_kms_crypto_key", "google_kms_key_ring", "google_bigquery_table",
                    "google_dataproc_cluster")


def test_every_parent_has_binding_member_and_policy_folders() -> None:
    parents = [parent for parent, *_ in PARENTS] + list(FOLDED_ELSEWHERE)
    assert sorted(FOLDERS) == sorted(f"{parent}_iam_{suffix}" for parent in parents
                                     for suffix in ("binding", "member", "policy"))


@pytest.mark.parametrize(("parent", "attributes", "kind", "names"), PARENTS,
                         ids=[p[0] for p in PARENTS])
def test_iam_resources_folded_in_source_order(parent: str, attributes: dict[str, str],
                                              kind: str, names: str) -> None:
    policy = '{"bindings":[{"members":["allAuthenticatedUsers"],"role":"roles/a"}]}'
    result = adapt_terraform([
        native(f"{parent}.p", attributes),
        native(f"{parent}_iam_member.m", {
            names: Unknown("known after apply", f"{parent}.p"), "role": "roles/x",
            "member": "allUsers"}, line=20, locations={"member": 23}),
        native(f"{parent}_iam_binding.b", {names: "web", "role": "roles/y",
                                           "members": ["group:a@b.c"]}, line=30),
        native(f"{parent}_iam_policy.pol", {names: "web", "policy_data": policy}, line=40),
    ])
    [resource] = result.resources
    assert resource.kind == kind
    assert resource.attributes["name"] == "web"
    assert resource.attributes["iam_bindings"] == [
        {"role": "roles/x", "members": ["allUsers"]},
        {"role": "roles/y", "members": ["group:a@b.c"]},
        {"role": "roles/a", "members": ["allAuthenticatedUsers"]}]
    assert resource.location("iam_bindings.0.members") == lines(23)
    assert resource.location("iam_bindings.2").start_line == 40
    assert resource.native == [f"{parent}.p", f"{parent}_iam_member.m",
                               f"{parent}_iam_binding.b", f"{parent}_iam_policy.pol"]


def test_parent_declared_elsewhere_is_a_stand_in_with_unknown_other_bindings() -> None:
    result = adapt_terraform([
        native("google_pubsub_topic_iam_member.m", {
            "topic": "orders", "role": "roles/pubsub.publisher", "member": "allUsers"}),
        native("google_pubsub_topic_iam_policy.p", {
            "topic": "orders",
            "policy_data": Unknown("read at plan time", "data.google_iam_policy.x")}),
    ])
    [topic] = result.resources
    assert topic.external and topic.kind == "gcp.pubsub.topic"
    first, member, policy = topic.attributes["iam_bindings"]
    assert isinstance(first, Unknown) and isinstance(policy, Unknown)
    assert member == {"role": "roles/pubsub.publisher", "members": ["allUsers"]}
    assert [n.code for n in result.notices] == ["external-parent", "external-parent"]


def test_members_not_known_statically_stay_unknown() -> None:
    members = Unknown("no value", "var.members")
    [service] = adapt_terraform([
        native("google_cloud_run_v2_service.s", {"name": "s", "location": "l"}),
        native("google_cloud_run_v2_service_iam_binding.b", {
            "name": "s", "role": "roles/run.invoker", "members": members}),
    ]).resources
    assert service.attributes["iam_bindings"] == [
        {"role": "roles/run.invoker", "members": members}]


def test_v1_cloud_run_labels_are_in_metadata_with_default_labels() -> None:
    [service] = adapt_terraform([native(
        "google_cloud_run_service.s",
        {"name": "s", "location": "l", "metadata": [{"labels": {"owner": "web"}}],
         "labels": {"ignored": "x"}},
        provider={"default_labels": {"cost-center": "cc"}})]).resources
    assert service.attributes["tags"] == {"cost-center": "cc", "owner": "web"}


def test_second_gen_function_service_is_an_implicit_cloud_run_parent() -> None:
    result = adapt_terraform([
        native("google_cloudfunctions2_function.f", {"name": "f", "location": "l"}),
        native("google_cloud_run_v2_service_iam_member.m", {
            "name": Unknown("known after apply", "google_cloudfunctions2_function.f"),
            "role": "roles/run.invoker", "member": "allUsers"}),
    ])
    function, service = result.resources
    assert function.kind == "gcp.cloudfunctions.function"
    assert "iam_bindings" not in function.attributes
    assert service.external and service.kind == "gcp.run.service"
    assert service.address == "google_cloudfunctions2_function.f.service_config[0].service"
