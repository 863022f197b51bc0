"""Checkov's suppressions, where Checkov reads them (checked against Checkov 3.3's code
and by running it: see docs/suppressions.md).

- Terraform: `checkov:skip=ID[,ID...][:REASON]` on any line strictly inside the block
  (after the `resource` line, before the closing line); it covers the whole resource. Not
  above the block, not on its first or last line. Inside a `module` block it covers every
  resource of that module call, nested module calls included, whether the block is in a
  root module or in a child module (every instance of it): Checkov pushes the skip down
  (`Runner.push_skipped_checks_down_from_modules`, checkov/terraform/runner.py). Under a
  call with count or for_each above that module Checkov skips the first instance only;
  govern none (`apply`: scope "module-any").
- CloudFormation YAML: a comment from the logical-id line to the resource's last line
  (not above the logical id, not in comment lines after its last line); one id per
  comment (Checkov compares `A,B` as one id).
- CloudFormation `Metadata.checkov.skip` / `Metadata.bridgecrew.skip`: `[{id, comment}]`.
- ARM: `"metadata": {"checkov": ["checkov:skip=ID:REASON", ...]}` (a list or one string).

`bridgecrew:skip=` and `cortex:skip=` are read like `checkov:skip=`. Checkov does not
require a reason; govern does (a skip without one is reported and does not suppress).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from govern.model.source import SourceRange
from govern.suppress.comments import Comment
from govern.suppress.found import Found, IdMap, InvalidSuppression
from govern.suppress.model import Scope, SuppressionRule

# Checkov's own pattern (checkov/common/comment/enum.py)
SKIP = re.compile(r"(checkov:skip=|bridgecrew:skip=|cortex:skip=) *"
                  r"([A-Za-z_\d-]+(?:,[A-Za-z_\d-]+)*)?(:[^\n]*)?")
_BLOCK_START = re.compile(r"\s*(resource|data|module)\s")
MARKERS = ("checkov", "bridgecrew", "cortex:skip=")


def _skip(text: str) -> tuple[str, list[str], str] | None:
    """(as written, ids, reason) of the first skip in `text`."""
    match = SKIP.search(text)
    if match is None or not match.group(2):
        return None
    reason = match.group(3)[1:].strip() if match.group(3) else ""
    return match.group(1) + match.group(2), match.group(2).split(","), reason


def _rule(path: str, written: int, line: int, scope: Scope, rule_ids: frozenset[str],
          reason: str) -> SuppressionRule:
    return SuppressionRule(rule_ids=rule_ids, source="checkov", kind="inSource",
                           reason=reason, written_at=SourceRange(path, written, written),
                           file=path, line=line, scope=scope)


def _no_reason(written: str, path: str, line: int) -> InvalidSuppression:
    return InvalidSuppression(f"{written} has no reason (write {written}:REASON)", path, line)


def from_terraform(path: str, comment: Comment, lines: Sequence[str],
                   modules: Sequence[tuple[str, int, int]], ids: IdMap, found: Found
                   ) -> bool:
    """Read a Terraform comment (`modules`: the file's `comments.module_calls`); False
    when it holds no Checkov skip."""
    skip = _skip(comment.text)
    if skip is None:
        return False
    written, names, reason = skip
    mapped = ids.map("checkov", names)
    if not mapped:
        return True  # for Checkov only
    own = lines[comment.line - 1] if comment.line <= len(lines) else ""
    below = lines[comment.target - 1] if comment.target <= len(lines) else ""
    if comment.trailing and _BLOCK_START.match(own):
        where = "is on the block's first line"
    elif not comment.trailing and _BLOCK_START.match(below):
        where = "is above the block"
    else:
        where = ""
    if where:
        found.invalid.append(InvalidSuppression(
            f"{written} {where}: Checkov reads a skip only inside the block, between its "
            f"first and last line; move it inside", path, comment.line))
    elif not reason:
        found.invalid.append(_no_reason(written, path, comment.line))
    else:
        call = next((name for name, first, last in modules
                     if first < comment.line < last), None)
        if call is None:
            found.rules.append(_rule(path, comment.line, comment.line, "inside", mapped,
                                     reason))
        else:  # Checkov pushes it down to every resource of the module (and its modules)
            found.rules.append(replace(
                _rule(path, comment.line, comment.line, "module-any", mapped, reason),
                address_pattern=f"module.{call}"))
    return True


def from_cloudformation(path: str, comment: Comment, spans: Sequence[tuple[int, int]],
                        ids: IdMap, found: Found) -> bool:
    """Read a CloudFormation YAML comment; `spans` are the resources' (logical-id line,
    last line). False when it holds no Checkov skip."""
    skip = _skip(comment.text)
    if skip is None:
        return False
    written, names, reason = skip
    mapped = ids.map("checkov", names)
    if not mapped:
        return True
    start = next((first for first, last in spans if first <= comment.line <= last), None)
    if start is None:
        found.invalid.append(InvalidSuppression(
            f"{written} is outside any resource: Checkov reads a skip only from the "
            f"logical-id line to the resource's last line; move it there", path,
            comment.line))
    elif len(names) > 1:
        found.invalid.append(InvalidSuppression(
            f"{written} names several ids: in CloudFormation Checkov reads one id per "
            f"comment; write one comment per id", path, comment.line))
    elif not reason:
        found.invalid.append(_no_reason(written, path, comment.line))
    else:
        found.rules.append(_rule(path, comment.line, start, "resource", mapped, reason))
    return True


def from_metadata_entry(path: str, resource_line: int, written: int, entry: Any,
                        ids: IdMap, found: Found) -> None:
    """One `{id, comment}` of a CloudFormation resource's `Metadata.checkov.skip`."""
    fields = entry if isinstance(entry, dict) else {}
    raw_id = fields.get("id")
    if not isinstance(raw_id, str) or not raw_id.strip():
        found.invalid.append(InvalidSuppression(
            "checkov suppression in metadata has no id (write {id: CKV_..., comment: ...})",
            path, written))
        return
    mapped = ids.map("checkov", [raw_id.strip()])
    if not mapped:
        return  # for Checkov only (Checkov compares the id as written: one id per entry)
    reason = str(fields.get("comment") or "").strip()
    if not reason:
        found.invalid.append(InvalidSuppression(
            f"checkov suppression in metadata for {raw_id.strip()} has no reason "
            f"(add comment)", path, written))
        return
    found.rules.append(_rule(path, written, resource_line, "resource", mapped, reason))


def from_arm_metadata(path: str, resource_line: int, entries: Sequence[tuple[int, Any]],
                      ids: IdMap, found: Found) -> None:
    """The strings of an ARM resource's `metadata.checkov` (line, value)."""
    for written, value in entries:
        if not isinstance(value, str):
            continue  # Checkov documents strings only
        skip = _skip(value)
        if skip is None:
            continue
        text, names, reason = skip
        mapped = ids.map("checkov", names)
        if not mapped:
            continue
        if len(names) > 1:
            found.invalid.append(InvalidSuppression(
                f"{text} names several ids: in ARM metadata Checkov reads one id per "
                f"entry; write one entry per id", path, written))
        elif not reason:
            found.invalid.append(_no_reason(text, path, written))
        else:
            found.rules.append(_rule(path, written, resource_line, "resource", mapped, reason))
