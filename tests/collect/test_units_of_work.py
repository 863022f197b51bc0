"""The live collection runs as units of work (each global reader, each region and service
reader) on a thread pool: the graph and the notices are the same, in the same order,
whatever the number of workers."""

from __future__ import annotations

from typing import Any

import pytest

from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from tests.collect import world
from tests.collect.conftest import REGION
from tests.collect.events import deny_calls

OTHER = "eu-west-1"


def _collected(endpoint: str, workers: int) -> tuple[list[Any], list[Any], list[Any]]:
    graph, notices = collect(AwsOptions(regions=(REGION, OTHER), endpoint_url=endpoint,
                                        max_workers=workers, allow_partial=True))
    resources = [(r.id, r.kind, repr(r.attributes)) for r in graph]
    edges = [(e.source, e.relation, e.target) for e in graph.edges()]
    return resources, edges, [(n.level, n.code, n.message) for n in notices]


def test_the_result_does_not_depend_on_the_number_of_workers(
        moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> None:
    world.build(moto_endpoint)
    # failures in several readers and regions, so that notices come from many threads
    deny_calls(monkeypatch, "kms.ListKeys", "rds.*",
               "s3.GetBucketTagging", "lambda.ListFunctions")
    one = _collected(moto_endpoint, 1)
    resources, _, notices = one
    assert len(resources) > 10
    assert {kind for _, kind, _ in resources} >= {"aws.s3.bucket", "aws.ec2.security_group"}
    assert len(notices) >= 3
    for workers in (2, 8, 8):
        assert _collected(moto_endpoint, workers) == one
