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
import re
from collections.abc import Collection
from typing import Any

from govern.errors import SourceError
from govern.parsers.terraform.files import read_text

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
