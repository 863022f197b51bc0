"""`govern scan --aws --org ROLE`: every ACTIVE account of the AWS Organization, each read
through `arn:aws:iam::<account>:role/<ROLE>` with the single-account collector, a bounded
number at a time, merged into one graph. An account that cannot be read is an
error (its resources are unknown), a warning with --allow-partial."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from govern.collect import progress
from govern.collect.aws.deadline import deadline_for
from govern.collect.aws.options import AwsOptions
from govern.collect.aws.sessions import new_session
from govern.errors import ConfigError, GovernError, UsageError
from govern.model.finding import Notice
from govern.model.graph import ResourceGraph

Collected = tuple[ResourceGraph, list[Notice]]
CollectOne = Callable[[AwsOptions], Collected]
ListAccounts = Callable[[AwsOptions], tuple[str, list[str]]]


def role_arn(account: str, role: str) -> str:
    return f"arn:aws:iam::{account}:role/{role}"


def list_accounts(options: AwsOptions) -> tuple[str, list[str]]:
    """The caller's account and the ids of the organization's ACTIVE accounts (sorted)."""
    from botocore.exceptions import BotoCoreError, ClientError

    explicit = [r for r in options.regions if r != "all"]
    try:
        session = new_session(profile_name=options.profile,
                                region_name=explicit[0] if explicit else None)
        region = session.region_name or "us-east-1"
        sts = session.client("sts", region_name=region, endpoint_url=options.endpoint_url)
        caller = str(sts.get_caller_identity()["Account"])
        org = session.client("organizations", region_name=region,
                             endpoint_url=options.endpoint_url)
        accounts = [str(a["Id"])
                    for page in org.get_paginator("list_accounts").paginate()
                    for a in page.get("Accounts", []) if a.get("Status") == "ACTIVE"]
    except (BotoCoreError, ClientError) as exc:
        raise ConfigError(f"--org: cannot list the organization's accounts "
                          f"(organizations:ListAccounts): {exc}") from exc
    return caller, sorted(set(accounts))


def collect_org(options: AwsOptions, collect_one: CollectOne | None = None,
                accounts: ListAccounts = list_accounts) -> Collected:
    """Every ACTIVE account read with `collect_one` (the single-account collector) through
    the role `options.org_role`; in the caller's own account (the management account, where
    the role usually does not exist) the caller's credentials are used when it cannot be
    assumed."""
    if not options.org_role:
        raise UsageError("collect_org needs options.org_role")
    remote = None
    if collect_one is None and options.scheduler:
        from govern.collect.aws.on_dask import AccountsOnDask

        remote = AccountsOnDask(options.scheduler)
        collect_one = remote
    if collect_one is None:
        from govern.collect.aws.collector import collect

        collect_one = collect
    one: CollectOne = collect_one
    # one deadline for the whole organization, not one per account
    deadline = deadline_for(options.deadline, options.timeout)
    options = dataclasses.replace(options, deadline=deadline.at)
    caller, ids = accounts(options)

    if remote is not None:  # its readers report on the workers: each account here
        progress.expect(len(ids))

    def read(account: str) -> tuple[Collected | None, list[Notice]]:
        started = time.monotonic()
        try:
            return read_account(account)
        finally:
            if remote is not None:
                progress.read(account, "every region", "account",
                              time.monotonic() - started)

    def read_account(account: str) -> tuple[Collected | None, list[Notice]]:
        if deadline.passed():
            return None, [_skipped(account, deadline.reason, options.allow_partial)]
        arn = role_arn(account, str(options.org_role))
        single = dataclasses.replace(options, org_role=None, role_arn=arn)
        try:
            return one(single), []
        except GovernError as exc:
            if account != caller:
                return None, [_skipped(account, str(exc), options.allow_partial)]
            fallback = dataclasses.replace(options, org_role=None, role_arn=None)
            note = Notice("note", f"account {account}: cannot assume {arn} ({exc}); read "
                          "with the caller's own credentials", code="aws-org-fallback")
            try:
                return one(fallback), [note]
            except GovernError as again:
                return None, [_skipped(account, str(again), options.allow_partial)]
        except Exception as exc:  # one account must not stop the others
            return None, [_skipped(account, f"{type(exc).__name__}: {exc}",
                                   options.allow_partial)]

    graph = ResourceGraph()
    notices: list[Notice] = []
    # on a cluster its workers bound how many accounts are read at once
    width = len(ids) if remote is not None else options.org_concurrency
    with ThreadPoolExecutor(max_workers=max(1, width)) as pool:
        for account, (collected, extra) in zip(ids, pool.map(read, ids), strict=True):
            notices.extend(extra)
            if collected is None:
                continue
            _merge(graph, collected[0])
            notices.extend(_in_account(n, account) for n in collected[1])
    if remote is not None:
        remote.close()
    return graph, notices


def _skipped(account: str, why: str, partial: bool) -> Notice:
    """An account not read: its resources are unknown, an error (exit 3) unless
    --allow-partial is given."""
    return Notice("warning" if partial else "error", f"account {account}: not read: {why}",
                  code="aws-org-account",
                  hint="let the scanning identity assume the --org role in that account "
                  "(sts:AssumeRole) and give the role the read-only permissions "
                  "(docs/live-aws.md), or give --allow-partial to accept a scan without it")


def _in_account(notice: Notice, account: str) -> Notice:
    if f"(account {account})" in notice.message:  # it names the account already
        return notice
    return dataclasses.replace(notice, message=f"account {account}: {notice.message}")


def _merge(graph: ResourceGraph, other: ResourceGraph) -> None:
    """Resources by id (ARNs: one account's cannot clash with another's; a global id seen
    twice is kept once), then the edges."""
    for resource in other:
        if resource.id not in graph:
            graph.add(resource)
    for edge in other.edges():
        graph.connect(edge)
