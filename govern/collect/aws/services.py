"""The service readers the collector runs, by module: each may define

- `collect_region(clients, reader, account, region) -> list[Resource]`, run once per region
  (`clients(service)` gives that region's client for a service), and
- `collect_global(clients, reader, account, home) -> list[Resource]`, run once per account
  for global services (IAM settings, CloudFront), with clients of the home region.

A resource already collected (same ARN) is kept once.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from govern.model.resource import Resource

Collect = Callable[[Any, Any, str, str], list[Resource]]

MODULES = ("regional", "messaging", "databases", "edge", "platform", "launch", "ssoadmin",
           "caches", "redshift_serverless", "s3_access_points", "network_acls",
           "config_service", "vpcs", "cloudwatch_alarms", "ecs", "workspaces", "identity_pools",
           "firehose", "ssm", "emr", "glue_security", "parameter_groups", "rds_snapshots",
           "rds_global", "iam_certificates")


def _modules() -> list[tuple[str, ModuleType]]:
    return [(name, importlib.import_module(f"govern.collect.aws.{name}")) for name in MODULES]


def regional_collectors() -> list[tuple[str, Collect]]:
    """(module name, its `collect_region`) for each module that has one."""
    return [(name, m.collect_region) for name, m in _modules() if hasattr(m, "collect_region")]


def global_collectors() -> list[tuple[str, Collect]]:
    """(module name, its `collect_global`) for each module that has one."""
    return [(name, m.collect_global) for name, m in _modules() if hasattr(m, "collect_global")]
