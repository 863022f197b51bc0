"""GOV-AWS-218..220 on a live account (moto): DocumentDB cluster parameter groups (the RDS
API, families `docdb*`) and Redshift cluster parameter groups, judged on the parameters
they answer with, the engine's defaults included."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls, on_every_client
from tests.collect.live_scan import read, scan, statuses

TAG_MAP = {t["Key"]: t["Value"] for t in world.TAGS}
RULES = ("GOV-AWS-218", "GOV-AWS-219", "GOV-AWS-220")
DOCDB_GROUPS: dict[str, dict[str, str]] = {
    "docdb-open": {"tls": "disabled"},
    "docdb-audited": {"tls": "enabled", "audit_logs": "ddl,dml_write"},
    "docdb-defaults": {},
}
# what AWS answers for these Redshift groups (moto answers every group with the defaults)
REDSHIFT_SSL = {"warehouse-ssl": "true", "warehouse-plain": "false"}


def _docdb_arn(name: str) -> str:
    return f"arn:aws:rds:{REGION}:{ACCOUNT}:cluster-pg:{name}"


def _redshift_arn(name: str) -> str:
    return f"arn:aws:redshift:{REGION}:{ACCOUNT}:parametergroup:{name}"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    rds = client(moto_endpoint, "rds")
    for name, parameters in DOCDB_GROUPS.items():
        rds.create_db_cluster_parameter_group(
            DBClusterParameterGroupName=name, DBParameterGroupFamily="docdb5.0",
            Description=name, Tags=world.TAGS)
        if parameters:
            rds.modify_db_cluster_parameter_group(
                DBClusterParameterGroupName=name, Parameters=[
                    {"ParameterName": key, "ParameterValue": value,
                     "ApplyMethod": "pending-reboot"} for key, value in parameters.items()])
    # an Aurora group is not DocumentDB's (it is read as an RDS DB cluster parameter group)
    rds.create_db_cluster_parameter_group(
        DBClusterParameterGroupName="aurora", DBParameterGroupFamily="aurora-mysql8.0",
        Description="aurora")
    redshift = client(moto_endpoint, "redshift")
    for name in REDSHIFT_SSL:
        redshift.create_cluster_parameter_group(
            ParameterGroupName=name, ParameterGroupFamily="redshift-1.0",
            Description=name, Tags=world.TAGS)
    return {**{name: _docdb_arn(name) for name in DOCDB_GROUPS},
            **{name: _redshift_arn(name) for name in REDSHIFT_SSL},
            "aurora": _docdb_arn("aurora")}


def _require_ssl(parsed: dict[str, Any], **kwargs: Any) -> None:
    """Answers `require_ssl` as AWS would after ModifyClusterParameterGroup (which moto
    lacks)."""
    name = kwargs["context"].get("group_name")
    for parameter in parsed.get("Parameters", []):
        if parameter["ParameterName"] == "require_ssl" and name in REDSHIFT_SSL:
            parameter["ParameterValue"] = REDSHIFT_SSL[name]


def _remember_group(params: dict[str, Any], context: dict[str, Any], **_: Any) -> None:
    context["group_name"] = params.get("ParameterGroupName")


@pytest.fixture()
def redshift_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {
        "provide-client-params.redshift.DescribeClusterParameters": _remember_group,
        "after-call.redshift.DescribeClusterParameters": _require_ssl})


def test_parameter_groups_are_judged_on_their_parameters(
        moto_endpoint: str, made: dict[str, str], redshift_answers: None) -> None:
    found = {f for f in statuses(scan(moto_endpoint), made) if f[0] in RULES}
    assert found == {("GOV-AWS-218", "docdb-open", "fail"),
                     ("GOV-AWS-219", "docdb-open", "fail"),
                     ("GOV-AWS-219", "docdb-defaults", "fail"),
                     ("GOV-AWS-220", "warehouse-plain", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str],
                          redshift_answers: None) -> None:
    resources = read(moto_endpoint)
    assert resources[made["aurora"]].kind == "aws.rds.cluster_parameter_group"
    audited = resources[made["docdb-audited"]]
    assert (audited.kind, audited.native_type) == (
        "aws.docdb.cluster_parameter_group", "AWS::DocDB::DBClusterParameterGroup")
    assert audited.attributes == {
        "name": "docdb-audited", "family": "docdb5.0", "tags": TAG_MAP,
        "parameters": {"tls": "enabled", "audit_logs": "ddl,dml_write"}}
    warehouse = resources[made["warehouse-ssl"]]
    assert warehouse.kind == "aws.redshift.parameter_group"
    assert warehouse.attributes["parameters"]["require_ssl"] == "true"
    assert warehouse.attributes["tags"] == TAG_MAP


def test_unreadable_parameters_are_unknown(moto_endpoint: str, made: dict[str, str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "rds.DescribeDBClusterParameters",
               "redshift.DescribeClusterParameters")
    resources = read(moto_endpoint)
    assert resources[made["docdb-open"]].attributes["parameters"] == Unknown(
        "access denied: DescribeDBClusterParameters")
    found = {f for f in statuses(scan(moto_endpoint), made) if f[0] in RULES}
    assert found == {
        *{(rule, name, "unknown") for rule in ("GOV-AWS-218", "GOV-AWS-219")
          for name in DOCDB_GROUPS},
        *{("GOV-AWS-220", name, "unknown") for name in REDSHIFT_SSL}}
