"""Canonical resources for live AWS objects: identified by ARN."""

from __future__ import annotations

from govern.model.resource import Resource

SOURCE_FORMAT = "aws-live"


def live_resource(arn: str, kind: str, native_type: str, account: str,
                  region: str) -> Resource:
    return Resource(id=arn, kind=kind, address=arn, source_format=SOURCE_FORMAT,
                    native_type=native_type, range=None, native=[arn], arn=arn,
                    context=f"aws:{account}:{region}")
