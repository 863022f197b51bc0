"""tfsec's and Trivy's inline ignores (`#tfsec:ignore:ID`, `#trivy:ignore:ID`).

Where they apply (Trivy's documentation on skipping by inline comments, tfsec's on ignores):
a comment alone on its line applies to the block or attribute that starts on the line right
below it (ignore comments stacked on consecutive lines all apply to the line below the
last; any other line in between, a plain comment or a blank line, breaks the link); a
comment at the end of a line applies to what starts on that line. What is reported in that
block or attribute, or on a resource starting there, is ignored (the resource line: the
whole resource; a nested block: what is in it; an attribute: that attribute). A comment
elsewhere inside a block does not cover the block. Above a `module` block (or at the end
of its first line), it covers the resources of that module call, nested calls included
(Trivy's "ignoring module issues"; govern: calls made in a root module). Several ignores
may share one comment.
`trivy:` in Terraform and CloudFormation YAML; `tfsec:` in Terraform only (tfsec scans
Terraform only; in CloudFormation it is reported and not applied).

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
from collections.abc import Callable, Sequence
from dataclasses import replace

from govern.model.source import SourceRange
from govern.suppress.comments import Comment
from govern.suppress.found import ALL_RULES, Found, IdMap, InvalidSuppression, parse_date
from govern.suppress.model import SuppressionRule

_IGNORE = re.compile(r"(?<![\w-])(?P<tool>tfsec|trivy):ignore:(?P<rest>\S+)")
_ID = re.compile(r"(?P<id>[^\[\]:\s]+)(?P<filter>\[[^\]]*\])?(?P<tail>.*)$")
WORKSPACE = "default"  # the workspace govern evaluates (`terraform.workspace`)
MARKERS = ("tfsec:ignore", "trivy:ignore")


def targets(comments: Sequence[Comment]) -> dict[int, int]:
    """The line each ignore comment alone on its line applies to: the line below it, or
    below the last of the ignore comments stacked right under it."""
    own = {c.line for c in comments if not c.trailing and _IGNORE.search(c.text)}
    out: dict[int, int] = {}
    for line in own:
        target = line + 1
        while target in own:
            target += 1
        out[line] = target
    return out


def from_comment(path: str, comment: Comment, target: int, lines: Sequence[str],
                 block_end: Callable[[Sequence[str], int], int], ids: IdMap, found: Found,
                 terraform: bool, modules: Sequence[tuple[str, int, int]] = ()) -> bool:
    """Read the ignores of one comment (applying to `target`; `modules`: the Terraform
    file's `comments.module_calls`); False when it holds none."""
    call = next((name for name, first, _ in modules if first == target), None)
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

        def bad(message: str, bad_date: bool = False) -> None:
            found.invalid.append(InvalidSuppression(message, path, comment.line,
                                                    bad_date=bad_date))

        if tool == "tfsec" and not terraform:
            bad(f"{written}: tfsec reads Terraform only; in CloudFormation write "
                f"trivy:ignore:{check}")
            continue
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
                    f"(YYYY-MM-DD)", bad_date=True)
                continue
        rule = SuppressionRule(
            rule_ids=rule_ids, source=tool, kind="inSource",
            reason=f"suppressed with {tool} syntax",
            written_at=SourceRange(path, comment.line, comment.line), until=until,
            file=path, line=target, scope="block", end_line=block_end(lines, target))
        if call is not None:  # above a module block: the module's resources
            rule = replace(rule, scope="module-any", end_line=None,
                           address_pattern=f"module.{call}")
        found.rules.append(rule)
    return any_ignore
