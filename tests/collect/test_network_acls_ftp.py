"""GOV-AWS-150 (network ACL ingress from the internet to FTP, ports 20 and 21) on ACLs read
live from moto (govern/collect/aws/network_acls.py), judged in rule-number order. A new
VPC's default ACL keeps AWS's entry 100, which lets all traffic in: it fails."""

from __future__ import annotations

import pytest

from tests.collect import world
from tests.collect.conftest import client
from tests.collect.live_scan import scan, statuses
from tests.collect.test_network_acls import arn, entry

RULE = "GOV-AWS-150"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    ec2 = client(moto_endpoint, "ec2")
    world.close_default_network_acls(ec2)
    vpc = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    default = ec2.describe_network_acls(Filters=[
        {"Name": "vpc-id", "Values": [vpc]},
        {"Name": "default", "Values": ["true"]}])["NetworkAcls"][0]["NetworkAclId"]

    def acl() -> str:
        return str(ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"])

    control = acl()
    entry(ec2, control, 100, "allow", "6", (21, 21))
    data_v6 = acl()  # port 21 denied first, port 20 left open
    entry(ec2, data_v6, 90, "deny", "6", (21, 21), cidr="::/0")
    entry(ec2, data_v6, 100, "allow", "6", (0, 1024), cidr="::/0")
    closed = acl()
    entry(ec2, closed, 90, "deny", "6", (20, 21))
    entry(ec2, closed, 100, "allow", "-1")
    private = acl()
    entry(ec2, private, 100, "allow", "6", (20, 21), cidr="10.0.0.0/8")
    entry(ec2, private, 110, "allow", "17", (20, 21))
    return {"default": arn(default), "control": arn(control), "data_v6": arn(data_v6),
            "closed": arn(closed), "private": arn(private)}


def test_each_acl_open_to_ftp_fails(moto_endpoint: str, made: dict[str, str]) -> None:
    found = {(role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule == RULE}
    # passing resources have no finding: "closed" and "private" are absent
    assert found == {("default", "fail"), ("control", "fail"), ("data_v6", "fail")}
