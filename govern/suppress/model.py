"""What every source of suppressions produces, and what it covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from govern.model.source import SourceRange

Scope = Literal["line", "inside", "module-any", "resource", "block", "span", "file"]


@dataclass(frozen=True)
class SuppressionRule:
    """One accepted risk, as written.

    Coverage: an inline suppression names `file` and `line` (the line it applies to: the
    resource block's first line when written above the resource, or the offending line); it
    covers a finding of one of `rule_ids` whose location contains that line or whose
    resource starts on it (a comment above one attribute does not cover the whole
    resource). `scope` narrows or widens that for other tools' placements (see
    `apply.covers`): "inside" (a comment anywhere strictly inside the resource block:
    Checkov in Terraform), "module-any" (every resource of the module call
    `address_pattern`, `module.NAME`, made in the module holding `file`, root or child,
    every instance of that module not under a call with count or for_each: a Checkov skip
    inside the `module` block, a tfsec/Trivy ignore above it),
    "resource" (the resource starting on `line`: Checkov in
    CloudFormation and ARM), "block" (the block or attribute from `line` to `end_line`:
    findings located in it, or the resource starting on `line`: tfsec and Trivy), "span"
    (findings located from `line` to `end_line`: KICS `ignore-line` / `ignore-block`) and
    "file" (every finding in `file`: KICS `kics-scan ignore` / `disable=` / `enable=`).
    A waiver covers findings whose resource address matches `address_pattern` and/or whose
    file matches `path_pattern` (fnmatch, relative to the report root).
    """

    rule_ids: frozenset[str]  # govern rule ids (other tools' ids mapped through equivalents)
    source: str  # "govern", "checkov", "tfsec", "trivy", "kics", "waiver"
    kind: Literal["inSource", "external"]
    reason: str
    written_at: SourceRange | None
    until: date | None = None
    file: str | None = None
    line: int | None = None
    address_pattern: str | None = None
    path_pattern: str | None = None
    owner: str | None = None
    scope: Scope = "line"  # how an inline suppression covers (see above)
    end_line: int | None = None  # the last line of a "block" or "span"
