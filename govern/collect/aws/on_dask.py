"""`--aws --org ROLE --scheduler ADDRESS`: each account of the Organization is read by
workers of a Dask cluster, which assume the role in that account themselves (with the
worker's own AWS credentials: an instance profile, a pod identity, environment variables).

An account is read in parts, each a task of its own: its account-wide readers (S3, IAM,
its settings, the global services), and each region's readers. The regions are the ones
named (`--region`); with `--region all` or none, a first small task asks the account
which regions it has (ec2:DescribeRegions, as a local run does) or takes its session's
own. The parts' resources are added in the order a local run adds them, and their
readers' records (what could not be read) add up to one account's notices
(`Reader.absorb`): the result is a local run's. An error a part raises (a role that
cannot be assumed, regions that cannot be listed) comes back as that error, so the
organization's fallbacks and notices are the ones of a local run."""

from __future__ import annotations

import dataclasses
import threading
import time

from govern.collect.aws.options import AwsOptions
from govern.collect.aws.reader import Reader
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
        from govern.collect.aws.collector import GLOBAL_PART, combine_parts

        if options.regions and "all" not in options.regions:
            parts = [dataclasses.replace(single, part=part) for part in
                     [GLOBAL_PART, *dict.fromkeys(options.regions)]]
        else:  # the account's regions first (an error here is the account's error)
            with self._lock:
                listed = self._client.submit(regions_of, single, pure=False)
            regions: list[str] = listed.result()
            # the global part as the whole account would read it (S3 buckets of every
            # region, with `all`), each region as a region named
            parts = [dataclasses.replace(single, part=GLOBAL_PART), *(
                dataclasses.replace(single, part=region, regions=(region,))
                for region in regions)]
        with self._lock:
            futures = [self._client.submit(read_part, part, pure=False) for part in parts]
        # the first error, in part order
        graph, reader = combine_parts([future.result() for future in futures])
        return graph, reader.notices(options.allow_partial)

    def close(self) -> None:
        self._client.close()


def regions_of(options: AwsOptions) -> list[str]:
    """On a worker: the regions the account reads (`--region all`: as it answers)."""
    from govern.collect.aws.collector import account_regions

    return account_regions(options)


def read_part(options: AwsOptions) -> tuple[ResourceGraph, Reader]:
    """On a worker: one part of an account (`AwsOptions.part`)."""
    from govern.collect.aws.collector import read_account

    return read_account(options)
