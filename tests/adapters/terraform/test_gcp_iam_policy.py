"""Authoritative Google IAM policies (`google_{project,folder,organization}_iam_policy`):
one `gcp.iam.grant` per binding of `policy_data`, each a part of the policy resource at
`<address>#<role>`."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from govern.adapters.terraform import adapt_terraform
from govern.cli import cli
from govern.engine.expectations import Expectation
from govern.model.graph import Edge
from govern.model.unknown import Unknown
from govern.scan import ScanOptions, run_scan
from tests.adapters.terraform.natives import native, rid

OWNER_AND_VIEWER = json.dumps({"bindings": [
    {"role": "roles/owner", "members": ["allUsers", "user:a@b.c"]},
    {"role": "roles/viewer", "members": ["group:g@b.c"],
     "condition": {"title": "expires", "expression": "request.time < timestamp('x')"}},
    {"role": "roles/owner", "members": ["user:c@d.e"]}]})


def test_one_grant_per_binding_at_address_hash_role() -> None:
    result = adapt_terraform([native(
        "google_project_iam_policy.p", {"project": "acme", "policy_data": OWNER_AND_VIEWER},
        line=5, locations={"policy_data": 7})])
    owner, viewer, owner_again = result.resources
    assert [g.address for g in result.resources] == [
        "google_project_iam_policy.p#roles/owner", "google_project_iam_policy.p#roles/viewer",
        "google_project_iam_policy.p#roles/owner#2"]
    assert owner.id == rid("google_project_iam_policy.p#roles/owner")
    assert owner.kind == "gcp.iam.grant"
    assert owner.attributes == {"scope": "acme", "scope_level": "project",
                                "role": "roles/owner", "members": ["allUsers", "user:a@b.c"],
                                "member_types": ["allUsers", "user"],
                                "default_service_account": False, "consumer_account": False,
                                # the other bindings hold neither member
                                "member_roles": [{"member": "allUsers", "roles": []},
                                                 {"member": "user:a@b.c", "roles": []}]}
    assert viewer.attributes["condition"] == "expires"
    assert owner_again.attributes["members"] == ["user:c@d.e"]  # kept: IAM merges them
    assert owner.location("members").start_line == 7  # at policy_data
    assert owner.range is not None and owner.range.start_line == 5
    assert owner.native == ["google_project_iam_policy.p"]


def test_policy_not_known_is_one_unknown_grant_at_the_policy() -> None:
    data = Unknown("data source is read at plan time", "data.google_iam_policy.x")
    result = adapt_terraform([
        native("google_folder_iam_policy.f", {"folder": "folders/1", "policy_data": data}),
        native("google_organization_iam_policy.o", {"org_id": "1"})])
    folder, organization = result.resources
    assert folder.address == "google_folder_iam_policy.f"
    assert folder.attributes["scope_level"] == "folder"
    assert folder.attributes["role"] is data and folder.attributes["members"] is data
    assert organization.address == "google_organization_iam_policy.o"
    assert isinstance(organization.attributes["role"], Unknown)


def test_unreadable_bindings_and_empty_policy() -> None:
    policy = json.dumps({"bindings": ["oops", {"members": ["allUsers"]},
                                      {"role": "roles/browser", "members": "allUsers"}]})
    result = adapt_terraform([
        native("google_project_iam_policy.p", {"policy_data": policy}),
        native("google_project_iam_policy.empty", {"policy_data": '{"bindings": []}'}),
        native("google_project_iam_policy.text", {"policy_data": "not json"})])
    first, second, browser, text = result.resources
    assert [first.address, second.address, browser.address, text.address] == [
        "google_project_iam_policy.p#0", "google_project_iam_policy.p#1",
        "google_project_iam_policy.p#roles/browser", "google_project_iam_policy.text#0"]
    for grant in (first, second, text):
        assert isinstance(grant.attributes["role"], Unknown)
        assert isinstance(grant.attributes["members"], Unknown)
    assert "no role" in second.attributes["role"].reason
    assert browser.attributes["members"] == ["allUsers"]
    assert "scope" not in browser.attributes  # the provider's project


def test_references_from_and_to_a_policy_reach_every_part() -> None:
    result = adapt_terraform([
        native("google_storage_bucket.b", {"name": "acme"},
               references=["google_project_iam_policy.p"]),
        native("google_project_iam_policy.p", {"policy_data": OWNER_AND_VIEWER},
               references=["google_storage_bucket.b"])])
    bucket = rid("google_storage_bucket.b")
    parts = [rid(f"google_project_iam_policy.p#{p}")
             for p in ("roles/owner", "roles/viewer", "roles/owner#2")]
    assert set(result.edges) == {
        *(Edge(bucket, part, "references") for part in parts),
        *(Edge(part, bucket, "references") for part in parts)}


def test_expectation_on_a_resource_covers_its_parts() -> None:
    whole = Expectation("ruleid", "GOV-GCP-017", "google_project_iam_policy.p", "f", 1)
    part = Expectation("ruleid", "GOV-GCP-017", "google_project_iam_policy.p#roles/owner",
                       "f", 1)
    assert whole.matches("google_project_iam_policy.p#roles/owner")
    assert whole.matches('google_project_iam_policy.p["k"]#roles/owner')
    assert not whole.matches("google_project_iam_policy.other#roles/owner")
    assert part.matches("google_project_iam_policy.p#roles/owner")
    assert not part.matches("google_project_iam_policy.p#roles/owner#2")


POLICY_TF = '''data "google_iam_policy" "admin" {
  binding {
    role    = "roles/owner"
    members = ["allUsers"]
  }
  binding {
    role    = "roles/logging.viewer"
    members = ["group:sre@acme.example"]
    condition {
      title      = "until-2027"
      expression = "request.time < timestamp(\\"2027-01-01T00:00:00Z\\")"
    }
  }
}

resource "google_project_iam_policy" "main" {
  project     = "acme-prod"
  policy_data = data.google_iam_policy.admin.policy_data
}
'''


def test_data_google_iam_policy_conditions_are_read(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(POLICY_TF, encoding="utf-8")
    graph = run_scan(ScanOptions(paths=(str(tmp_path),), keep_graph=True)).graph
    grants = {r.address: r.attributes for r in graph if r.kind == "gcp.iam.grant"}
    assert grants == {
        "google_project_iam_policy.main#roles/owner": {
            "scope": "acme-prod", "scope_level": "project", "role": "roles/owner",
            "members": ["allUsers"], "member_types": ["allUsers"],
            "default_service_account": False, "consumer_account": False,
            "member_roles": [{"member": "allUsers", "roles": []}]},
        "google_project_iam_policy.main#roles/logging.viewer": {
            "scope": "acme-prod", "scope_level": "project", "role": "roles/logging.viewer",
            "members": ["group:sre@acme.example"], "condition": "until-2027",
            "member_types": ["group"], "default_service_account": False,
            "consumer_account": False,
            "member_roles": [{"member": "group:sre@acme.example", "roles": []}]}}


def _scan(tmp_path: Path, *args: str) -> str:
    (tmp_path / "main.tf").write_text(POLICY_TF, encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, ["scan", "--no-color", *args],
                                    catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 1
    return result.stdout


def test_sarif_and_json_name_the_part(tmp_path: Path) -> None:
    address = "google_project_iam_policy.main#roles/owner"
    sarif = json.loads(_scan(tmp_path, "--format", "sarif"))
    named = {(r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
             for r in sarif["runs"][0]["results"]}
    assert named == {("GOV-GCP-017", address), ("GOV-GCP-018", address)}
    report = json.loads(_scan(tmp_path, "--format", "json"))
    found = {(f["rule_id"], f["resource"]["address"], f["location"]["start_line"])
             for f in report["findings"]}
    assert found == {("GOV-GCP-017", address, 18), ("GOV-GCP-018", address, 18)}
    fingerprints = {f["fingerprint"] for f in report["findings"]}
    assert len(fingerprints) == 2
