"""`--aws --org ROLE --scheduler ADDRESS`: each account of the Organization is read by a
worker of a Dask cluster, which assumes the role in that account itself (with the
worker's own AWS credentials: an instance profile, a pod identity, environment variables).
What is read comes back as the single-account collector gives it; an error it raises
(a role that cannot be assumed) comes back as that error, so the organization's fallbacks
and notices are the ones of a local run."""

from __future__ import annotations

import dataclasses
import threading
import time

from govern.collect.aws.options import AwsOptions
from govern.model.finding import Notice
from govern.model.graph import ResourceGraph


class AccountsOnDask:
    """A `CollectOne` that runs the single-account collector on a Dask worker."""

    def __init__(self, address: str) -> None:
        from govern.units.on_dask import connect

        self._client = connect(address)
        self._lock = threading.Lock()

    def __call__(self, options: AwsOptions) -> tuple[ResourceGraph, list[Notice]]:
        # a worker's clock is not this one's: it gets the time left, not a deadline
        remaining = options.timeout
        if options.deadline is not None:
            remaining = max(0.001, options.deadline - time.monotonic())
        single = dataclasses.replace(options, deadline=None, timeout=remaining,
                                     scheduler=None)
        with self._lock:
            future = self._client.submit(collect_account, single, pure=False)
        result: tuple[ResourceGraph, list[Notice]] = future.result()
        return result

    def close(self) -> None:
        self._client.close()


def collect_account(options: AwsOptions) -> tuple[ResourceGraph, list[Notice]]:
    """On a worker: the single-account collector."""
    from govern.collect.aws.collector import collect

    return collect(options)
