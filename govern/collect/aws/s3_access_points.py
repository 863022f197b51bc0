"""S3 access points of a region (s3control ListAccessPoints, then GetAccessPoint and
GetAccessPointPolicy for each) as `aws.s3.access_point`, with the values the Terraform and
CloudFormation adapters give `aws_s3_access_point` and `AWS::S3::AccessPoint`: the policy
(absent on NoSuchAccessPointPolicy), the four public access block flags and the network
origin (`Internet` or `VPC`)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.account import without_account_host_prefix
from govern.collect.aws.paging import token_pages
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.s3 import PUBLIC_ACCESS_BLOCK_FLAGS
from govern.collect.aws.values import set_maybe_absent, set_optional, set_policy
from govern.model.resource import Resource
from govern.model.unknown import Unknown

KIND = "aws.s3.access_point"
NATIVE_TYPE = "AWS::S3::AccessPoint"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return access_points(without_account_host_prefix(clients("s3control"), account), reader,
                         account, region)


def access_points(s3control: Any, reader: Reader, account: str,
                  region: str) -> list[Resource]:
    listed = token_pages(reader, s3control, "ListAccessPoints", region, "AccessPointList",
                         AccountId=account)
    if isinstance(listed, Failed):
        return []
    return [_access_point(s3control, reader, account, region, item) for item in listed]


def _access_point(s3control: Any, reader: Reader, account: str, region: str,
                  item: dict[str, Any]) -> Resource:
    name = str(item["Name"])
    arn = str(item.get("AccessPointArn")
              or f"arn:aws:s3:{region}:{account}:accesspoint/{name}")
    point = live_resource(arn, KIND, NATIVE_TYPE, account, _region_of(arn, region))
    point.set("name", name)
    set_optional(point, "bucket", item.get("Bucket"))
    set_optional(point, "network_origin", item.get("NetworkOrigin"))
    answer = reader.call(s3control, "GetAccessPoint", arn, AccountId=account, Name=name)
    if isinstance(answer, Failed):
        point.set("public_access_block", answer.unknown)
    else:
        got = answer or {}
        set_optional(point, "network_origin", got.get("NetworkOrigin"))
        config = got.get("PublicAccessBlockConfiguration")
        if isinstance(config, dict):  # a flag left out is false, as for a bucket's block
            point.set("public_access_block", {canonical: bool(config.get(native, False))
                                              for native, canonical in
                                              PUBLIC_ACCESS_BLOCK_FLAGS.items()})
        else:
            point.set("public_access_block", Unknown(
                "GetAccessPoint answered no PublicAccessBlockConfiguration"))
    policy = reader.call(s3control, "GetAccessPointPolicy", arn,
                         frozenset({"NoSuchAccessPointPolicy"}), AccountId=account,
                         Name=name)
    if isinstance(policy, Failed):
        set_maybe_absent(point, policy.unknown, "policy")  # it may have none
    elif policy is not None:
        set_policy(point, policy.get("Policy"))
    return point


def _region_of(arn: str, listed_in: str) -> str:
    """The region an access point's ARN names (`arn:aws:s3:<region>:...`), else the region
    it was listed in."""
    parts = arn.split(":")
    return parts[3] if len(parts) > 5 and parts[3] else listed_in
