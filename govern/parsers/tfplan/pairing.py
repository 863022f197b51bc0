"""Whether a plan JSON beside a Terraform root module is a plan of that module.

A root module beside its own plan is scanned through the plan (which knows more) and not
evaluated again from its source. Any other plan-looking file there (an empty plan, a plan of
another configuration, a stale one) must not hide the module: then both are scanned.

A plan is the module's when it plans resources and its `configuration.root_module` declares
exactly the module's resource and data blocks and module calls; a plan without its
`configuration` section when every root-level address it plans is a block of the module.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.terraform.files import read_text

if TYPE_CHECKING:
    from govern.parsers.terraform.module_loader import ModuleDef

_INSTANCE_KEY = re.compile(r"\[[^\]]*\]$")


def is_plan_of(plan_path: str, resources: Collection[str], calls: Collection[str]) -> bool:
    """Whether the plan in `plan_path` is a plan of a module declaring `resources` (local
    addresses: `aws_s3_bucket.b`, `data.aws_iam_policy_document.p`) and module `calls`."""
    document = _load(plan_path)
    if document is None:
        return False
    changes = [c for c in _dicts(document.get("resource_changes"))
               if isinstance(c.get("address"), str)]
    if not changes or not (resources or calls):
        return False
    configuration = document.get("configuration")
    root = configuration.get("root_module") if isinstance(configuration, dict) else None
    if isinstance(root, dict):
        declared = {r["address"] for r in _dicts(root.get("resources"))
                    if isinstance(r.get("address"), str)}
        module_calls = root.get("module_calls")
        called = set(module_calls) if isinstance(module_calls, dict) else set()
        return declared == set(resources) and called == set(calls)
    for change in changes:
        address: str = change["address"]
        if address.startswith("module."):
            if address.split(".", 2)[1].split("[", 1)[0] not in calls:
                return False
        elif _INSTANCE_KEY.sub("", address) not in resources:
            return False
    return True


def _load(path: str) -> dict[str, Any] | None:
    try:
        document = json.loads(read_text(path))
    except (SourceError, ValueError, RecursionError):
        return None  # the plan parser reports what is wrong with it
    return document if isinstance(document, dict) else None


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def pair_plans(plans: Sequence[str], terraform_dirs: Iterable[str],
               terraform_skip: Iterable[str]) -> tuple[dict[str, str], list[Notice]]:
    """The root module directories to scan through the plan beside them (directory ->
    plan), and a note for each plan beside Terraform files that is not a plan of them (an
    empty plan, a plan of another configuration): then both are scanned."""
    dirs = {os.path.normpath(d) for d in terraform_dirs}
    beside = [(os.path.normpath(os.path.dirname(p) or "."), p) for p in plans]
    beside = [(d, p) for d, p in beside if d in dirs]
    if not beside:
        return {}, []
    from govern.parsers.terraform.module_loader import load_module

    skip = {os.path.abspath(f) for f in terraform_skip}
    planned: dict[str, str] = {}
    notices: list[Notice] = []
    modules: dict[str, ModuleDef] = {}
    for directory, plan in beside:
        module = modules.get(directory) or modules.setdefault(
            directory, load_module(directory, skip))
        if directory not in planned and is_plan_of(plan, module.resources, module.calls):
            planned[directory] = plan
        else:
            notices.append(Notice(
                "note", f"not a plan of the Terraform configuration beside it ({directory}): "
                "both are scanned", plan, None, "a plan replaces the evaluation of its own "
                "configuration only: its configuration.root_module must declare the same "
                "resources and module calls", code="plan-not-paired"))
    return planned, notices
