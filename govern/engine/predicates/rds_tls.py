"""Does an RDS or Aurora parameter group make its databases refuse connections without TLS?

Each engine family has its own parameter for it, and its own value when the group does
not set it (the engine default):

- `postgres15` and later: `rds.force_ssl` `1`; not set: on (RDS for PostgreSQL 15+).
- `postgres9.6` to `postgres14`, `aurora-postgresql9` to `14`, `sqlserver-*`:
  `rds.force_ssl` `1`; not set: off.
- `aurora-postgresql15` and later: `rds.force_ssl` `1`; not set: unknown (govern does
  not know the default).
- `mysql5.x`, `mysql8.0`, `mariadb10.x`: `require_secure_transport` `1`/`ON`; not set:
  off (MySQL 5.6 and MariaDB before 10.5 lack the parameter: plain connections).
- `mysql8.4` and later, `mariadb11` and later, `aurora-mysql*`: `require_secure_transport`
  `1`/`ON`; not set: unknown.
- `db2-*`: `db2comm` `SSL` alone; not set: unknown.
- `oracle-*`, `custom-*`: no such parameter (TLS is an option group's or the host's
  setting): pass.

An Aurora family on a DB (instance-level) parameter group passes: Aurora reads these
parameters only from the cluster parameter group, which is judged on its own. Another
family (`neptune1`, a typo) is unknown. Parameter names are the canonical keys
(`rds_force_ssl`: `govern/adapters/db_parameters.py`); a value that is none of the
engine's words is unknown, with the reason saying what to set.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown

DB_GROUP = "aws.rds.db_parameter_group"
_FORCE_SSL = ("rds_force_ssl", "rds.force_ssl")
_SECURE_TRANSPORT = ("require_secure_transport", "require_secure_transport")
_DB2COMM = ("db2comm", "db2comm")
_ON, _OFF, _NOT_KNOWN = "on", "off", "not known"
# (family pattern, parameter, default when not set), first match wins
_FAMILIES: tuple[tuple[re.Pattern[str], tuple[str, str], str], ...] = tuple(
    (re.compile(pattern), parameter, default) for pattern, parameter, default in (
        (r"postgres(1[5-9]|[2-9][0-9]|[1-9][0-9]{2,})(\.|$)", _FORCE_SSL, _ON),
        (r"postgres([0-9]|1[0-4])(\.|$)", _FORCE_SSL, _OFF),
        (r"aurora-postgresql([0-9]|1[0-4])(\.|$)", _FORCE_SSL, _OFF),
        (r"aurora-postgresql[0-9]", _FORCE_SSL, _NOT_KNOWN),
        (r"sqlserver-", _FORCE_SSL, _OFF),
        (r"(mysql5\.[0-9]+|mysql8\.0|mariadb10\.[0-9]+)$", _SECURE_TRANSPORT, _OFF),
        (r"(mysql|mariadb|aurora-mysql)[0-9]", _SECURE_TRANSPORT, _NOT_KNOWN),
        (r"db2-", _DB2COMM, _NOT_KNOWN),
    ))
_ELSEWHERE = re.compile(r"(oracle|custom)-")


def rds_parameter_group_requires_tls(value: Any, args: Mapping[str, Any],
                                     ctx: PredicateContext) -> Verdict:
    """The RDS or Aurora parameter group requires TLS for its databases' connections, by
    engine family (list in the module doc).

    `value` is a whole `aws.rds.db_parameter_group` or `aws.rds.cluster_parameter_group`.
    Fails when the family's parameter says plain connections are accepted (`rds.force_ssl`
    `0`, `require_secure_transport` `0`/`OFF`, `db2comm` naming `TCPIP`), or when it is not
    set and the family's default accepts them. Detail: `rds.force_ssl is 0` or
    `rds.force_ssl not set (off by default for postgres14)`; the path is the parameter.
    """
    if not isinstance(value, Mapping):
        return unknown((), "not a parameter group")
    family = value.get("family")
    if isinstance(family, Unknown):
        return unknown(("family",), f"family: {family.reason}")
    if not isinstance(family, str):
        return unknown(("family",), "the group's family is not known")
    family = family.strip().lower()
    if family.startswith("aurora") and ctx.resource.kind == DB_GROUP:
        return passed()  # Aurora reads TLS settings from the cluster parameter group
    if _ELSEWHERE.match(family):
        return passed()
    found = next(((parameter, default) for pattern, parameter, default in _FAMILIES
                  if pattern.match(family)), None)
    if found is None:
        return unknown(("family",), f"govern does not know how the {family} family "
                                    f"requires TLS; check its engine's documentation")
    (key, name), default = found
    parameters = value.get("parameters")
    if isinstance(parameters, Unknown):
        return unknown(("parameters",), f"parameters: {parameters.reason}")
    setting = parameters.get(key) if isinstance(parameters, Mapping) else None
    path = ("parameters", key)
    if setting is None:
        if default == _ON:
            return passed()
        if default == _OFF:
            return failed(path, f"{name} not set (off by default for {family})")
        return unknown(path, f"{name} is not set and govern does not know its default for "
                             f"{family}; set it explicitly")
    if isinstance(setting, Unknown):
        return unknown(path, f"{name}: {setting.reason}")
    return _judge(name, str(setting).strip(), path)


def _judge(name: str, setting: str, path: tuple[str, str]) -> Verdict:
    word = setting.lower()
    if name == "db2comm":
        protocols = {p.strip() for p in re.split(r"[,\s]+", word) if p.strip()}
        if protocols == {"ssl"}:
            return passed()
        if "tcpip" in protocols:
            return failed(path, f"db2comm is {setting}")
        return unknown(path, f"db2comm is {setting!r}; set it to SSL")
    on, off = (("1",), ("0",)) if name == "rds.force_ssl" else (("1", "on"), ("0", "off"))
    if word in on:
        return passed()
    if word in off:
        return failed(path, f"{name} is {setting}")
    return unknown(path, f"{name} is {setting!r}; set it to 1")


PREDICATES = (declare(rds_parameter_group_requires_tls),)
