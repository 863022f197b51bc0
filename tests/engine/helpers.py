"""Helpers for engine tests: rule files written on the fly, resources built by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govern.engine.condition_compiler import compile_condition
from govern.engine.conditions import Condition, EvalContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.resource import Resource
from govern.model.source import SourceRange

# Line numbers matter: tests assert `file:line` in error messages.
RULE = """\
id: GOV-AWS-001
slug: s3-bucket-without-encryption
title: S3 bucket without default encryption at rest
severity: high
category: encryption
precision: high
kinds: [aws.s3.bucket]
check:
  attr: encryption.enabled
  op: is_true
message: S3 bucket has no default server-side encryption
rationale: Unencrypted objects can be read by anyone who gets the disks or a copy.
remediation: Enable default encryption with SSE-S3 or SSE-KMS.
examples:
  terraform:
    bad: |
      resource "aws_s3_bucket" "bad" {}
    good: |
      resource "aws_s3_bucket" "good" {}
equivalents:
  checkov: [CKV_AWS_19]
  trivy: [AVD-AWS-0088]
  kics: []
"""

CHECK = """\
check:
  attr: encryption.enabled
  op: is_true
"""


def rule_text(check: str | None = None, **replace: str) -> str:
    """RULE with its check block replaced (`check` is YAML starting with `check:`) and
    `key=value` top-level lines replaced (`severity="low"`)."""
    text = RULE if check is None else RULE.replace(CHECK, check)
    for key, value in replace.items():
        old = next(line for line in RULE.splitlines() if line.startswith(f"{key}:"))
        text = text.replace(old + "\n", f"{key}: {value}\n" if value else "")
    return text


def write_rule(directory: Path, text: str, name: str | None = None) -> Path:
    """Write a rule file named after its slug (or `name`)."""
    if name is None:
        slug = next(line for line in text.splitlines() if line.startswith("slug:"))
        name = slug.split(":", 1)[1].strip() + ".yaml"
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def condition(raw: Any, parameters: dict[str, Any] | None = None) -> Condition:
    """Compile a condition that must be valid, bound to its parameter defaults."""
    compiled, problems = compile_condition(raw, ("check",), parameters or {})
    assert problems == []
    return compiled.bind(parameters or {})


def resource(attributes: dict[str, Any], address: str = "aws_s3_bucket.b",
             kind: str = "aws.s3.bucket", file: str = "main.tf", start: int = 1,
             end: int = 9, **extra: Any) -> Resource:
    return Resource(id=f"terraform:.:{address}", kind=kind, address=address,
                    source_format="terraform", native_type=address.split(".")[0],
                    range=SourceRange(file, start, end), attributes=attributes, **extra)


def run(check: Condition, res: Resource, graph: ResourceGraph | None = None) -> Verdict:
    graph = graph if graph is not None else ResourceGraph([res])
    return check.evaluate(EvalContext(graph, res), ())


__all__ = ["RULE", "condition", "resource", "rule_text", "run", "write_rule"]
