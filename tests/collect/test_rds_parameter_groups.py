"""GOV-AWS-266 on a live account (moto): RDS DB parameter groups and DB cluster parameter
groups, judged on the parameters they answer with (moto answers only those a group
modifies; AWS answers the engine's defaults too). AWS's default groups and Neptune's are
not read."""

from __future__ import annotations

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

RULE = "GOV-AWS-266"
TAG_MAP = {t["Key"]: t["Value"] for t in world.TAGS}
# name -> (family, parameters set)
DB_GROUPS: dict[str, tuple[str, dict[str, str]]] = {
    "pg-open": ("postgres16", {"rds.force_ssl": "0"}),
    "pg-forced": ("postgres14", {"rds.force_ssl": "1", "log_connections": "1"}),
    "pg14-defaults": ("postgres14", {}),
    "mysql-on": ("mysql8.0", {"require_secure_transport": "ON"}),
    "oracle": ("oracle-ee-19", {}),
    "aurora-instances": ("aurora-postgresql14", {}),
    "default.postgres16": ("postgres16", {"rds.force_ssl": "0"}),
    "graph": ("neptune1", {}),
}
CLUSTER_GROUPS: dict[str, tuple[str, dict[str, str]]] = {
    "apg-forced": ("aurora-postgresql16", {"rds.force_ssl": "1"}),
    "amysql-off": ("aurora-mysql8.0", {"require_secure_transport": "OFF"}),
    "apg16-unanswered": ("aurora-postgresql16", {}),
}


def _arn(kind: str, name: str) -> str:
    return f"arn:aws:rds:{REGION}:{ACCOUNT}:{kind}:{name}"


def _parameters(values: dict[str, str]) -> list[dict[str, str]]:
    return [{"ParameterName": key, "ParameterValue": value, "ApplyMethod": "immediate"}
            for key, value in values.items()]


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    rds = client(moto_endpoint, "rds")
    for name, (family, parameters) in DB_GROUPS.items():
        rds.create_db_parameter_group(DBParameterGroupName=name, Description=name,
                                      DBParameterGroupFamily=family, Tags=world.TAGS)
        if parameters:
            rds.modify_db_parameter_group(DBParameterGroupName=name,
                                          Parameters=_parameters(parameters))
    for name, (family, parameters) in CLUSTER_GROUPS.items():
        rds.create_db_cluster_parameter_group(
            DBClusterParameterGroupName=name, Description=name,
            DBParameterGroupFamily=family, Tags=world.TAGS)
        rds.modify_db_cluster_parameter_group(DBClusterParameterGroupName=name,
                                              Parameters=_parameters(parameters))
    return {**{name: _arn("pg", name) for name in DB_GROUPS},
            **{name: _arn("cluster-pg", name) for name in CLUSTER_GROUPS}}


def test_parameter_groups_are_judged_by_family(moto_endpoint: str,
                                               made: dict[str, str]) -> None:
    found = {f for f in statuses(scan(moto_endpoint), made) if f[0] == RULE}
    assert found == {(RULE, "pg-open", "fail"),
                     (RULE, "pg14-defaults", "fail"),
                     (RULE, "amysql-off", "fail"),
                     (RULE, "apg16-unanswered", "unknown")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    assert made["default.postgres16"] not in resources  # AWS's own, cannot be changed
    assert made["graph"] not in resources  # Neptune's
    forced = resources[made["pg-forced"]]
    assert (forced.kind, forced.native_type) == ("aws.rds.db_parameter_group",
                                                 "AWS::RDS::DBParameterGroup")
    assert forced.attributes == {
        "name": "pg-forced", "family": "postgres14", "tags": TAG_MAP,
        "parameters": {"rds_force_ssl": "1", "log_connections": "1"}}
    cluster = resources[made["amysql-off"]]
    assert (cluster.kind, cluster.native_type) == ("aws.rds.cluster_parameter_group",
                                                   "AWS::RDS::DBClusterParameterGroup")
    assert cluster.attributes == {
        "name": "amysql-off", "family": "aurora-mysql8.0", "tags": TAG_MAP,
        "parameters": {"require_secure_transport": "OFF"}}


def test_unreadable_parameters_are_unknown(moto_endpoint: str, made: dict[str, str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "rds.DescribeDBParameters", "rds.DescribeDBClusterParameters")
    resources = read(moto_endpoint)
    assert resources[made["pg-open"]].attributes["parameters"] == Unknown(
        "access denied: DescribeDBParameters")
    found = {f for f in statuses(scan(moto_endpoint), made) if f[0] == RULE}
    # oracle passes whatever its parameters; an Aurora DB parameter group holds no TLS
    # setting (its cluster's group does)
    assert found == {(RULE, name, "unknown") for name in (
        "pg-open", "pg-forced", "pg14-defaults", "mysql-on", *CLUSTER_GROUPS)}
