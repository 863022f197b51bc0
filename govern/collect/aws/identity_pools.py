"""Cognito identity pools of a region (ListIdentityPools, then DescribeIdentityPool for each)
as `aws.cognito.identity_pool`, with the attributes the adapters give
`aws_cognito_identity_pool` and `AWS::Cognito::IdentityPool`: the name, whether
unauthenticated identities are allowed, and the tags (`IdentityPoolTags` of the
description). A pool whose description cannot be read has those values Unknown."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_unknown, string_tags
from govern.model.resource import Resource

KIND = "aws.cognito.identity_pool"
PAGE_SIZE = 60  # the most ListIdentityPools returns at once (MaxResults is required)


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return identity_pools(clients("cognito-identity"), reader, account, region)


def identity_pools(cognito: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(cognito, "ListIdentityPools", region, "IdentityPools",
                                    MaxResults=PAGE_SIZE)):
        pool_id = str(item["IdentityPoolId"])
        arn = f"arn:aws:cognito-identity:{region}:{account}:identitypool/{pool_id}"
        pool = live_resource(arn, KIND, "AWS::Cognito::IdentityPool", account, region)
        if item.get("IdentityPoolName"):
            pool.set("name", str(item["IdentityPoolName"]))
        answer = reader.call(cognito, "DescribeIdentityPool", arn, IdentityPoolId=pool_id)
        if isinstance(answer, Failed):
            set_unknown(pool, answer.unknown, "allow_unauthenticated_identities", "tags")
        else:
            answer = answer or {}
            pool.set("allow_unauthenticated_identities",
                     bool(answer.get("AllowUnauthenticatedIdentities", False)))
            pool.set("tags", string_tags(answer.get("IdentityPoolTags")))
        found.append(pool)
    return found
