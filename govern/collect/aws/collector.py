"""The live AWS collector: session, account, regions, then each service's reader."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar, cast

from govern.collect import progress
from govern.collect.aws.account import collect_account
from govern.collect.aws.clients import ClientFactory
from govern.collect.aws.deadline import deadline_for
from govern.collect.aws.ec2 import collect_security_groups
from govern.collect.aws.iam import collect_iam
from govern.collect.aws.options import AwsOptions
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.s3 import collect_buckets
from govern.collect.aws.services import global_collectors, regional_collectors
from govern.collect.aws.sessions import new_session
from govern.errors import ConfigError, GovernError, UsageError
from govern.model.finding import Notice
from govern.model.graph import Edge, ResourceGraph
from govern.model.resource import Resource

DEFAULT_REGION = "us-east-1"
# per call: seconds to connect, seconds to wait for an answer, attempts (retries included)
CONNECT_TIMEOUT = 5
READ_TIMEOUT = 30
MAX_ATTEMPTS = 5
T = TypeVar("T")


def collect(options: AwsOptions) -> tuple[ResourceGraph, list[Notice]]:
    try:
        import boto3  # noqa: F401  (installed, or the error below)
    except ImportError as exc:
        raise UsageError("reading a live AWS account needs boto3: install govern-iac[aws] "
                         "(pip install 'govern-iac[aws]')") from exc
    if options.org_role:  # --org: every account of the organization (org.py)
        from govern.collect.aws.org import collect_org

        return collect_org(options)
    graph, reader = read_account(options)
    return graph, reader.notices(options.allow_partial)


GLOBAL_PART = "global"
# (region or "global", service, read): one reader of one region
Unit = tuple[str, str, Callable[[], tuple[list[Resource], list[Edge]]]]


def read_account(options: AwsOptions) -> tuple[ResourceGraph, Reader]:
    """The resources of one account (the readers `options.part` names), and the reader
    that recorded what could not be read (`Reader.notices`; the readers of several parts
    add up with `Reader.absorb`)."""
    reader, client, home, account, regions = _opened(options)
    units = _units(options, client, reader, account, home, regions)
    graph = ResourceGraph()
    progress.expect(len(units))

    def run(unit: Unit) -> tuple[list[Resource], list[Edge]]:
        region, service, read = unit
        started = time.monotonic()
        try:
            return read()
        finally:
            progress.read(account, region, service, time.monotonic() - started)

    with ThreadPoolExecutor(max_workers=max(1, options.max_workers),
                            thread_name_prefix="govern-aws") as pool:
        for resources, edges in pool.map(run, units):
            _add_new(graph, resources)
            for edge in edges:
                graph.connect(edge)
    return graph, reader


def account_regions(options: AwsOptions) -> list[str]:
    """The regions `read_account` reads in the account `options` open: those named, or
    with `--region all` those ec2:DescribeRegions answers, or the session's own."""
    return _opened(options)[4]


def _opened(options: AwsOptions) -> tuple[Reader, ClientFactory, str, str, list[str]]:
    """A session in the account (the role assumed): its reader, clients, home region,
    account id and regions to read."""
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError

    # a connection that cannot be made fails in seconds, and one call (retries included)
    # in minutes at worst (botocore's default read timeout is a minute, retried 10 times)
    config = Config(retries={"mode": "adaptive", "max_attempts": MAX_ATTEMPTS},
                    connect_timeout=CONNECT_TIMEOUT, read_timeout=READ_TIMEOUT,
                    max_pool_connections=max(10, options.max_workers * 2))
    explicit = [r for r in options.regions if r != "all"]
    try:
        session = new_session(profile_name=options.profile,
                                region_name=explicit[0] if explicit else None)
        if options.role_arn:
            session = _assume_role(session, options, config)
    except (BotoCoreError, ClientError) as exc:
        raise ConfigError(f"cannot open an AWS session: {exc}") from exc
    reader = Reader(deadline_for(options.deadline, options.timeout))
    client = ClientFactory(session, options.endpoint_url, config)
    home = session.region_name or DEFAULT_REGION
    identity = reader.call(client("sts", home), "GetCallerIdentity", "account")
    if not isinstance(identity, dict) or not isinstance(identity.get("Account"), str):
        raise ConfigError("cannot identify the AWS account (sts:GetCallerIdentity failed): "
                          "check the credentials, --profile and --role-arn")
    account = reader.account = identity["Account"]
    return reader, client, home, account, _regions(options, client("ec2", home), reader, home)


def _units(options: AwsOptions, client: ClientFactory, reader: Reader, account: str,
           home: str, regions: list[str]) -> list[Unit]:
    """(region or "global", service, read) for each reader `options.part` names."""
    in_regions = None if "all" in options.regions else frozenset(regions)
    guard = _Guard(reader)
    nothing: tuple[list[Resource], list[Edge]] = ([], [])
    # one unit of work per global reader and per (region, service reader), at most
    # max_workers at a time; the results are added in this order, however they finish
    units: list[Unit] = [
        ("global", "s3", lambda: (guard("s3", "global", lambda: collect_buckets(
            client("s3", home), reader, account, home, in_regions, options.max_workers)),
                                  [])),
        ("global", "iam", lambda: guard("iam", "global", lambda: collect_iam(
            client("iam", home), reader, account), nothing)),
        ("global", "account", _without_edges(guard, "account", "global", lambda: (
            collect_account(client, reader, account, home, regions))))]
    units.extend(("global", name, _without_edges(guard, name, "global", partial(
        collect_global, client.in_region(home), reader, account, home)))
        for name, collect_global in global_collectors())
    for region in regions:
        units.append((region, "ec2", _without_edges(guard, "ec2", region, partial(
            collect_security_groups, client("ec2", region), reader, account, region))))
        units.extend((region, name, _without_edges(guard, name, region, partial(
            collect_region, client.in_region(region), reader, account, region)))
            for name, collect_region in regional_collectors())
    if options.part is None:
        return units
    if options.part == GLOBAL_PART:
        return [unit for unit in units if unit[0] == "global"]
    return [unit for unit in units if unit[0] == options.part]


def combine_parts(parts: list[tuple[ResourceGraph, Reader]]) -> tuple[ResourceGraph, Reader]:
    """The parts of one account read apart (`AwsOptions.part`: the global part first,
    then the regions in order) as `read_account` of every part gives them: the resources
    in that order (one listed twice kept once), the readers' records added up."""
    graph, reader = parts[0]
    for more, part_reader in parts[1:]:
        _add_new(graph, list(more))
        for edge in more.edges():
            graph.connect(edge)
        reader.absorb(part_reader)
    return graph, reader


class _Guard:
    """Runs one reader: an exception it raises (an answer of an unexpected shape, a bug)
    is recorded against the reader and region, and its resources there are unknown; the
    other readers go on."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader

    def __call__(self, name: str, region: str, read: Callable[[], T],
                 otherwise: T | None = None) -> T:
        try:
            return read()
        except GovernError:
            raise
        except Exception as exc:
            self._reader.partial.crash(name, region, exc)
            return otherwise if otherwise is not None else cast(T, [])


def _without_edges(guard: _Guard, name: str, region: str, read: Callable[[], list[Resource]]
                   ) -> Callable[[], tuple[list[Resource], list[Edge]]]:
    """A unit of work: one guarded reader whose resources come without edges."""
    return lambda: (guard(name, region, read), [])


def _add_new(graph: ResourceGraph, resources: list[Resource]) -> None:
    """Adds the resources not already there (a multi-region trail is listed in every
    region)."""
    for resource in resources:
        if resource.id not in graph:
            graph.add(resource)


def _regions(options: AwsOptions, ec2: Any, reader: Reader, home: str) -> list[str]:
    if "all" not in options.regions:
        return list(dict.fromkeys(options.regions)) or [home]
    answer = reader.call(ec2, "DescribeRegions", "account")
    if isinstance(answer, Failed) or answer is None:
        raise ConfigError("--region all: cannot list the account's regions "
                          "(ec2:DescribeRegions failed); name the regions instead")
    listed = answer.get("Regions")
    names = sorted(str(r.get("RegionName")) for r in listed if isinstance(r, dict)
                   and r.get("RegionName")) if isinstance(listed, list) else []
    if not names:
        raise ConfigError("--region all: ec2:DescribeRegions answered no regions; name the "
                          "regions instead")
    return names


def _assume_role(session: Any, options: AwsOptions, config: Any) -> Any:
    sts = session.client("sts", endpoint_url=options.endpoint_url, config=config)
    credentials = sts.assume_role(RoleArn=options.role_arn,
                                  RoleSessionName="govern-scan")["Credentials"]
    return new_session(aws_access_key_id=credentials["AccessKeyId"],
                         aws_secret_access_key=credentials["SecretAccessKey"],
                         aws_session_token=credentials["SessionToken"],
                         region_name=session.region_name)
