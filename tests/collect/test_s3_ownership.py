"""S3 object ownership read live: `BucketOwnerEnforced` disables ACLs, so a public grant
left on such a bucket is not a public bucket (GOV-AWS-002), while `ObjectWriter` keeps ACLs
in force."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from govern.cli import cli
from tests.collect import world
from tests.collect.conftest import client


def owned_bucket(s3: Any, name: str, ownership: str | None) -> str:
    s3.create_bucket(Bucket=name)
    s3.put_bucket_acl(Bucket=name, ACL="public-read")
    if ownership:
        s3.put_bucket_ownership_controls(Bucket=name, OwnershipControls={
            "Rules": [{"ObjectOwnership": ownership}]})
    return f"arn:aws:s3:::{name}"


def test_bucket_owner_enforced_disables_a_public_acl(moto_endpoint: str) -> None:
    world.reset(moto_endpoint)
    s3 = client(moto_endpoint, "s3")
    enforced = owned_bucket(s3, "govern-enforced", "BucketOwnerEnforced")
    writer = owned_bucket(s3, "govern-writer", "ObjectWriter")
    plain = owned_bucket(s3, "govern-plain", None)
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", moto_endpoint,
                                      "--format", "json"])
    assert result.exit_code == 1, result.output
    public = {f["resource"]["address"] for f in json.loads(result.output)["findings"]
              if f["rule_id"] == "GOV-AWS-002" and f["status"] == "fail"}
    assert public == {writer, plain}
    assert enforced not in public
