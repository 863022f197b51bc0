"""Whether the stand-in for a security group outside the scanned code (see
`govern.adapters.external`) is a VPC's default security group: it is when the code names
it as a VPC's default group (Terraform `aws_vpc.<name>.default_security_group_id`,
CloudFormation `!GetAtt <Vpc>.DefaultSecurityGroup`) or by the name `default`
(CloudFormation `GroupName: default`: the default VPC's default group); it is not when it
is an EKS cluster's security group. A group named otherwise (a data source, a parameter, a
literal id) may be either: `is_default` stays unknown."""

from __future__ import annotations

from typing import Any

from govern.adapters.external import Setup
from govern.model.resource import Resource

# the ends of the addresses of implicit parents (external.IMPLICIT_PARENTS)
_DEFAULT_GROUP = (".default_security_group_id", ".DefaultSecurityGroup)")
_CLUSTER_GROUP = (".vpc_config[0].cluster_security_group_id", ".ClusterSecurityGroupId)")


def mark_default(resource: Resource, value: Any) -> None:
    """Set `is_default` on a new stand-in group when its address or name decides it."""
    del value
    if resource.address.endswith(_DEFAULT_GROUP) or resource.attributes.get("name") == "default":
        resource.set(("is_default",), True)
    elif resource.address.endswith(_CLUSTER_GROUP):
        resource.set(("is_default",), False)


def marking_default(setup: Setup | None) -> Setup:
    """`setup` (if any), then `mark_default`."""

    def both(resource: Resource, value: Any) -> None:
        if setup is not None:
            setup(resource, value)
        mark_default(resource, value)

    return both
