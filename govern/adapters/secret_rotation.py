"""Secrets Manager rotation, shared by the Terraform and CloudFormation adapters and the
live reader: the setup of a secret outside the scanned code (named by the rotation's
`secret_id` / `SecretId`), and the interval of a rotation schedule in hours."""

from __future__ import annotations

import re
from typing import Any

from govern.adapters.building import clear, set_at, where
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_RATE = re.compile(r"^rate\(\s*(\d+)\s+(hours?|days?)\s*\)$")
CRON = "the longest interval of a cron schedule is not computed"


def name_unless_arn(secret: Resource, value: Any) -> None:
    """The setup of a secret outside the configuration: named by a literal name (the
    value may also be the secret's ARN, which is no name)."""
    if isinstance(value, str) and value and not value.startswith("arn:"):
        secret.set(("name",), value)


def rotation_hours(days: Any, expression: Any) -> Any:
    """The hours between two rotations: a `rate(N days)` / `rate(N hours)` schedule
    expression when written, else `AutomaticallyAfterDays` times 24. Unknown for a
    `cron(...)` expression, a value not known, or neither written."""
    if expression is not MISSING and expression is not None and expression != "":
        if isinstance(expression, Unknown):
            return expression
        if not isinstance(expression, str):
            return Unknown("the schedule expression is not a string")
        found = _RATE.match(expression.strip())
        if found is None:
            return Unknown(CRON if expression.strip().startswith("cron(")
                           else f"not a rate expression: {expression}")
        count = int(found.group(1))
        return count if found.group(2).startswith("hour") else count * 24
    if days is MISSING or days is None:
        return Unknown("the rotation rules give no interval")
    if isinstance(days, Unknown):
        return days
    if isinstance(days, bool) or not isinstance(days, (int, float, str)):
        return Unknown("the rotation interval is not a number")
    try:
        return int(days) * 24
    except ValueError:
        return Unknown("the rotation interval is not a number")


def set_rotation(secret: Resource, native: NativeResource, rules: str, days: str,
                 expression: str) -> None:
    """The rotation `native` schedules, on the secret it was folded into: rotation on, and
    its interval from the native paths of the days and of the schedule expression (under
    `rules`, where both are located)."""
    clear(secret, "rotation_enabled")
    set_at(secret, "rotation_enabled", True, where(native, (), True))
    clear(secret, "rotation_interval_hours")
    set_at(secret, "rotation_interval_hours",
           rotation_hours(value_at(native, days), value_at(native, expression)),
           where(native, rules, True))
