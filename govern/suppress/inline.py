"""Inline suppressions: read from the files a scan read, in every format.

- govern's own, the same wherever comments exist: in Terraform (`.tf`: `#`, `//`, `/* */`)
  and CloudFormation YAML (`#`), `# govern:ignore GOV-AWS-001,GOV-AWS-004 reason="..."
  until=2026-12-31`. A comment alone on its line applies to the next line that is not a
  comment (the `resource` line or logical-id line: the whole resource; an attribute line:
  that line); a comment after code applies to its own line. In CloudFormation (YAML and
  JSON) `Metadata.govern.ignore` and in ARM `"metadata": {"govern": {"ignore": [...]}}`
  (a list of `{id, reason, until}`) on a resource (ARM child resources and inline nested
  deployments included).
- Other tools' syntax, where each tool reads it: Checkov (`checkov.py`), tfsec and Trivy
  (`trivy.py`), KICS (`kics.py`).

Other tools' ids are mapped to govern rule ids through the rules' `equivalents` (tfsec's
long ids through `TFSEC_TO_AVD` first); a suppression naming only ids no govern rule maps
to is for the other tool and is ignored. A suppression written wrongly (no reason, a bad
date, a place the tool does not read) becomes an `InvalidSuppression`;
`apply.apply_suppressions` reports it.
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
from govern.suppress import checkov, kics, trivy
from govern.suppress.comments import (
    Comment,
    hcl_block_end,
    module_calls,
    terraform_comments,
    yaml_block_end,
    yaml_comments,
)
from govern.suppress.found import (
    ALL_RULES,
    TFSEC_TO_AVD,
    Found,
    IdMap,
    InvalidSuppression,
    parse_date,
)
from govern.suppress.model import SuppressionRule

__all__ = ["ALL_RULES", "TFSEC_TO_AVD", "Collected", "Comment", "IdMap",
           "InvalidSuppression", "collect", "normalize", "terraform_comments",
           "yaml_comments"]

# a file holding none of these holds no suppression: other tools' markers, and govern's
# own comment or metadata key (`govern:ignore`, `govern:` / `"govern":`; not the word
# "governing" of a licence header, which made such files read twice)
_MARKERS = (*checkov.MARKERS, *trivy.MARKERS, *kics.MARKERS)
_GOVERN_MARKER = re.compile(r"govern[\"']?\s*:")  # literal-led: searched at C speed
_GOVERN = re.compile(r"govern:ignore\b(?P<rest>.*)$")
_IDS = re.compile(r"\s*(?P<ids>[A-Za-z0-9_.-]+(?:\s*,\s*[A-Za-z0-9_.-]+)*)")
_OPTION = re.compile(r"\s+(?P<key>[a-z]+)=(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>\S+))")


@dataclass(frozen=True)
class Collected:
    rules: tuple[SuppressionRule, ...]
    invalid: tuple[InvalidSuppression, ...]


def collect(files: Iterable[str], rules: Iterable[RuleMeta]) -> Collected:
    """Every inline suppression in `files` (Terraform, CloudFormation, ARM), sorted."""
    ids = IdMap(rules)
    found = Found()
    for path in sorted(set(files)):
        text = _read(path)
        if text is None or not (_has_govern_marker(text)
                                or any(marker in text for marker in _MARKERS)):
            continue  # most files hold none: skip them cheaply
        if path.endswith(".tf"):
            _from_terraform(path, text, ids, found)
        elif path.endswith((".tf.json", ".tfvars", ".tfvars.json", ".hcl")):
            continue
        elif text.lstrip().startswith("{"):  # CloudFormation or ARM JSON (plans: nothing)
            _from_json(path, text, ids, found)
        else:  # CloudFormation YAML
            _from_cloudformation(path, ids, found, text)
    return Collected(tuple(found.rules), tuple(sorted(set(found.invalid), key=_invalid_key)))


def _has_govern_marker(text: str) -> bool:
    """`govern:ignore` anywhere, or `govern:` / `"govern":` where `govern` starts a word
    (the pattern `\\bgovern...` searched 300 templates in 0.04 s: a leading `\\b` keeps
    the regular expression engine from looking for the literal first)."""
    for match in _GOVERN_MARKER.finditer(text):
        start = match.start()
        before = text[start - 1] if start else ""
        if text.startswith("govern:ignore", start) or not (before.isalnum() or before == "_"):
            return True
    return False


def _invalid_key(item: InvalidSuppression) -> tuple[str, int, str]:
    return (item.file, item.line, item.message)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


# -- comments ---------------------------------------------------------------------------

def _from_terraform(path: str, text: str, ids: IdMap, found: Found) -> None:
    lines = text.splitlines()
    kics.file_commands(path, lines, ids, found)
    comments = terraform_comments(text)
    targets = trivy.targets(comments)
    modules = module_calls(lines) if "module" in text else []
    for comment in comments:
        target = targets.get(comment.line, comment.line)
        if not (_from_govern(path, comment, found)
                or checkov.from_terraform(path, comment, lines, modules, ids, found)
                or trivy.from_comment(path, comment, target, lines, hcl_block_end, ids, found,
                                      terraform=True, modules=modules)):
            kics.from_comment(path, comment, lines, hcl_block_end, found)


def _from_yaml_comments(path: str, text: str, spans: Sequence[tuple[int, int]], ids: IdMap,
                        found: Found) -> None:
    lines = text.splitlines()
    kics.file_commands(path, lines, ids, found)
    comments = yaml_comments(text)
    targets = trivy.targets(comments)
    for comment in comments:
        target = targets.get(comment.line, comment.line)
        if not (_from_govern(path, comment, found)
                or checkov.from_cloudformation(path, comment, spans, ids, found)
                or trivy.from_comment(path, comment, target, lines, yaml_block_end, ids, found,
                                      terraform=False)):
            kics.from_comment(path, comment, lines, yaml_block_end, found)


class BadDate(str):
    """The message of a directive whose date is not a calendar date."""


def _from_govern(path: str, comment: Comment, found: Found) -> bool:
    """Read a `govern:ignore` comment; False when it holds none."""
    match = _GOVERN.search(comment.text.strip().lstrip("#/* ").strip())
    if not match:
        return False
    parsed = _govern_directive(match.group("rest"))
    if isinstance(parsed, str):
        found.invalid.append(InvalidSuppression(parsed, path, comment.line,
                                                bad_date=isinstance(parsed, BadDate)))
        return True
    names, reason, until = parsed
    found.rules.append(SuppressionRule(
        rule_ids=frozenset(names), source="govern", kind="inSource", reason=reason,
        written_at=SourceRange(path, comment.line, comment.line), until=until, file=path,
        line=comment.target))
    return True


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
        until = parse_date(options["until"])
        if until is None:
            return BadDate(f"govern:ignore: until={options['until']!r} is not a date "
                           "(YYYY-MM-DD)")
    return names, reason, until


# -- metadata (CloudFormation, ARM) -------------------------------------------------------

def _from_cloudformation(path: str, ids: IdMap, found: Found, text: str | None = None
                         ) -> None:
    """`Metadata` suppressions of a CloudFormation template, and its comments when `text`
    (YAML) is given."""
    from govern.errors import SourceError
    from govern.parsers.cloudformation.nodes import MAP
    from govern.parsers.cloudformation.parser import load_template

    try:
        root, _ = load_template(path)
    except SourceError:
        return
    resources = root.get("Resources") if root.kind == MAP else None
    pairs = resources.pairs if resources is not None and resources.kind == MAP else []
    if text is not None:
        spans = [(key_line, max(key_line, body.end)) for _, key_line, body in pairs]
        _from_yaml_comments(path, text, spans, ids, found)
    for _logical_id, key_line, body in pairs:
        metadata = body.get("Metadata") if body.kind == MAP else None
        if metadata is None or metadata.kind != MAP:
            continue
        govern = metadata.get("govern")
        ignore = govern.get("ignore") if govern is not None else None
        for item in ignore.items if ignore is not None else []:
            plain = {key: child.value for key, _, child in item.pairs}
            _from_govern_entry(path, key_line, item.line, plain, found)
        for tool in ("checkov", "bridgecrew"):
            section = metadata.get(tool)
            skip = section.get("skip") if section is not None else None
            for item in skip.items if skip is not None else []:
                plain = {key: child.value for key, _, child in item.pairs}
                checkov.from_metadata_entry(path, key_line, item.line, plain, ids, found)


def _from_json(path: str, text: str, ids: IdMap, found: Found) -> None:
    from govern.errors import SourceError
    from govern.parsers.json_positions import JNode, parse_json_positions, to_python

    try:
        root = parse_json_positions(text, path)
    except SourceError:
        return
    if root.kind != "object":
        return
    if root.get("Resources") is not None:  # CloudFormation JSON
        _from_cloudformation(path, ids, found)
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
        if metadata is None or metadata.kind != "object":
            continue
        govern = metadata.get("govern")
        ignore = govern.get("ignore") if govern is not None else None
        if ignore is not None and ignore.kind == "array":
            for item in ignore.elements:
                value = to_python(item)
                _from_govern_entry(path, body.line, item.line,
                                   value if isinstance(value, dict) else {}, found)
        skips = metadata.get("checkov")
        if skips is not None:
            entries = skips.elements if skips.kind == "array" else (skips,)
            checkov.from_arm_metadata(path, body.line,
                                      [(e.line, to_python(e)) for e in entries], ids, found)


def _from_govern_entry(path: str, line: int, written: int, entry: dict[str, Any],
                       found: Found) -> None:
    """One `{id, reason, until}` metadata entry."""
    raw_id = entry.get("id")
    names = ([str(n) for n in raw_id] if isinstance(raw_id, list)
             else [n.strip() for n in str(raw_id).split(",")] if raw_id else [])
    where = "govern suppression in metadata"
    if not names:
        found.invalid.append(InvalidSuppression(f"{where} has no id", path, written))
        return
    reason = str(entry.get("reason") or "").strip()
    if not reason:
        found.invalid.append(InvalidSuppression(
            f"{where} for {','.join(names)} has no reason (add reason)", path, written))
        return
    until = None
    if entry.get("until") is not None:
        until = parse_date(str(entry["until"]))
        if until is None:
            found.invalid.append(InvalidSuppression(
                f"{where}: until {entry['until']!r} is not a date (YYYY-MM-DD)", path,
                written, bad_date=True))
            return
    found.rules.append(SuppressionRule(
        rule_ids=frozenset(names), source="govern", kind="inSource", reason=reason,
        written_at=SourceRange(path, written, written), until=until, file=path, line=line))


def normalize(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))
