"""Database parameter groups' parameters as canonical `parameters` map entries, shared by
the Terraform and CloudFormation adapters and the live reader.

A parameter's name becomes its key with spaces and dots replaced by `_` (RDS for
PostgreSQL's `rds.force_ssl` -> `rds_force_ssl`, SQL Server's `max degree of
parallelism` -> `max_degree_of_parallelism`), as rule paths are dotted; its value is the
string the API holds."""

from __future__ import annotations

import re
from typing import Any

_KEY = re.compile(r"[\s.]+")


def parameter_key(name: str) -> str:
    """The key of parameter `name` in the `parameters` map."""
    return _KEY.sub("_", name.strip())


def parameter_value(value: Any) -> Any:
    """A parameter's value as the API holds it, a string (`true` for a boolean written
    unquoted)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return value
