"""tfsec's and Trivy's inline ignores (`#tfsec:ignore:ID`, `#trivy:ignore:ID`).

Where they apply (Trivy's documentation on skipping by inline comments, tfsec's on ignores):
a comment alone on its line applies to the block or attribute on the next code line (the
resource line: the whole resource; an attribute or nested block: what is reported there);
a comment at the end of a line applies to that line. Several ignores may share one comment.
In Terraform and CloudFormation YAML (Trivy reads both prefixes in both).

- ID: the AVD id (`AVD-AWS-0088`, any case), a long id (`aws-s3-enable-bucket-encryption`,
  see `found.TFSEC_TO_AVD`) or `*` (every check).
- `:exp:YYYY-MM-DD`: until then (inclusive); a date govern cannot read makes the ignore
  invalid (Trivy would apply it forever).
- `:ws:NAME` (Terraform): only in that workspace. govern evaluates the `default` workspace,
  so only `ws:default` applies; an ignore for another workspace is left alone.
- `ID[attribute=value]`: only on resources whose attribute has that value. govern cannot
  check that here, so such an ignore is reported and does not suppress (fail closed).
"""

from __future__ import annotations

import re

from govern.model.source import SourceRange
from govern.suppress.comments import Comment
from govern.suppress.found import ALL_RULES, Found, IdMap, InvalidSuppression, parse_date
from govern.suppress.model import SuppressionRule

_IGNORE = re.compile(r"(?<![\w-])(?P<tool>tfsec|trivy):ignore:(?P<rest>\S+)")
_ID = re.compile(r"(?P<id>[^\[\]:\s]+)(?P<filter>\[[^\]]*\])?(?P<tail>.*)$")
WORKSPACE = "default"  # the workspace govern evaluates (`terraform.workspace`)
MARKERS = ("tfsec:ignore", "trivy:ignore")


def from_comment(path: str, comment: Comment, ids: IdMap, found: Found,
                 terraform: bool) -> bool:
    """Read the ignores of one comment; False when it holds none."""
    any_ignore = False
    for match in _IGNORE.finditer(comment.text):
        any_ignore = True
        tool, rest = match.group("tool"), match.group("rest")
        written = f"{tool}:ignore:{rest}"
        parts = _ID.match(rest)
        if parts is None:
            continue
        check = parts.group("id")
        rule_ids = frozenset({ALL_RULES}) if check == "*" else ids.map(tool, [check])
        if not rule_ids:
            continue  # for the other tool only
        segments = parts.group("tail").split(":")
        if segments[0] != "":
            continue  # not an ignore this tool would read either
        sections = dict(zip(segments[1::2], segments[2::2], strict=False))

        def bad(message: str) -> None:
            found.invalid.append(InvalidSuppression(message, path, comment.line))

        if parts.group("filter"):
            bad(f"{written}: govern cannot check the attribute filter "
                f"{parts.group('filter')}, so it does not apply this ignore (write "
                f"govern:ignore on the resource, or a waiver for its address)")
            continue
        if terraform and "ws" in sections and sections["ws"] != WORKSPACE:
            continue  # for another workspace
        until = None
        if "exp" in sections:
            until = parse_date(sections["exp"])
            if until is None:
                bad(f"{tool}:ignore:{check}: expiry {sections['exp']!r} is not a date "
                    f"(YYYY-MM-DD)")
                continue
        found.rules.append(SuppressionRule(
            rule_ids=rule_ids, source=tool, kind="inSource",
            reason=f"suppressed with {tool} syntax",
            written_at=SourceRange(path, comment.line, comment.line), until=until,
            file=path, line=comment.target))
    return any_ignore
