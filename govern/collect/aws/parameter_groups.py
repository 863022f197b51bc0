"""Database parameter groups: RDS DB parameter groups (DescribeDBParameterGroups), DB
cluster parameter groups of the RDS API (DescribeDBClusterParameterGroups: Aurora and
Multi-AZ DB clusters, and DocumentDB's, families `docdb*`) and Redshift cluster parameter
groups (DescribeClusterParameterGroups), with the canonical attributes of
`aws_db_parameter_group` / `aws_rds_cluster_parameter_group` /
`aws_docdb_cluster_parameter_group` / `aws_redshift_parameter_group`.

`parameters` holds every parameter the group answers with a value, the engine's defaults
included (a template leaves them out: a parameter not in the map has its default, which is
the value the account answers), keyed as the adapters key them (dots and spaces as `_`).
AWS's own default groups (`default.*`) are not read: they cannot be changed, and no
template declares them. Neptune's groups (families `neptune*`), which the RDS API lists
too, have no kind here."""

from __future__ import annotations

from typing import Any

from govern.adapters.db_parameters import parameter_key
from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_tags, tag_map
from govern.model.resource import Resource

DEFAULT_PREFIX = "default."
SKIPPED_FAMILIES = ("neptune",)
# The RDS API's listings of parameter groups: (listing, its list key, the prefix of the
# item's keys `<prefix>Name`/`<prefix>Arn`, the ARN's resource type, the call answering
# a group's parameters)
_RDS_LISTINGS = (
    ("DescribeDBClusterParameterGroups", "DBClusterParameterGroups",
     "DBClusterParameterGroup", "cluster-pg", "DescribeDBClusterParameters"),
    ("DescribeDBParameterGroups", "DBParameterGroups", "DBParameterGroup", "pg",
     "DescribeDBParameters"),
)


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    rds = clients("rds")
    return [*(group for listing in _RDS_LISTINGS
              for group in _rds_groups(rds, reader, account, region, *listing)),
            *_redshift_groups(clients("redshift"), reader, account, region)]


def _kind(prefix: str, family: str) -> tuple[str, str]:
    """(kind, native type) of a group of the RDS API."""
    if prefix == "DBParameterGroup":
        return "aws.rds.db_parameter_group", "AWS::RDS::DBParameterGroup"
    if family.startswith("docdb"):
        return "aws.docdb.cluster_parameter_group", "AWS::DocDB::DBClusterParameterGroup"
    return "aws.rds.cluster_parameter_group", "AWS::RDS::DBClusterParameterGroup"


def _rds_groups(rds: Any, reader: Reader, account: str, region: str, listing: str,
                key: str, prefix: str, arn_type: str, parameters: str) -> list[Resource]:
    """The groups one listing of the RDS API answers, with their parameters."""
    found = []
    for item in listed(reader.pages(rds, listing, region, key)):
        name = str(item[f"{prefix}Name"])
        family = str(item.get("DBParameterGroupFamily", ""))
        if name.startswith(DEFAULT_PREFIX) or family.startswith(SKIPPED_FAMILIES):
            continue
        arn = str(item.get(f"{prefix}Arn") or
                  f"arn:aws:rds:{region}:{account}:{arn_type}:{name}")
        found.append(_rds_group(rds, reader, live_resource(
            arn, *_kind(prefix, family), account, region), name, family, _parameters(
            reader.pages(rds, parameters, arn, "Parameters", **{f"{prefix}Name": name}))))
    return found


def _rds_group(rds: Any, reader: Reader, group: Resource, name: str, family: str,
               parameters: Any) -> Resource:
    """A parameter group of the RDS API with its name, family, parameters and tags."""
    group.set("name", name)
    group.set("family", family)
    group.set("parameters", parameters)
    arn = group.id
    set_tags(group, reader.call(rds, "ListTagsForResource", arn, ResourceName=arn),
             lambda tags: tag_map(tags.get("TagList")))
    return group


def _redshift_groups(redshift: Any, reader: Reader, account: str,
                     region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(redshift, "DescribeClusterParameterGroups", region,
                                    "ParameterGroups")):
        name = str(item["ParameterGroupName"])
        if name.startswith(DEFAULT_PREFIX):
            continue
        arn = f"arn:aws:redshift:{region}:{account}:parametergroup:{name}"
        group = live_resource(arn, "aws.redshift.parameter_group",
                              "AWS::Redshift::ClusterParameterGroup", account, region)
        group.set("name", name)
        group.set("family", str(item.get("ParameterGroupFamily", "")))
        group.set("parameters", _parameters(reader.pages(
            redshift, "DescribeClusterParameters", arn, "Parameters",
            ParameterGroupName=name)))
        group.set("tags", tag_map(item.get("Tags")))
        found.append(group)
    return found


def _parameters(answer: Any) -> Any:
    """name -> value of the parameters answered with a value; Unknown when the call
    failed."""
    if isinstance(answer, Failed):
        return answer.unknown
    return {parameter_key(str(p["ParameterName"])): str(p["ParameterValue"]) for p in answer
            if isinstance(p, dict) and p.get("ParameterName")
            and p.get("ParameterValue") is not None}
