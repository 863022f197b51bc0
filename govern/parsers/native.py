"""The output shape every parser shares: native resources with evaluated attributes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govern.model.finding import Notice
from govern.model.resource import Path
from govern.model.source import SourceRange


@dataclass
class NativeResource:
    """A resource as its format describes it, with evaluated values.

    - `attributes`: evaluated values (dict/list/str/int/float/bool/None/`Unknown`).
      Nested blocks are lists of dicts, as in Terraform's plan JSON
      (`versioning { enabled = true }` -> `{"versioning": [{"enabled": True}]}`).
    - `locations`: source range of each attribute/block path that was written,
      e.g. `("versioning", 0, "enabled")`.
    - `references`: full addresses of the resources this one's expressions refer to.
    - `provider`: evaluated attributes of the provider configuration that applies to
      this resource (Terraform: after following aliases and module `providers` maps),
      e.g. `{"region": "us-east-1", "default_tags": [{"tags": {...}}]}`; `None` if no
      provider block was written.
    - `actions`: plan JSON only: the planned change (`("create",)`, `("delete", "create")`,
      `("no-op",)`, ...), which adapters expose as the canonical `change.actions`.
    """

    format: str  # "terraform", "cloudformation", "arm", "tfplan"
    native_type: str  # "aws_s3_bucket", "AWS::S3::Bucket", ...
    address: str  # "module.net.aws_s3_bucket.logs[0]"
    range: SourceRange
    attributes: dict[str, Any] = field(default_factory=dict)
    locations: dict[Path, SourceRange] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)
    mode: str = "managed"  # or "data"
    provider: dict[str, Any] | None = None
    provider_range: SourceRange | None = None
    module: str = ""  # "module.net" ("" for the root module)
    root: str = ""  # the scanned directory or file this came from (groups a deployment)
    actions: tuple[str, ...] = ()  # plan JSON: the planned change; () for configurations


@dataclass
class ParseResult:
    resources: list[NativeResource] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # files read
