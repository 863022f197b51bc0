"""KICS's commands in comments (`# kics-scan ...`), as KICS reads them.

- File commands, in the comment lines at the top of the file (before the first line of
  code; blank lines allowed), written with `#`: `kics-scan ignore` (skip the file),
  `kics-scan disable=ID,ID` (not these queries in this file), `kics-scan enable=ID,ID`
  (only these queries in this file: the rules with a KICS equivalent not listed are
  suppressed; rules with no KICS equivalent are not). IDs are KICS query UUIDs (any case),
  mapped through the rules' `equivalents.kics`.
- `kics-scan ignore-line`: the line right below the comment; `kics-scan ignore-block`: the
  block (or attribute) that starts on the line right below, to its end. Written alone on
  their line (not at the end of a line of code).

Terraform and YAML (CloudFormation); JSON has no comments. KICS suppressions carry no
reason and no expiry, and are not reported as unused (they may be there for KICS only).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from govern.model.source import SourceRange
from govern.suppress.comments import Comment
from govern.suppress.found import ALL_RULES, Found, IdMap, InvalidSuppression
from govern.suppress.model import Scope, SuppressionRule

_LINE = re.compile(r"(?<![\w-])kics-scan\s+(?P<what>ignore-line|ignore-block)(?![\w-])")
MARKERS = ("kics-scan",)


def _rule(path: str, written: int, line: int, scope: Scope, rule_ids: frozenset[str],
          what: str, end_line: int | None = None) -> SuppressionRule:
    return SuppressionRule(rule_ids=rule_ids, source="kics", kind="inSource",
                           reason=f"suppressed with kics syntax ({what})",
                           written_at=SourceRange(path, written, written), file=path,
                           line=line, scope=scope, end_line=end_line)


def file_commands(path: str, lines: Sequence[str], ids: IdMap, found: Found) -> None:
    """The `kics-scan ignore|disable=|enable=` commands at the top of a file."""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            return  # the first line of code ends the header
        fields = line[1:].split()
        if len(fields) < 2 or fields[0] != "kics-scan":
            continue
        command, _, value = fields[1].partition("=")
        queries = [q for q in value.lower().split(",") if q]
        if command == "ignore":
            rule_ids = frozenset({ALL_RULES})
        elif command == "disable":
            rule_ids = ids.map("kics", queries)
        elif command == "enable":
            # only rules KICS has a query for: a KICS command cannot name the others
            rule_ids = frozenset(ids.by_tool.get("kics", set()) - ids.map("kics", queries))
        else:
            continue  # ignore-line / ignore-block at the top: read as comments
        if rule_ids:
            found.rules.append(_rule(path, number, number, "file", rule_ids,
                                     f"kics-scan {fields[1]}"))


def from_comment(path: str, comment: Comment, lines: Sequence[str],
                 block_end: Callable[[Sequence[str], int], int], found: Found) -> bool:
    """Read `ignore-line` / `ignore-block` in one comment; False when it holds neither."""
    match = _LINE.search(comment.text)
    if match is None:
        return False
    what = match.group("what")
    if comment.trailing:  # KICS documents these above the line or block only
        found.invalid.append(InvalidSuppression(
            f"kics-scan {what} at the end of a line of code: write it alone on the line "
            f"right above what it skips", path, comment.line))
        return True
    target = comment.line + 1
    end = target if what == "ignore-line" else block_end(lines, target)
    found.rules.append(_rule(path, comment.line, target, "span", frozenset({ALL_RULES}),
                             what, end))
    return True
