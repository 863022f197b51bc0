"""ec2:DescribeRegions asked for a few regions only, in the test process or (through
`GOVERN_TEST_DESCRIBE_REGIONS`, read by worker_apis.py) on Dask workers: moto answers the
38 regions it knows, and reading each of them takes minutes (moto answers HTTP 500 for
services it lacks in the newest regions, which botocore retries). A scan still reads
whatever DescribeRegions answers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

ENV = "GOVERN_TEST_DESCRIBE_REGIONS"  # comma-separated regions, on Dask workers


def register(client: Any, regions: Sequence[str]) -> None:
    """Make `client`'s DescribeRegions calls ask for `regions` (unless they name some)."""
    chosen = list(regions)

    def narrow(params: dict[str, Any], **_: Any) -> None:
        params.setdefault("RegionNames", chosen)

    client.meta.events.register("provide-client-params.ec2.DescribeRegions", narrow)
