"""The baseline: the findings that existed when govern was adopted (docs/baseline.md).

`govern baseline create` writes them; `govern scan --baseline FILE` leaves them out of the
report and the gate, and reports the entries no longer found as fixed. Findings are matched
by fingerprint (rule id, format, context, file, address, attribute path: no line numbers).

```json
{
  "version": 1,
  "tool": "govern",
  "findings": [
    {"fingerprint": "3f1c...", "rule_id": "GOV-AWS-001", "address": "aws_s3_bucket.logs",
     "file": "main.tf", "message": "S3 bucket has no default server-side encryption"}
  ]
}
```

Entries are sorted (file, rule id, address, fingerprint); only `fingerprint` is read back,
the rest is for people reviewing the file. Output is byte-stable (no dates). A baseline is
read as a user file (`govern.user_files`: no FIFOs or devices, at most 64 MiB, nesting and
integers bounded); any problem with it is a usage error (exit 2).
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from govern.errors import UsageError
from govern.model.baseline import BaselineEntry, BaselineSummary
from govern.model.finding import Finding
from govern.report.paths import display_path
from govern.user_files import JsonLimitError, UserFileError, load_json, read_user_text

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".govern-baseline.json"
ENTRY_KEYS = ("fingerprint", "rule_id", "address", "file", "message")


@dataclass(frozen=True)
class Baseline:
    file: str
    entries: tuple[BaselineEntry, ...]


@dataclass(frozen=True)
class BaselineMatch:
    """The findings not in the baseline, how many were, and the entries not found."""

    findings: tuple[Finding, ...]
    matched: int
    fixed: tuple[BaselineEntry, ...]


def entries_of(findings: Iterable[Finding], root: str) -> tuple[BaselineEntry, ...]:
    """One entry per distinct fingerprint of the unsuppressed findings, sorted."""
    chosen: dict[str, BaselineEntry] = {}
    for finding in findings:
        if finding.suppression is not None or finding.fingerprint in chosen:
            continue
        loc = finding.location or finding.resource_range
        chosen[finding.fingerprint] = BaselineEntry(
            file=display_path(loc.file, root) if loc else "", rule_id=finding.rule_id,
            address=finding.resource_address, fingerprint=finding.fingerprint,
            message=finding.message)
    return tuple(sorted(chosen.values()))


def render_baseline(entries: Sequence[BaselineEntry]) -> str:
    doc = {"version": BASELINE_VERSION, "tool": "govern",
           "findings": [e.to_json() for e in sorted(entries)]}
    return json.dumps(doc, indent=2, ensure_ascii=True) + "\n"


def write_baseline(path: str, entries: Sequence[BaselineEntry]) -> None:
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(render_baseline(entries))
    except OSError as exc:
        raise UsageError(f"cannot write the baseline {path}: {exc.strerror}") from None


def load_baseline(path: str) -> Baseline:
    """Read a baseline file. Raises UsageError (exit 2) when it is missing or invalid."""
    hint = "create it with `govern baseline create`"
    try:
        text = read_user_text(path)
    except UserFileError as exc:
        if exc.missing:
            raise UsageError(f"baseline {path}: file not found ({hint})") from None
        raise UsageError(f"baseline {path}: cannot be read: {exc.reason}") from None
    try:
        doc = load_json(text)
    except JsonLimitError as exc:
        raise UsageError(f"baseline {path}{exc.where}: {exc.reason} ({hint})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list):
        raise UsageError(f"baseline {path}: not a govern baseline (expected an object with "
                         f"'version' and 'findings'; {hint})")
    if doc.get("version") != BASELINE_VERSION:
        raise UsageError(f"baseline {path}: unsupported version {doc.get('version')!r} "
                         f"(this govern reads version {BASELINE_VERSION}; {hint})")
    entries: list[BaselineEntry] = []
    for index, item in enumerate(doc["findings"]):
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str) or (
                not item["fingerprint"]):
            raise UsageError(f"baseline {path}: findings[{index}] has no fingerprint ({hint})")
        entries.append(BaselineEntry(
            file=str(item.get("file", "")), rule_id=str(item.get("rule_id", "")),
            address=str(item.get("address", "")), fingerprint=item["fingerprint"],
            message=str(item.get("message", ""))))
    return Baseline(file=path, entries=tuple(sorted(entries)))


def match_baseline(findings: Sequence[Finding], baseline: Baseline) -> BaselineMatch:
    """Leave out the findings whose fingerprint is in the baseline (suppressed or not);
    entries that no finding has are fixed."""
    known = {e.fingerprint for e in baseline.entries}
    kept = tuple(f for f in findings if f.fingerprint not in known)
    seen = {f.fingerprint for f in findings}
    fixed = tuple(e for e in baseline.entries if e.fingerprint not in seen)
    return BaselineMatch(findings=kept, matched=len(findings) - len(kept), fixed=fixed)


def summary_for(matched: BaselineMatch, baseline: Baseline, root: str,
                scanned: Sequence[str], changed: Collection[str] | None = None
                ) -> BaselineSummary:
    """What the report says about the baseline. An entry counts as fixed only when its file
    was looked at: inside a scanned path, and a changed file when only changes are reported
    (an entry for a file outside the scan is not fixed, just not scanned)."""
    from govern.suppress.changes import key

    targets = [key(p) for p in scanned]

    def looked_at(entry: BaselineEntry) -> bool:
        path = key(os.path.join(root, entry.file))
        if changed is not None:
            return path in changed
        return any(path == t or path.startswith(t.rstrip(os.sep) + os.sep) for t in targets)

    return BaselineSummary(file=display_path(baseline.file, root), matched=matched.matched,
                           fixed=tuple(e for e in matched.fixed if looked_at(e)))
