"""The waivers file: accepted risks that do not belong in the code (docs/baseline.md).

```yaml
- rule: GOV-AWS-001                # a rule id, or a list of them
  resource: aws_s3_bucket.legacy_* # resource address glob (fnmatch), and/or
  path: legacy/*.tf                # file glob, relative to the report root
  reason: Read-only archive, encrypted by the application
  owner: storage-team
  expires: 2026-06-30              # YYYY-MM-DD; the waiver stops applying after it
```

Validated in layers (YAML with duplicate keys rejected, structure, then meaning: rule ids
exist) with one `file:line: what (hint)` error, raised as `ConfigError` (exit 2). The file is
read as a user file (`govern.user_files`: no FIFOs or devices, at most 64 MiB); nesting,
huge integers and dates that are not calendar dates (`2026-02-30`) are errors at their line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from govern.engine.hints import suggest
from govern.engine.yaml_loader import YamlDocument, load_yaml
from govern.errors import ConfigError, SourceError
from govern.model.source import SourceRange
from govern.suppress.model import SuppressionRule
from govern.user_files import UserFileError, read_user_text

KEYS = ("rule", "resource", "path", "reason", "owner", "expires")
REQUIRED = ("rule", "reason", "owner", "expires")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_waivers(path: str) -> tuple[SuppressionRule, ...]:
    """The waivers of the file at `path`, in file order. Raises ConfigError."""
    try:
        text = read_user_text(path)
    except UserFileError as exc:
        if exc.missing:
            raise ConfigError(f"{path}: waivers file not found") from None
        raise ConfigError(f"{path}: cannot read the waivers file: {exc.reason}") from None
    try:
        doc = load_yaml(text, path)
    except SourceError as exc:
        raise ConfigError(exc.render()) from None
    return parse_waivers(doc, path)


def parse_waivers(doc: YamlDocument, path: str) -> tuple[SuppressionRule, ...]:
    if doc.value is None:
        return ()
    if not isinstance(doc.value, list):
        raise _error(doc, path, (), "a waivers file must be a list of waivers",
                     "start each waiver with '- rule: ...'")
    return tuple(_waiver(doc, path, index, item) for index, item in enumerate(doc.value))


def check_waiver_rules(waivers: Iterable[SuppressionRule], known: Iterable[str]) -> None:
    """Raise ConfigError for the first waiver naming a rule id that no loaded rule has."""
    ids = set(known)
    for waiver in waivers:
        for rule_id in sorted(waiver.rule_ids):
            if rule_id not in ids:
                where = waiver.written_at
                prefix = f"{where.file}:{where.start_line}: " if where else ""
                raise ConfigError(
                    f"{prefix}unknown rule id {rule_id} in waiver ("
                    f"{suggest(rule_id, ids) or 'run `govern rules list` to see the rule ids'})")


def _waiver(doc: YamlDocument, path: str, index: int, item: Any) -> SuppressionRule:
    here = (index,)
    if not isinstance(item, dict):
        raise _error(doc, path, here, f"waiver {index + 1} must be a mapping",
                     f"keys: {', '.join(KEYS)}")
    for key in item:
        if key not in KEYS:
            hint = suggest(key, KEYS)
            raise _error(doc, path, (*here, key), f"unknown key '{key}' in waiver",
                         hint or f"keys: {', '.join(KEYS)}")
    for key in REQUIRED:
        if key not in item:
            raise _error(doc, path, here, f"waiver without '{key}'",
                         f"every waiver needs {', '.join(REQUIRED)}")
    if "resource" not in item and "path" not in item:
        raise _error(doc, path, here, "waiver without 'resource' or 'path'",
                     "give a resource address glob, a file glob, or both")
    rule_ids = _rule_ids(doc, path, here, item["rule"])
    texts = {key: _text(doc, path, (*here, key), item[key])
             for key in ("resource", "path", "reason", "owner") if key in item}
    expires = _date(doc, path, (*here, "expires"), item["expires"])
    line = doc.line(here)
    return SuppressionRule(
        rule_ids=rule_ids, source="waiver", kind="external", reason=texts["reason"],
        written_at=SourceRange(path, line, line), until=expires,
        address_pattern=texts.get("resource"), path_pattern=texts.get("path"),
        owner=texts["owner"])


def _rule_ids(doc: YamlDocument, path: str, here: tuple[int], value: Any) -> frozenset[str]:
    where = (*here, "rule")
    items = value if isinstance(value, list) else [value]
    if not items:
        raise _error(doc, path, where, "rule must name at least one rule id")
    ids: list[str] = []
    for i, item in enumerate(items):
        spot = (*where, i) if isinstance(value, list) else where
        if not isinstance(item, str) or not item.strip():
            raise _error(doc, path, spot, "rule must be a rule id or a list of rule ids",
                         "e.g. GOV-AWS-001")
        ids.append(item.strip().upper())
    return frozenset(ids)


def _text(doc: YamlDocument, path: str, where: tuple[int | str, ...], value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _error(doc, path, where, f"{where[-1]} must be a non-empty string")
    return value.strip()


def _date(doc: YamlDocument, path: str, where: tuple[int | str, ...], value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError as exc:
            raise _error(doc, path, where, f"expires is not a calendar date: "
                         f"{value.strip()} ({exc})", "write a real date, YYYY-MM-DD") from None
    got = repr(value) if isinstance(value, str) else str(value)
    raise _error(doc, path, where, f"expires must be a date YYYY-MM-DD (got {got})")


def _error(doc: YamlDocument, path: str, where: tuple[int | str, ...], what: str,
           hint: str | None = None) -> ConfigError:
    text = f"{path}:{doc.line(where)}: {what}"
    return ConfigError(f"{text} ({hint})" if hint else text)
