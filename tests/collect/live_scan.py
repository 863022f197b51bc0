"""What the live tests share: a `govern scan --aws` against moto as JSON, the status of
each finding by the role of the resource a test made, and the graph a collection reads."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from govern.model.resource import Resource
from tests.collect.conftest import REGION


def scan(endpoint: str, partial: bool = False) -> dict[str, Any]:
    """The JSON report of a live scan of REGION (exit code 0 or 1: complete); `partial`:
    with `--allow-partial`, what could not be read is unknown instead of an error."""
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--region", REGION, "--format", "json",
                                      *(["--allow-partial"] if partial else [])])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code in (0, 1), result.output
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def statuses(doc: dict[str, Any], made: dict[str, str]) -> set[tuple[str, str, str]]:
    """(rule, role, status) of each finding on a resource of `made` (role -> ARN)."""
    by_arn = {arn: role for role, arn in made.items()}
    return {(f["rule_id"], by_arn[f["resource"]["address"]], f["status"])
            for f in doc["findings"] if f["resource"]["address"] in by_arn}


def read(endpoint: str) -> dict[str, Resource]:
    """The resources a collection of REGION reads, by id."""
    graph, _ = collect(AwsOptions(regions=(REGION,), endpoint_url=endpoint))
    return {r.id: r for r in graph}
