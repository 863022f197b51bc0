"""AMI sharing read live: the launch permissions of the AMIs the account owns
(DescribeImages with Owners=["self"], DescribeImageAttribute launchPermission), one
`aws.ec2.ami_launch_permission` per permission as the Terraform adapter makes one per
`aws_ami_launch_permission`."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.model.resource import Resource
from govern.model.unknown import Unknown

KIND = "aws.ec2.ami_launch_permission"
NATIVE_TYPE = "AWS::EC2::LaunchPermission"  # no such CloudFormation type: a label
# LaunchPermission member -> (canonical attribute, the grantee's label in the id)
GRANTEES = {"Group": ("group", "group"), "UserId": ("account_id", "account"),
            "OrganizationArn": ("organization_arn", "organization"),
            "OrganizationalUnitArn": ("organizational_unit_arn", "organizational-unit")}
GONE = frozenset({"InvalidAMIID.NotFound", "InvalidAMIID.Unavailable"})


def launch_permission_arn(account: str, region: str, image_id: str,
                          grantee: str = "") -> str:
    """`arn:aws:ec2:<region>:<account>:image/<ami>/launch-permission/<kind>/<id>` (an
    organization or unit by the last part of its ARN: `o-...`, `ou-...`); without
    `grantee` when the permissions could not be read."""
    base = f"arn:aws:ec2:{region}:{account}:image/{image_id}/launch-permission"
    return f"{base}/{grantee}" if grantee else base


def ami_launch_permissions(ec2: Any, reader: Reader, account: str,
                           region: str) -> list[Resource]:
    listing = listed(reader.pages(ec2, "DescribeImages", region, "Images",
                                  Owners=["self"]))
    found: list[Resource] = []
    for image in listing:
        image_id = str(image["ImageId"])
        subject = f"arn:aws:ec2:{region}::image/{image_id}"
        answer = reader.call(ec2, "DescribeImageAttribute", subject, GONE,
                             ImageId=image_id, Attribute="launchPermission")
        if isinstance(answer, Failed):
            found.append(_unread(answer.unknown, account, region, image_id))
        elif answer is not None:
            grantees = (_grantee(entry) for entry in answer.get("LaunchPermissions", []))
            found.extend(_permission(grantee, account, region, image_id)
                         for grantee in grantees if grantee)
    return found


def _grantee(entry: dict[str, Any]) -> tuple[str, str, str] | None:
    """(canonical attribute, value, id suffix) of a LaunchPermission entry."""
    for member, (canonical, label) in GRANTEES.items():
        value = entry.get(member)
        if value:
            return canonical, str(value), f"{label}/{str(value).rsplit('/', 1)[-1]}"
    return None


def _permission(grantee: tuple[str, str, str], account: str, region: str,
                image_id: str) -> Resource:
    canonical, value, suffix = grantee
    arn = launch_permission_arn(account, region, image_id, suffix)
    permission = live_resource(arn, KIND, NATIVE_TYPE, account, region)
    permission.set("image_id", image_id)
    permission.set(canonical, value)
    return permission


def _unread(unknown: Unknown, account: str, region: str, image_id: str) -> Resource:
    """The image's permissions could not be read: whether it is public is Unknown."""
    permission = live_resource(launch_permission_arn(account, region, image_id), KIND,
                               NATIVE_TYPE, account, region)
    permission.set("image_id", image_id)
    permission.set("group", unknown)
    return permission
