"""Time `collect_aws` against moto on 127.0.0.1 with 1,000 buckets and 500 security groups,
counting the API calls (a botocore `before-call` hook). Not a test: prints figures.

    .venv/bin/python benchmarks/collect_aws.py [--buckets 1000] [--groups 500]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--buckets", type=int, default=1000)
    parser.add_argument("--groups", type=int, default=500)
    args = parser.parse_args()
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                      AWS_DEFAULT_REGION="us-east-1")
    os.environ.pop("AWS_PROFILE", None)
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    import boto3
    from moto.server import ThreadedMotoServer

    from govern.collect.aws import AwsOptions, collect_aws

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    try:
        started = time.perf_counter()
        s3 = boto3.client("s3", region_name="us-east-1", endpoint_url=endpoint)
        ec2 = boto3.client("ec2", region_name="us-east-1", endpoint_url=endpoint)
        for index in range(args.buckets):
            s3.create_bucket(Bucket=f"bench-{index:05d}")
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        for index in range(args.groups):
            group = ec2.create_security_group(GroupName=f"bench-{index}", Description="b",
                                              VpcId=vpc)["GroupId"]
            ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{
                "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
        print(f"setup: {time.perf_counter() - started:.1f} s")

        calls: Counter[str] = Counter()
        original = boto3.Session.client

        def counting(self: Any, *a: Any, **kw: Any) -> Any:
            client = original(self, *a, **kw)
            client.meta.events.register(
                "before-call", lambda model, **_: calls.update([model.name]))
            return client

        boto3.Session.client = counting  # type: ignore[method-assign]
        started = time.perf_counter()
        graph, notices = collect_aws(AwsOptions(endpoint_url=endpoint))
        elapsed = time.perf_counter() - started
        print(f"collected {len(graph)} resources in {elapsed:.2f} s "
              f"({len(graph) / elapsed:.0f} resources/s), {len(notices)} notices")
        print(f"API calls: {sum(calls.values())}")
        for name, count in sorted(calls.items()):
            print(f"  {name}: {count}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
