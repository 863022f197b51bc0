"""Resource-level Google IAM folded into the resource it is on: Cloud Run services,
Cloud Functions, Pub/Sub topics and subscriptions, Artifact Registry repositories,
BigQuery tables, Dataproc clusters.

Each parent kind has `iam_bindings`, one `{role, members}` entry per
`google_<service>_iam_binding` (`role`, `members`) or `google_<service>_iam_member`
(`role`, `member` as a one-element list) that names the parent (a reference to it, or its
literal name), in source order, and one per binding of the `policy_data` of an
authoritative `google_<service>_iam_policy` (a `data.google_iam_policy`, or written as
text); a `policy_data` not known statically is one Unknown entry. A parent declared
outside the scanned code is an external stand-in whose `iam_bindings` start with an
Unknown element for the bindings declared elsewhere.

Parents: `google_cloud_run_service` (labels in `metadata.labels`) and
`google_cloud_run_v2_service` (`name`, `location`); `google_cloudfunctions_function`
(`region`; `https_endpoint` is `trigger_http`, false when not written: an event-triggered
function) and `google_cloudfunctions2_function` (`location`; `https_endpoint` always true,
as the provider has no such argument), both with `ingress_settings` (a 2nd gen function's
in `service_config`; `ALLOW_ALL` when not written); `google_pubsub_topic`;
`google_pubsub_subscription`; `google_artifact_registry_repository` (`name` is
`repository_id`: IAM resources name it by its id or by a reference); the `kms_key` of a
topic and of a repository is `kms_key_name` (absent: Google-managed keys);
`google_kms_crypto_key` and `google_kms_key_ring` (mapped in `gcp_kms`; their IAM
resources name them by a reference or a literal id, `crypto_key_id`/`key_ring_id`);
`google_bigquery_table` (mapped in `gcp_bigquery`; its IAM resources name it by `table_id`,
a reference or its literal id); `google_dataproc_cluster` (`name`, `region`, `kms_key`
from `cluster_config.encryption_config.kms_key_name`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govern.adapters.building import carry_locations, field
from govern.adapters.external import named
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import Folder, RootContext
from govern.adapters.terraform.gcp_iam_policy import iam_members, policy_bindings
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

RUN = "gcp.run.service"
FUNCTION = "gcp.cloudfunctions.function"
TOPIC = "gcp.pubsub.topic"
SUBSCRIPTION = "gcp.pubsub.subscription"
REPOSITORY = "gcp.artifactregistry.repository"
DATAPROC = "gcp.dataproc.cluster"


def _has_url(resource: Resource, native: NativeResource) -> None:
    """A 2nd gen function always has an HTTPS URL (its Cloud Run service's)."""
    resource.set(("https_endpoint",), True)


MAPPINGS = {
    "google_cloud_run_service": KindMapping(RUN, (field("name"), field("location"))),
    "google_cloud_run_v2_service": KindMapping(RUN, (field("name"), field("location"))),
    "google_cloudfunctions_function": KindMapping(FUNCTION, (
        field("name"), field("location", "region"),
        field("ingress_settings", default="ALLOW_ALL"),
        field("https_endpoint", "trigger_http", default=False))),
    "google_cloudfunctions2_function": KindMapping(FUNCTION, (
        field("name"), field("location"),
        field("ingress_settings", "service_config.0.ingress_settings", default="ALLOW_ALL"),
    ), _has_url),
    "google_pubsub_topic": KindMapping(TOPIC, (
        field("name"), field("kms_key", "kms_key_name"))),
    "google_pubsub_subscription": KindMapping(SUBSCRIPTION, (
        field("name"), field("topic"))),
    "google_artifact_registry_repository": KindMapping(REPOSITORY, (
        field("name", "repository_id"), field("location"), field("format"),
        field("kms_key", "kms_key_name"))),
    "google_dataproc_cluster": KindMapping(DATAPROC, (
        field("name"), field("region"),
        field("kms_key", "cluster_config.0.encryption_config.0.kms_key_name"))),
}


@dataclass(frozen=True)
class Parent:
    """Where a family of IAM resources is folded: the parent's kind, the native type a
    stand-in gets, the IAM resources' attribute that names the parent, and what it is."""
    kind: str
    native_type: str
    attribute: str
    what: str


def folder(parent: Parent) -> Folder:
    """Folds an IAM binding, member or policy resource into the `parent` it names."""

    def fold(native: NativeResource, ctx: RootContext) -> None:
        target = ctx.fold_target(native, parent.attribute, [parent.kind], parent.what,
                                 external=(parent.kind, parent.native_type,
                                           named(("iam_bindings", "IAM bindings"))))
        if target is None:
            return
        ctx.absorb(native, target)
        bindings = target.attributes.get("iam_bindings")
        if not isinstance(bindings, list):
            bindings = []
            target.attributes["iam_bindings"] = bindings
        if native.native_type.endswith("_iam_policy"):
            for binding in policy_bindings(value_at(native, "policy_data")):
                bindings.append(binding if isinstance(binding, Unknown) else {
                    key: binding[key] for key in ("role", "members") if key in binding})
                target.locations[("iam_bindings", len(bindings) - 1)] = native.range
            return
        members, attribute = iam_members(native)
        entry: dict[str, Any] = {}
        role = value_at(native, "role")
        if role is not MISSING:
            entry["role"] = role
        entry["members"] = members
        bindings.append(entry)
        index = len(bindings) - 1
        target.locations[("iam_bindings", index)] = native.range
        carry_locations(target, native, "role", ("iam_bindings", index, "role"),
                        folded=True)
        carry_locations(target, native, attribute, ("iam_bindings", index, "members"),
                        folded=True)

    return fold


_PARENTS = {
    "google_cloud_run_service": Parent(RUN, "google_cloud_run_service", "service",
                                       "Cloud Run service"),
    "google_cloud_run_v2_service": Parent(RUN, "google_cloud_run_v2_service", "name",
                                          "Cloud Run service"),
    "google_cloudfunctions_function": Parent(
        FUNCTION, "google_cloudfunctions_function", "cloud_function", "Cloud Function"),
    "google_cloudfunctions2_function": Parent(
        FUNCTION, "google_cloudfunctions2_function", "cloud_function", "Cloud Function"),
    "google_pubsub_topic": Parent(TOPIC, "google_pubsub_topic", "topic", "Pub/Sub topic"),
    "google_pubsub_subscription": Parent(SUBSCRIPTION, "google_pubsub_subscription",
                                         "subscription", "Pub/Sub subscription"),
    "google_artifact_registry_repository": Parent(
        REPOSITORY, "google_artifact_registry_repository", "repository",
        "Artifact Registry repository"),
    "google_kms_crypto_key": Parent(
        "gcp.kms.crypto_key", "google_kms_crypto_key", "crypto_key_id",
        "Cloud KMS crypto key"),
    "google_kms_key_ring": Parent(
        "gcp.kms.key_ring", "google_kms_key_ring", "key_ring_id", "Cloud KMS key ring"),
    "google_bigquery_table": Parent(
        "gcp.bigquery.table", "google_bigquery_table", "table_id", "BigQuery table"),
    "google_dataproc_cluster": Parent(DATAPROC, "google_dataproc_cluster", "cluster",
                                      "Dataproc cluster"),
}

FOLDERS: dict[str, Folder] = {
    f"{parent_type}_iam_{suffix}": folder(parent)
    for parent_type, parent in _PARENTS.items()
    for suffix in ("binding", "member", "policy")
}
