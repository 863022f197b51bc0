"""Inventory snapshots round-trip a resource graph, Unknown values included."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.errors import ConfigError
from govern.model.graph import Edge, ResourceGraph
from govern.model.inventory import dump_inventory, load_inventory
from govern.model.resource import Resource
from govern.model.unknown import Unknown

ARN = "arn:aws:s3:::acme-logs"


def graph() -> ResourceGraph:
    bucket = Resource(id=ARN, kind="aws.s3.bucket", address=ARN, source_format="aws-live",
                      native_type="AWS::S3::Bucket", range=None, arn=ARN,
                      context="aws:123456789012:eu-west-1",
                      attributes={"name": "acme-logs", "tags": {"owner": "ops"},
                                  "policy": Unknown("access denied: s3:GetBucketPolicy"),
                                  "acl": Unknown("branch", alternatives=("private", None))})
    bucket.defaulted = {("versioning", "enabled")}
    role = Resource(id="arn:aws:iam::123456789012:role/ops", kind="aws.iam.role",
                    address="arn:aws:iam::123456789012:role/ops", source_format="aws-live",
                    native_type="AWS::IAM::Role", range=None,
                    arn="arn:aws:iam::123456789012:role/ops", attributes={"policies": []})
    return ResourceGraph([bucket, role], [Edge(role.id, bucket.id, "references")])


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "inventory.json"
    text = dump_inventory(graph(), {"account": "123456789012"})
    path.write_text(text)
    loaded = load_inventory(str(path))
    assert dump_inventory(loaded, {"account": "123456789012"}) == text
    bucket = loaded.get(ARN)
    assert bucket is not None
    assert bucket.get("policy") == Unknown("access denied: s3:GetBucketPolicy")
    assert bucket.get("acl").alternatives == ("private", None)
    assert bucket.defaulted == {("versioning", "enabled")}
    assert loaded.edges() == [Edge("arn:aws:iam::123456789012:role/ops", ARN, "references")]


@pytest.mark.parametrize("content, message", [
    ("{", "not an inventory file: invalid JSON"),
    ('{"resources": []}', "not a govern inventory file"),
    ('{"govern_inventory": 1, "resources": [{"id": "x"}], "edges": []}',
     "malformed inventory entry"),
])
def test_bad_files_are_configuration_errors(tmp_path: Path, content: str,
                                            message: str) -> None:
    path = tmp_path / "inventory.json"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_inventory(str(path))
