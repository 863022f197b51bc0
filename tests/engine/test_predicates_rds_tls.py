"""rds_parameter_group_requires_tls: each engine family's TLS parameter and its default."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

U = Unknown("var.x is not known")
CLUSTER = "aws.rds.cluster_parameter_group"
DB = "aws.rds.db_parameter_group"


def judge(family: Any, parameters: Any = None, kind: str = CLUSTER) -> Verdict:
    value = {"family": family, "parameters": {} if parameters is None else parameters}
    ctx = PredicateContext(resource(value, kind=kind), ResourceGraph())
    return PREDICATES["rds_parameter_group_requires_tls"](value, {}, ctx)


FORCE = ("parameters", "rds_force_ssl")
SECURE = ("parameters", "require_secure_transport")


@pytest.mark.parametrize(("family", "parameters", "expected"), [
    # rds.force_ssl, and its default by version
    ("postgres16", {"rds_force_ssl": "1"}, Verdict("pass")),
    ("postgres16", {"rds_force_ssl": "0"}, Verdict("fail", FORCE, "rds.force_ssl is 0")),
    ("postgres15", {}, Verdict("pass")),
    ("postgres14", {}, Verdict(
        "fail", FORCE, "rds.force_ssl not set (off by default for postgres14)")),
    ("postgres9.6", {}, Verdict(
        "fail", FORCE, "rds.force_ssl not set (off by default for postgres9.6)")),
    ("aurora-postgresql13", {}, Verdict(
        "fail", FORCE, "rds.force_ssl not set (off by default for aurora-postgresql13)")),
    ("aurora-postgresql16", {}, Verdict(
        "unknown", FORCE, "rds.force_ssl is not set and govern does not know its default "
                          "for aurora-postgresql16; set it explicitly")),
    ("sqlserver-ee-16.0", {}, Verdict(
        "fail", FORCE, "rds.force_ssl not set (off by default for sqlserver-ee-16.0)")),
    ("postgres16", {"rds_force_ssl": "on"}, Verdict(
        "unknown", FORCE, "rds.force_ssl is 'on'; set it to 1")),
    # require_secure_transport
    ("mysql8.0", {"require_secure_transport": "ON"}, Verdict("pass")),
    ("mysql8.0", {"require_secure_transport": "off"}, Verdict(
        "fail", SECURE, "require_secure_transport is off")),
    ("mysql5.7", {}, Verdict(
        "fail", SECURE, "require_secure_transport not set (off by default for mysql5.7)")),
    ("mariadb10.11", {}, Verdict(
        "fail", SECURE, "require_secure_transport not set (off by default for mariadb10.11)")),
    ("mysql8.4", {}, Verdict(
        "unknown", SECURE, "require_secure_transport is not set and govern does not know "
                           "its default for mysql8.4; set it explicitly")),
    ("aurora-mysql8.0", {"require_secure_transport": "1"}, Verdict("pass")),
    # db2comm
    ("db2-se-11.5", {"db2comm": "SSL"}, Verdict("pass")),
    ("db2-se-11.5", {"db2comm": "TCPIP,SSL"}, Verdict(
        "fail", ("parameters", "db2comm"), "db2comm is TCPIP,SSL")),
    # no such parameter, and what govern does not know
    ("oracle-ee-19", {}, Verdict("pass")),
    ("custom-sqlserver-ee-15.0", {}, Verdict("pass")),
    ("neptune1", {}, Verdict("unknown", ("family",), "govern does not know how the "
                             "neptune1 family requires TLS; check its engine's documentation")),
    (U, {}, Verdict("unknown", ("family",), "family: var.x is not known")),
    ("postgres14", U, Verdict("unknown", ("parameters",), "parameters: var.x is not known")),
    ("postgres14", {"rds_force_ssl": U}, Verdict(
        "unknown", FORCE, "rds.force_ssl: var.x is not known")),
])
def test_families(family: Any, parameters: Any, expected: Verdict) -> None:
    assert judge(family, parameters) == expected


def test_an_aurora_db_parameter_group_leaves_tls_to_the_cluster_group() -> None:
    assert judge("aurora-postgresql14", {}, kind=DB) == Verdict("pass")
    assert judge("aurora-postgresql14", {}) == Verdict(
        "fail", FORCE, "rds.force_ssl not set (off by default for aurora-postgresql14)")
