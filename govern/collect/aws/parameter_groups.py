"""Database parameter groups: DocumentDB cluster parameter groups (the RDS API's
DescribeDBClusterParameterGroups, families `docdb*`) and Redshift cluster parameter groups
(DescribeClusterParameterGroups), with the canonical attributes of
`aws_docdb_cluster_parameter_group` / `aws_redshift_parameter_group`.

`parameters` holds every parameter the group answers with a value, the engine's defaults
included (a template leaves them out: a parameter not in the map has its default, which is
the value the account answers). AWS's own default groups (`default.*`) are not read: they
cannot be changed, and no template declares them."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_tags, tag_map
from govern.model.resource import Resource

DEFAULT_PREFIX = "default."


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    return [*_docdb_groups(clients("rds"), reader, account, region),
            *_redshift_groups(clients("redshift"), reader, account, region)]


def _docdb_groups(rds: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(rds, "DescribeDBClusterParameterGroups", region,
                                    "DBClusterParameterGroups")):
        name = str(item["DBClusterParameterGroupName"])
        family = str(item.get("DBParameterGroupFamily", ""))
        if not family.startswith("docdb") or name.startswith(DEFAULT_PREFIX):
            continue
        arn = item.get("DBClusterParameterGroupArn") or \
            f"arn:aws:rds:{region}:{account}:cluster-pg:{name}"
        group = live_resource(arn, "aws.docdb.cluster_parameter_group",
                              "AWS::DocDB::DBClusterParameterGroup", account, region)
        group.set("name", name)
        group.set("family", family)
        group.set("parameters", _parameters(reader.pages(
            rds, "DescribeDBClusterParameters", arn, "Parameters",
            DBClusterParameterGroupName=name)))
        set_tags(group, reader.call(rds, "ListTagsForResource", arn, ResourceName=arn),
                 lambda tags: tag_map(tags.get("TagList")))
        found.append(group)
    return found


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
    return {str(p["ParameterName"]): str(p["ParameterValue"]) for p in answer
            if isinstance(p, dict) and p.get("ParameterName")
            and p.get("ParameterValue") is not None}
