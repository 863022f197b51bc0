"""The live AWS collector: session, account, regions, then each service's reader."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from govern.collect.aws.account import collect_account
from govern.collect.aws.clients import ClientFactory
from govern.collect.aws.ec2 import collect_security_groups
from govern.collect.aws.iam import collect_iam
from govern.collect.aws.options import AwsOptions
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.s3 import collect_buckets
from govern.collect.aws.services import global_collectors, regional_collectors
from govern.errors import ConfigError, UsageError
from govern.model.finding import Notice
from govern.model.graph import ResourceGraph
from govern.model.resource import Resource

DEFAULT_REGION = "us-east-1"


def collect(options: AwsOptions) -> tuple[ResourceGraph, list[Notice]]:
    try:
        import boto3
        from botocore.config import Config
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError as exc:
        raise UsageError("reading a live AWS account needs boto3: install govern[aws] "
                         "(pip install 'govern[aws]')") from exc
    if options.org_role:  # --org: every account of the organization (org.py)
        from govern.collect.aws.org import collect_org

        return collect_org(options)
    # a connection that cannot be made fails in seconds (botocore's default is a minute,
    # retried: minutes for an endpoint that does not answer)
    config = Config(retries={"mode": "adaptive", "max_attempts": 10},
                    connect_timeout=5, read_timeout=60,
                    max_pool_connections=max(10, options.max_workers * 2))
    explicit = [r for r in options.regions if r != "all"]
    try:
        session = boto3.Session(profile_name=options.profile,
                                region_name=explicit[0] if explicit else None)
        if options.role_arn:
            session = _assume_role(session, options, config)
    except (BotoCoreError, ClientError) as exc:
        raise ConfigError(f"cannot open an AWS session: {exc}") from exc
    reader = Reader()
    client = ClientFactory(session, options.endpoint_url, config)
    home = session.region_name or DEFAULT_REGION
    identity = reader.call(client("sts", home), "GetCallerIdentity", "account")
    if not isinstance(identity, dict):
        raise ConfigError("cannot identify the AWS account (sts:GetCallerIdentity failed): "
                          "check the credentials, --profile and --role-arn")
    account = str(identity["Account"])
    regions = _regions(options, client("ec2", home), reader, home)
    graph = ResourceGraph()
    in_regions = None if "all" in options.regions else frozenset(regions)
    for bucket in collect_buckets(client("s3", home), reader, account, home, in_regions,
                                  options.max_workers):
        graph.add(bucket)
    iam_resources, iam_edges = collect_iam(client("iam", home), reader, account)
    graph.merge(ResourceGraph(iam_resources, iam_edges))
    graph.merge(ResourceGraph(collect_account(client, reader, account, home, regions)))
    for collect_global in global_collectors():
        _add_new(graph, collect_global(client.in_region(home), reader, account, home))

    def read_region(region: str) -> list[Resource]:
        found = collect_security_groups(client("ec2", region), reader, account, region)
        for collect_region in regional_collectors():
            found.extend(collect_region(client.in_region(region), reader, account, region))
        return found

    # regions side by side (at most max_workers), added in region order
    with ThreadPoolExecutor(max_workers=max(1, min(options.max_workers, len(regions))),
                            thread_name_prefix="govern-region") as pool:
        for resources in pool.map(read_region, regions):
            _add_new(graph, resources)
    return graph, reader.notices()


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
    return sorted(str(r["RegionName"]) for r in answer.get("Regions", []))


def _assume_role(session: Any, options: AwsOptions, config: Any) -> Any:
    import boto3

    sts = session.client("sts", endpoint_url=options.endpoint_url, config=config)
    credentials = sts.assume_role(RoleArn=options.role_arn,
                                  RoleSessionName="govern-scan")["Credentials"]
    return boto3.Session(aws_access_key_id=credentials["AccessKeyId"],
                         aws_secret_access_key=credentials["SecretAccessKey"],
                         aws_session_token=credentials["SessionToken"],
                         region_name=session.region_name)
