"""Inline suppressions: read from the files a scan read, in every format.

- Terraform (`.tf`) and CloudFormation YAML: comments (`#`, and in Terraform `//` and
  `/* */`). A comment alone on its line applies to the next line that is not a comment (the
  `resource` line or logical-id line: the whole resource; an attribute line: that line); a
  comment after code applies to its own line.
  `# govern:ignore GOV-AWS-001,GOV-AWS-004 reason="..." until=2026-12-31`;
  `#checkov:skip=CKV_AWS_19:reason`; `#tfsec:ignore:aws-s3-enable-bucket-encryption[:exp:DATE]`;
  `#trivy:ignore:AVD-AWS-0088[:exp:DATE]`; `# kics-scan ignore-line` / `ignore-block`.
- CloudFormation (YAML and JSON): `Metadata.govern.ignore` (a list of `{id, reason, until}`)
  and Checkov's `Metadata.checkov.skip` (a list of `{id, comment}`) on a resource.
- ARM: `"metadata": {"govern": {"ignore": [{id, reason, until}]}}` on a resource (child
  resources and inline nested deployments included).

Other tools' ids are mapped to govern rule ids through the rules' `equivalents` (tfsec's
long ids through `TFSEC_TO_AVD` first); a suppression naming only ids no govern rule maps
to is for the other tool and is ignored. A KICS suppression names no id: it applies to
every rule (`ALL_RULES`). A suppression written wrongly (no reason, a bad date) becomes an
`InvalidSuppression`; `apply.apply_suppressions` reports it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from govern.model.finding import RuleMeta
from govern.model.source import SourceRange
from govern.suppress.model import SuppressionRule

ALL_RULES = "*"  # in `SuppressionRule.rule_ids`: every rule (KICS)

# tfsec's long ids (the ones it still accepts in `tfsec:ignore:`) -> Trivy AVD ids, for the
# AVD ids the catalogue's equivalents name. tfsec also accepts the AVD ids themselves.
TFSEC_TO_AVD: dict[str, str] = {
    "aws-s3-enable-bucket-encryption": "AVD-AWS-0088",
    "aws-s3-block-public-acls": "AVD-AWS-0086",
    "aws-s3-block-public-policy": "AVD-AWS-0087",
    "aws-s3-ignore-public-acls": "AVD-AWS-0091",
    "aws-s3-no-public-buckets": "AVD-AWS-0093",
    "aws-ec2-no-public-ingress-sgr": "AVD-AWS-0107",
    "aws-rds-encrypt-instance-storage-data": "AVD-AWS-0080",
    "aws-rds-no-public-db-access": "AVD-AWS-0082",
    "aws-ec2-enforce-http-token-imds": "AVD-AWS-0028",
    "aws-sns-enable-topic-encryption": "AVD-AWS-0095",
    "azure-storage-enforce-https": "AVD-AZU-0008",
}

# a file holding none of these holds no suppression
_MARKERS = ("govern", "checkov", "tfsec:ignore", "trivy:ignore", "kics-scan")
_GOVERN = re.compile(r"govern:ignore\b(?P<rest>.*)$")
_CHECKOV = re.compile(r"checkov:skip=(?P<id>[A-Za-z0-9_]+)(?::(?P<reason>.*))?$")
_TFSEC = re.compile(r"(?P<tool>tfsec|trivy):ignore:(?P<id>[A-Za-z0-9_.-]+?)"
                    r"(?::exp:(?P<exp>\S+))?(?=\s|$)")
_KICS = re.compile(r"kics-scan\s+(?P<what>ignore-line|ignore-block)\b")
_IDS = re.compile(r"\s*(?P<ids>[A-Za-z0-9_.-]+(?:\s*,\s*[A-Za-z0-9_.-]+)*)")
_OPTION = re.compile(r"\s+(?P<key>[a-z]+)=(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>\S+))")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class InvalidSuppression:
    """A suppression that does not suppress: what is wrong, and where."""

    message: str
    file: str
    line: int


@dataclass(frozen=True)
class Collected:
    rules: tuple[SuppressionRule, ...]
    invalid: tuple[InvalidSuppression, ...]


class IdMap:
    """Other tools' ids -> govern rule ids, from the rules' equivalents."""

    def __init__(self, rules: Iterable[RuleMeta]) -> None:
        self.known: set[str] = set()
        self.foreign: dict[str, set[str]] = {}
        for rule in rules:
            self.known.add(rule.id)
            for ids in rule.equivalents.values():
                for other in ids:
                    self.foreign.setdefault(other.upper(), set()).add(rule.id)

    def map(self, tool: str, ids: Iterable[str]) -> frozenset[str]:
        out: set[str] = set()
        for raw in ids:
            key = TFSEC_TO_AVD.get(raw.lower(), raw) if tool == "tfsec" else raw
            out |= self.foreign.get(key.upper(), set())
        return frozenset(out)


def collect(files: Iterable[str], rules: Iterable[RuleMeta]) -> Collected:
    """Every inline suppression in `files` (Terraform, CloudFormation, ARM), sorted."""
    ids = IdMap(rules)
    found: list[SuppressionRule] = []
    invalid: list[InvalidSuppression] = []
    for path in sorted(set(files)):
        text = _read(path)
        if text is None or not any(marker in text for marker in _MARKERS):
            continue  # most files hold none: skip them cheaply
        if path.endswith(".tf"):
            _from_comments(path, terraform_comments(text), ids, found, invalid)
        elif path.endswith((".tf.json", ".tfvars", ".tfvars.json", ".hcl")):
            continue
        elif text.lstrip().startswith("{"):  # CloudFormation or ARM JSON (plans: nothing)
            _from_json(path, text, ids, found, invalid)
        else:  # CloudFormation YAML
            _from_comments(path, yaml_comments(text), ids, found, invalid)
            _from_cfn_metadata(path, ids, found, invalid)
    return Collected(tuple(found), tuple(sorted(set(invalid), key=_invalid_key)))


def _invalid_key(item: InvalidSuppression) -> tuple[str, int, str]:
    return (item.file, item.line, item.message)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


# -- comments ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Comment:
    text: str  # without the comment markers
    line: int  # where it is written (first line)
    target: int  # the line it applies to


def terraform_comments(text: str) -> list[Comment]:
    """Comments of an HCL file, skipping strings and heredocs."""
    lines = text.splitlines()
    raw: list[tuple[str, int, int, bool]] = []  # text, first line, last line, trailing
    heredoc: str | None = None
    in_block: tuple[list[str], int, bool] | None = None
    for number, line in enumerate(lines, start=1):
        if heredoc is not None:
            if line.strip() == heredoc:
                heredoc = None
            continue
        i, code_before, in_string = 0, False, False
        while i < len(line):
            if in_block is not None:
                end = line.find("*/", i)
                if end < 0:
                    in_block[0].append(line[i:])
                    break
                in_block[0].append(line[i:end])
                raw.append((" ".join(in_block[0]), in_block[1], number, in_block[2]))
                in_block, i = None, end + 2
                continue
            char = line[i]
            if in_string:
                if char == "\\":
                    i += 2
                    continue
                if char == '"':
                    in_string = False
                i += 1
                continue
            if char == '"':
                in_string, code_before = True, True
            elif char == "#" or line.startswith("//", i):
                start = i + (1 if char == "#" else 2)
                raw.append((line[start:], number, number, code_before))
                break
            elif line.startswith("/*", i):
                in_block, i = ([], number, code_before), i + 2
                continue
            elif line.startswith("<<", i):
                match = re.match(r"<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$", line[i:])
                if match:
                    heredoc = match.group(1)
                    break
            elif not char.isspace():
                code_before = True
            i += 1
    return _targets(raw, lines)


def yaml_comments(text: str) -> list[Comment]:
    """`#` comments of a YAML file (a `#` at the start or after whitespace, outside quotes)."""
    lines = text.splitlines()
    raw: list[tuple[str, int, int, bool]] = []
    for number, line in enumerate(lines, start=1):
        quote: str | None = None
        for i, char in enumerate(line):
            if quote is not None:
                if char == quote:
                    quote = None
            elif char in "'\"" and (i == 0 or line[i - 1] in " \t:-[{,"):
                quote = char
            elif char == "#" and (i == 0 or line[i - 1] in " \t"):
                raw.append((line[i + 1:], number, number, bool(line[:i].strip())))
                break
    return _targets(raw, lines)


def _targets(raw: Sequence[tuple[str, int, int, bool]], lines: Sequence[str]
             ) -> list[Comment]:
    """Where each comment applies: its own line when it follows code, else the next line
    that holds code (after the comment and any comment lines below it)."""
    comment_only = {first for _, first, last, trailing in raw if not trailing
                    for first in range(first, last + 1)}
    out: list[Comment] = []
    for text, first, last, trailing in raw:
        if trailing:
            out.append(Comment(text, first, first))
            continue
        target = last + 1
        while target in comment_only:
            target += 1
        out.append(Comment(text, first, target))
    return out


def _from_comments(path: str, comments: Sequence[Comment], ids: IdMap,
                   found: list[SuppressionRule], invalid: list[InvalidSuppression]) -> None:
    for comment in comments:
        for item in parse_comment(comment.text, path, comment, ids):
            if isinstance(item, InvalidSuppression):
                invalid.append(item)
            else:
                found.append(item)


def parse_comment(text: str, path: str, comment: Comment, ids: IdMap
                  ) -> list[SuppressionRule | InvalidSuppression]:
    """The suppressions one comment holds (none when it holds no directive)."""
    body = text.strip().lstrip("#/* ").strip()
    at = SourceRange(path, comment.line, comment.line)
    out: list[SuppressionRule | InvalidSuppression] = []

    def rule(rule_ids: frozenset[str], source: str, reason: str,
             until: date | None) -> SuppressionRule:
        return SuppressionRule(rule_ids=rule_ids, source=source, kind="inSource",
                               reason=reason, written_at=at, until=until, file=path,
                               line=comment.target)

    def bad(message: str) -> InvalidSuppression:
        return InvalidSuppression(message, path, comment.line)

    match = _GOVERN.search(body)
    if match:
        parsed = _govern_directive(match.group("rest"))
        if isinstance(parsed, str):
            return [bad(parsed)]
        names, reason, until = parsed
        return [rule(frozenset(names), "govern", reason, until)]
    match = _CHECKOV.search(body)
    if match:
        mapped = ids.map("checkov", [match.group("id")])
        reason = (match.group("reason") or "").strip()
        if not mapped:
            return []
        if not reason:
            return [bad(f"checkov:skip={match.group('id')} has no reason (write "
                        f"checkov:skip={match.group('id')}:REASON)")]
        return [rule(mapped, "checkov", reason, None)]
    for match in _TFSEC.finditer(body):
        tool = match.group("tool")
        mapped = ids.map(tool, [match.group("id")])
        if not mapped:
            continue
        until = None
        if match.group("exp"):
            until = _date(match.group("exp"))
            if until is None:
                out.append(bad(f"{tool}:ignore:{match.group('id')}: expiry "
                               f"{match.group('exp')!r} is not a date (YYYY-MM-DD)"))
                continue
        out.append(rule(mapped, tool, f"suppressed with {tool} syntax", until))
    if out:
        return out
    match = _KICS.search(body)
    if match:
        return [rule(frozenset({ALL_RULES}), "kics",
                     f"suppressed with kics syntax ({match.group('what')})", None)]
    return []


def _govern_directive(rest: str) -> tuple[list[str], str, date | None] | str:
    """(rule ids, reason, until) of `govern:ignore IDS reason="..." until=DATE`, or what is
    wrong with it."""
    match = _IDS.match(rest)
    if not match:
        return "govern:ignore names no rule id (govern:ignore RULE-ID reason=\"...\")"
    names = sorted({n.strip() for n in match.group("ids").split(",")})
    options: dict[str, str] = {}
    position = match.end()
    for option in _OPTION.finditer(rest, position):
        if option.start() != position:
            break
        value = option.group("dq") if option.group("dq") is not None else (
            option.group("sq") if option.group("sq") is not None else option.group("bare"))
        options[option.group("key")] = value
        position = option.end()
    leftover = rest[position:].strip().rstrip("*/").strip()
    if leftover:
        return f"govern:ignore: cannot read {leftover!r} (expected reason=\"...\" until=YYYY-MM-DD)"
    reason = options.get("reason", "").strip()
    if not reason:
        return (f"govern:ignore {','.join(names)} has no reason "
                f"(add reason=\"why this is accepted\")")
    until = None
    if "until" in options:
        until = _date(options["until"])
        if until is None:
            return f"govern:ignore: until={options['until']!r} is not a date (YYYY-MM-DD)"
    return names, reason, until


def _date(text: str) -> date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# -- metadata (CloudFormation, ARM) -------------------------------------------------------

def _from_cfn_metadata(path: str, ids: IdMap, found: list[SuppressionRule],
                       invalid: list[InvalidSuppression]) -> None:
    from govern.errors import SourceError
    from govern.parsers.cloudformation.nodes import MAP, Node
    from govern.parsers.cloudformation.parser import load_template

    try:
        root, _ = load_template(path)
    except SourceError:
        return
    resources = root.get("Resources") if root.kind == MAP else None
    if resources is None or resources.kind != MAP:
        return
    for _logical_id, key_line, body in resources.pairs:
        metadata = body.get("Metadata") if body.kind == MAP else None
        if metadata is None or metadata.kind != MAP:
            continue
        entries: list[tuple[str, Node]] = []
        govern = metadata.get("govern")
        ignore = govern.get("ignore") if govern is not None else None
        if ignore is not None:
            entries += [("govern", item) for item in ignore.items]
        checkov = metadata.get("checkov")
        skip = checkov.get("skip") if checkov is not None else None
        if skip is not None:
            entries += [("checkov", item) for item in skip.items]
        for source, item in entries:
            plain = {key: child.value for key, _, child in item.pairs}
            _from_entry(path, key_line, item.line, source, plain, ids, found, invalid)


def _from_json(path: str, text: str, ids: IdMap, found: list[SuppressionRule],
               invalid: list[InvalidSuppression]) -> None:
    from govern.errors import SourceError
    from govern.parsers.json_positions import JNode, parse_json_positions, to_python

    try:
        root = parse_json_positions(text, path)
    except SourceError:
        return
    if root.kind != "object":
        return
    if root.get("Resources") is not None:  # CloudFormation JSON
        _from_cfn_metadata(path, ids, found, invalid)
        return

    def walk(resources: JNode | None) -> Iterator[JNode]:
        if resources is None:
            return
        items = resources.elements if resources.kind == "array" else tuple(
            child for _, _, child in resources.members) if resources.kind == "object" else ()
        for body in items:
            if body.kind != "object":
                continue
            yield body
            yield from walk(body.get("resources"))
            properties = body.get("properties")
            template = properties.get("template") if properties is not None else None
            if template is not None and template.kind == "object":
                yield from walk(template.get("resources"))

    for body in walk(root.get("resources")):
        metadata = body.get("metadata")
        govern = metadata.get("govern") if metadata is not None else None
        ignore = govern.get("ignore") if govern is not None else None
        if ignore is None or ignore.kind != "array":
            continue
        for item in ignore.elements:
            value = to_python(item)
            _from_entry(path, body.line, item.line, "govern",
                        value if isinstance(value, dict) else {}, ids, found, invalid)


def _from_entry(path: str, line: int, written: int, source: str, entry: dict[str, Any],
                ids: IdMap, found: list[SuppressionRule],
                invalid: list[InvalidSuppression]) -> None:
    """One `{id, reason, until}` (govern) or `{id, comment}` (checkov) metadata entry."""
    raw_id = entry.get("id")
    names = ([str(n) for n in raw_id] if isinstance(raw_id, list)
             else [n.strip() for n in str(raw_id).split(",")] if raw_id else [])
    where = f"{source} suppression in metadata"
    if not names:
        invalid.append(InvalidSuppression(f"{where} has no id", path, written))
        return
    rule_ids = frozenset(names) if source == "govern" else ids.map(source, names)
    if not rule_ids:
        return
    reason = str(entry.get("reason" if source == "govern" else "comment") or "").strip()
    if not reason:
        field = "reason" if source == "govern" else "comment"
        invalid.append(InvalidSuppression(
            f"{where} for {','.join(names)} has no reason (add {field})", path, written))
        return
    until = None
    if entry.get("until") is not None:
        until = _date(str(entry["until"]))
        if until is None:
            invalid.append(InvalidSuppression(
                f"{where}: until {entry['until']!r} is not a date (YYYY-MM-DD)", path,
                written))
            return
    found.append(SuppressionRule(
        rule_ids=rule_ids, source=source, kind="inSource", reason=reason,
        written_at=SourceRange(path, written, written), until=until, file=path, line=line))


def normalize(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))
