"""External parents: a sub-resource (a security group rule, a bucket or queue policy, an
IAM policy attachment, an NSG rule) whose parent is not declared in the scanned code (it
comes from a data source, a variable or parameter, another module or stack, a hard-coded id
or ARN) is still judged, on a canonical resource that stands for the parent.

The stand-in has the parent's kind and is marked `external` (`Resource.external`): it holds
what the sub-resources that name it set, and every other attribute is `Undeclared` (see
`Resource.get`). A list the sub-resources add to (a security group's `ingress`, an
identity's `policies`, an NSG's `security_rules`) starts with one `Undeclared` element for
the items declared elsewhere, so a known violation still fails and a rule that needs the
whole list is unknown. One stand-in per parent identity and deployment: its address says
what the code knows of the parent (`data.aws_security_group.existing`, `sg-0123abcd`,
`var.user_name`, `Ref(UserName)`, `ImportValue(shared-sg)`, ...; for a parent another
resource of the code creates implicitly, such as an EKS cluster's security group or a VPC's
default security group, that resource's attribute: `aws_eks_cluster.main.vpc_config[0].
cluster_security_group_id`, `GetAtt(Vpc.DefaultSecurityGroup)`), its range is the first
sub-resource's, so findings point at the sub-resource, and its `native` lists the
sub-resources judged on it. A note (code `external-parent`) says so for each of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.model.finding import Notice
from govern.model.resource import Resource
from govern.model.unknown import PartialString, Undeclared, Unknown
from govern.parsers.native import NativeResource

NOTICE_CODE = "external-parent"

# Sets up a new external parent, given the value that named it (e.g. a literal name).
Setup = Callable[[Resource, Any], None]
# How a separate resource makes its external parent: the parent's kind, native type, and a
# setup for a new one.
External = tuple[str, str, Setup | None]

# Parents a declared resource creates without declaring them: (the native type of the
# resource a sub-resource names, the kind of parent it looks for) -> the attribute of that
# resource that is the parent, as the stand-in's address writes it. AWS gives them rules
# of its own, which the code does not show (the rest of the stand-in is undeclared).
IMPLICIT_PARENTS: dict[tuple[str, str], str] = {
    ("aws_eks_cluster", "aws.ec2.security_group"): "vpc_config[0].cluster_security_group_id",
    ("aws_vpc", "aws.ec2.security_group"): "default_security_group_id",
    ("AWS::EKS::Cluster", "aws.ec2.security_group"): "ClusterSecurityGroupId",
    ("AWS::EC2::VPC", "aws.ec2.security_group"): "DefaultSecurityGroup",
    ("aws_vpc", "aws.ec2.network_acl"): "default_network_acl_id",
    ("AWS::EC2::VPC", "aws.ec2.network_acl"): "DefaultNetworkAcl",
    # a 2nd gen Cloud Function runs as a Cloud Run service
    ("google_cloudfunctions2_function", "gcp.run.service"): "service_config[0].service",
}


def implicit_address(native_type: str, ref: str, kind: str, template: str) -> str | None:
    """The address of the parent of `kind` that the resource `ref` (of `native_type`)
    creates implicitly, written with `template` (`{ref}.{attribute}`,
    `GetAtt({ref}.{attribute})`); None when it creates none."""
    attribute = IMPLICIT_PARENTS.get((native_type, kind))
    return None if attribute is None else template.format(ref=ref, attribute=attribute)


def input_address(value: Unknown) -> str | None:
    """`var.NAME`, `Ref(Name)`, `ImportValue(name)`, `parameters('name')` for a value that
    is an input without a value (its `origin`, set by the parser), else None."""
    return value.origin


def partial_text(value: PartialString) -> str:
    """A string with unknown parts as written: `${<ref>}` (or `${?}`) for each unknown
    part."""
    pieces = []
    for part in value.parts:
        if isinstance(part, str):
            pieces.append(part)
        else:
            pieces.append("${" + (input_address(part) or part.ref or "?") + "}")
    return "".join(pieces)


def value_address(value: Any, fallback: str) -> str | None:
    """What a value naming a parent says of it, as an external parent's address: a literal
    (id, ARN, name, URL) as it is, a string with unknown parts with `${...}` for them, an
    input without a value as `input_address`, a value known only after apply by its `ref`,
    anything else Unknown `fallback` (the sub-resource's attribute, in parentheses). None
    for a value that names nothing (not a string, empty)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, PartialString):
        return partial_text(value)
    if isinstance(value, Unknown):
        return input_address(value) or value.ref or f"({fallback})"
    return None


def refs_of(value: Any) -> list[str]:
    """The refs of an Unknown and of the unknown parts of a string with unknown parts."""
    if not isinstance(value, Unknown):
        return []
    parts = [part for part in getattr(value, "parts", ()) if isinstance(part, Unknown)]
    return [ref for ref in (value.ref, *(part.ref for part in parts)) if ref is not None]


def rest(resource: Resource, what: str) -> Undeclared:
    """The element that stands for the items of a list declared elsewhere (whether there
    are any is not known either)."""
    return Undeclared(f"other {what} of {resource.address} are declared outside the "
                      "scanned code")


def open_list(resource: Resource, key: str, what: str) -> None:
    """On an external parent, start the list `key` with the element for the items declared
    elsewhere (once; nothing on a resource of the scanned code)."""
    if resource.external and not isinstance(resource.attributes.get(key), list):
        resource.attributes[key] = [rest(resource, what)]


def extended_list(resource: Resource, key: str, what: str) -> list[Any]:
    """The list `key` of `resource` that a separate resource adds an item to (security
    group rules, network ACL entries), made when absent, and opened on an external parent
    (see open_list)."""
    open_list(resource, key, what)
    items = resource.attributes.get(key)
    if not isinstance(items, list):
        items = resource.attributes[key] = []
    return items


def named(*lists: tuple[str, str]) -> Setup:
    """A setup that gives a parent named by a literal that `name`, and opens `lists`
    (`(key, what)` pairs, see `open_list`)."""

    def setup(resource: Resource, value: Any) -> None:
        if isinstance(value, str) and value:
            resource.set(("name",), value)
        for key, what in lists:
            open_list(resource, key, what)

    return setup


def opened(*lists: tuple[str, str]) -> Setup:
    """A setup that only opens `lists` (a parent named by an id or ARN, not a name)."""

    def setup(resource: Resource, value: Any) -> None:
        for key, what in lists:
            open_list(resource, key, what)

    return setup


class ExternalParents:
    """The external parents of one deployment, by kind and address."""

    def __init__(self, resources: list[Resource], notices: list[Notice]) -> None:
        self._resources = resources  # the deployment's resources: new parents join them
        self._notices = notices
        self._by_identity: dict[tuple[str, str], Resource] = {}

    def parent(self, native: NativeResource, kind: str, address: str, native_type: str,
               what: str, value: Any = None, setup: Setup | None = None) -> Resource:
        """The external parent of `kind` at `address` (made on first use, with `setup`
        given the value that named it), with a note that `native` is judged on it."""
        found = self._by_identity.get((kind, address))
        if found is None:
            found = Resource(
                id=f"{native.format}:{native.root}:external:{kind}:{address}", kind=kind,
                address=address, source_format=native.format, native_type=native_type,
                range=native.range, native=[], context=native.root, external=True)
            if setup is not None:
                setup(found, value)
            self._by_identity[(kind, address)] = found
            self._resources.append(found)
        if native.address not in found.native:  # the sub-resources judged on it
            found.native.append(native.address)
        self._notices.append(Notice(
            level="note", message=f"{native.address}: {what} {address} is not declared in "
            "the scanned code; judged on a stand-in that holds what this resource sets "
            "(the rest is unknown)", file=native.range.file, line=native.range.start_line,
            code=NOTICE_CODE))
        return found
