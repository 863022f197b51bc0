"""Small plans, templates and live inventories for the admission tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from govern.model.graph import Edge, ResourceGraph
from govern.model.inventory import dump_inventory
from govern.model.resource import Resource

ACCOUNT = "123456789012"
DATA_KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ADMIN_DOCUMENT = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}
TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["sts:AssumeRole"],
     "Principal": {"Service": ["codebuild.amazonaws.com"]}}]}
# requests without TLS denied (GOV-AWS-162), so that only the public grant is judged
TLS_ONLY = {"Effect": "Deny", "Principal": "*", "Action": ["s3:*"],
            "Resource": ["arn:aws:s3:::shared-data", "arn:aws:s3:::shared-data/*"],
            "Condition": {"Bool": {"aws:SecureTransport": ["false"]}}}
PUBLIC_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
     "Resource": "arn:aws:s3:::shared-data/*"}, TLS_ONLY]})


def change(rtype: str, name: str, after: dict[str, Any], actions: str = "create") -> str:
    """One resource_changes entry on one line."""
    return json.dumps({
        "address": f"{rtype}.{name}", "mode": "managed", "type": rtype, "name": name,
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {"actions": [actions], "before": None, "after": after,
                   "after_unknown": {}, "before_sensitive": False, "after_sensitive": {}}})


def write_plan(directory: Path, *changes: str, name: str = "change.json") -> str:
    text = ('{\n  "format_version": "1.2",\n  "terraform_version": "1.11.4",\n'
            '  "resource_changes": [\n    ' + ",\n    ".join(changes) + "\n  ]\n}\n")
    path = directory / name
    path.write_text(text)
    return str(path)


def live_resource(kind: str, arn: str, native_type: str, **attributes: Any) -> Resource:
    return Resource(id=arn, kind=kind, address=arn, source_format="aws",
                    native_type=native_type, range=None, attributes=attributes, arn=arn,
                    context=f"aws:{ACCOUNT}")


def live_graph() -> ResourceGraph:
    """A live account: bucket `shared-data` without a public access block, private (and
    logged, encrypted with a customer managed key, TLS required); the
    customer-managed policy `Admin` (admin); role `deployer` with no policies; bucket
    `open-logs` that is public already (a pre-existing problem elsewhere)."""
    admin = f"arn:aws:iam::{ACCOUNT}:policy/Admin"
    role = f"arn:aws:iam::{ACCOUNT}:role/deployer"
    graph = ResourceGraph([
        live_resource("aws.s3.bucket", "arn:aws:s3:::shared-data", "AWS::S3::Bucket",
                      name="shared-data", acl="private", tags={"owner": "data"},
                      encryption={"enabled": True, "algorithm": "aws:kms",
                                  "kms_key": DATA_KEY},
                      logging={"enabled": True, "target_bucket": "open-logs"},
                      policy={"Version": "2012-10-17", "Statement": [TLS_ONLY]}),
        live_resource("aws.s3.bucket", "arn:aws:s3:::open-logs", "AWS::S3::Bucket",
                      name="open-logs", acl="public-read"),
        live_resource("aws.iam.policy", admin, "AWS::IAM::ManagedPolicy", name="Admin",
                      document=ADMIN_DOCUMENT),
        live_resource("aws.iam.role", role, "AWS::IAM::Role", name="deployer",
                      assume_role_policy=TRUST, policies=[]),
    ])
    return graph


def write_inventory(directory: Path, graph: ResourceGraph | None = None,
                    edges: tuple[Edge, ...] = ()) -> str:
    graph = graph if graph is not None else live_graph()
    for edge in edges:
        graph.connect(edge)
    path = directory / "inventory.json"
    path.write_text(dump_inventory(graph, {"account": ACCOUNT}))
    return str(path)
