"""Inline expectations in rule fixtures, in every format (semgrep style).

Each says what a rule must report on one resource: `ruleid: ID` (reported as failing),
`ok: ID` (not reported at all), `unknown: ID` (reported as undecidable only). Several ids may
be given, separated by commas.

- Terraform (`*.tf`): comment lines (`# ruleid: GOV-AWS-001`, or `//`) directly above the
  `resource "TYPE" "NAME"` line; the address is `TYPE.NAME`.
- CloudFormation YAML (`*.yaml`, `*.yml`, `*.template`): comment lines directly above the
  resource's logical-id line under `Resources:`; the address is the logical id.
- CloudFormation JSON: the resource's `"Metadata": {"govern-test": "ruleid: ID; ok: ID2"}`.
- ARM (`*.json`): the resource's `"comments": "ruleid: ID"` (`;` between expectations);
  the address is `<type>/<name as written>`, for a nested child
  `<parent type>/<child type>/<parent name>/<child name>` (matched as a suffix of the
  finding's address, so resources inside nested deployments can be annotated too). Since
  ARM addresses carry evaluated names (`.../storageAccounts/stdata` for a name written
  `[parameters('name')]`), the scan that checks the expectations also gives each one the
  `aliases`: the addresses of the resources declared where the comment is written.
- Terraform plan JSON: a sidecar `expectations.txt` with lines `ruleid: ID ADDRESS`.

Instance keys (`[0]`, `["k"]`) are ignored: an expectation covers every instance. An
expectation on a resource also covers its parts (`<address>#<part>`, the grants of an
authoritative Google IAM policy: `google_project_iam_policy.main#roles/owner`); a plan's
`expectations.txt` may name one part.

Pure reading of text: no parser is involved (the scan that checks the expectations lives
in `govern.rule_tests`). A malformed annotation raises `SourceError` with its file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govern.errors import SourceError

FORMATS = ("terraform", "cloudformation", "arm", "tfplan")
KINDS = ("ruleid", "ok", "unknown")

_COMMENT = re.compile(r"^\s*(?:#|//)\s*(ruleid|ok|unknown):\s*(\S(?:.*\S)?)\s*$")
_TF_RESOURCE = re.compile(r'^\s*resource\s+"([^"]+)"\s+"([^"]+)"')
_YAML_KEY = re.compile(r"^(\s+)([A-Za-z0-9]+)\s*:\s*(?:#.*)?$")
_EXPECTATION = re.compile(r"^\s*(ruleid|ok|unknown)\s*:\s*(\S(?:.*\S)?)\s*$")
_INSTANCE_KEY = re.compile(r'\[(?:\d+|"[^"]*")\]$')


@dataclass(frozen=True)
class Expectation:
    kind: str  # "ruleid" | "ok" | "unknown"
    rule_id: str
    address: str  # without instance keys
    file: str
    line: int
    suffix_match: bool = False  # ARM: the finding's address ends with this one
    aliases: frozenset[str] = frozenset()  # ARM: the addresses of the annotated resource

    def matches(self, address: str) -> bool:
        if address in self.aliases:
            return True
        base = base_address(address)
        if self.suffix_match:
            return base == self.address or base.endswith("/" + self.address)
        return self.address in (base, base_address(address.partition("#")[0]))


def base_address(address: str) -> str:
    """`aws_s3_bucket.b[0]` and `aws_s3_bucket.b["k"]` -> `aws_s3_bucket.b`; ARM names in
    brackets (`[parameters('name')]`) are kept."""
    return _INSTANCE_KEY.sub("", address)


def read_expectations(directory: Path, fmt: str) -> list[Expectation]:
    """Every expectation in the fixture directory `directory` of format `fmt`."""
    readers: dict[str, Callable[[Path], Iterator[Expectation]]] = {
        "terraform": _terraform, "cloudformation": _cloudformation, "arm": _arm,
        "tfplan": _tfplan}
    return list(readers[fmt](directory))


def _split(text: str, file: str, line: int) -> Iterator[tuple[str, str]]:
    """`"ruleid: A, B; ok: C"` -> (ruleid, A), (ruleid, B), (ok, C)."""
    for part in text.split(";"):
        match = _EXPECTATION.match(part)
        if match is None:
            raise SourceError(f"not an expectation: {part.strip()!r}", file, line or None,
                              "write ruleid: ID, ok: ID or unknown: ID")
        for rule_id in match.group(2).split(","):
            yield match.group(1), rule_id.strip()


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read fixture: {exc}", str(path)) from exc


def _read_json(path: Path) -> tuple[Any, list[str]]:
    text = _read_text(path)
    try:
        return json.loads(text), text.splitlines()
    except json.JSONDecodeError as exc:
        raise SourceError(f"invalid JSON: {exc.msg}", str(path), exc.lineno) from exc


def _annotated_lines(path: Path, target: re.Pattern[str],
                     address_of: Callable[[re.Match[str]], str]) -> Iterator[Expectation]:
    pending: list[tuple[str, str, int]] = []
    for number, text in enumerate(_read_text(path).splitlines(), start=1):
        match = _COMMENT.match(text)
        if match:
            pending.extend((kind, rule_id, number) for kind, rule_id in
                           _split(f"{match.group(1)}: {match.group(2)}", str(path), number))
            continue
        if not text.strip() or text.lstrip().startswith(("#", "//")):
            continue
        found = target.match(text)
        if pending and found is None:
            raise SourceError("annotation not followed by a resource", str(path),
                              pending[0][2], "put it directly above the resource it is about")
        if found is not None and pending:
            address = address_of(found)
            yield from (Expectation(kind, rule_id, address, str(path), line)
                        for kind, rule_id, line in pending)
        pending = []


class _LineFinder:
    """The line of each JSON string value, in order of appearance (JSON keeps no positions
    here; the engine does not import the position-keeping JSON parser)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._after: dict[str, int] = {}

    def line_of(self, value: str) -> int:
        needle = json.dumps(value)
        start = self._after.get(needle, 0)
        for index in range(start, len(self._lines)):
            if needle in self._lines[index]:
                self._after[needle] = index + 1
                return index + 1
        return 0


def _terraform(directory: Path) -> Iterator[Expectation]:
    for path in sorted(directory.glob("*.tf")):
        yield from _annotated_lines(path, _TF_RESOURCE,
                                    lambda m: f"{m.group(1)}.{m.group(2)}")


def _cloudformation(directory: Path) -> Iterator[Expectation]:
    for path in sorted(directory.iterdir()):
        if path.suffix in (".yaml", ".yml", ".template"):
            yield from _annotated_lines(path, _YAML_KEY, lambda m: m.group(2))
        elif path.suffix == ".json":
            data, lines = _read_json(path)
            finder = _LineFinder(lines)
            resources = data.get("Resources", {}) if isinstance(data, dict) else {}
            for logical_id, body in resources.items():
                metadata = body.get("Metadata") if isinstance(body, dict) else None
                note = metadata.get("govern-test") if isinstance(metadata, dict) else None
                if isinstance(note, str) and note:
                    line = finder.line_of(note)
                    yield from (Expectation(kind, rule_id, logical_id, str(path), line)
                                for kind, rule_id in _split(note, str(path), line))


def _arm(directory: Path) -> Iterator[Expectation]:
    def walk(resources: Any, path: Path, finder: _LineFinder, parent_type: str,
             parent_name: str) -> Iterator[Expectation]:
        items = resources.values() if isinstance(resources, dict) else resources or []
        for body in items:
            if not isinstance(body, dict):
                continue
            full_type = f"{parent_type}/{body.get('type')}" if parent_type else body.get("type")
            full_name = f"{parent_name}/{body.get('name')}" if parent_name else body.get("name")
            note = body.get("comments")
            if isinstance(note, str) and _EXPECTATION.match(note.split(";")[0]):
                address = f"{full_type}/{full_name}"
                line = finder.line_of(note)
                yield from (Expectation(kind, rule_id, address, str(path), line, True)
                            for kind, rule_id in _split(note, str(path), line))
            yield from walk(body.get("resources"), path, finder, str(full_type),
                            str(full_name))
            properties = body.get("properties")
            template = properties.get("template") if isinstance(properties, dict) else None
            if isinstance(template, dict):
                yield from walk(template.get("resources"), path, finder, "", "")

    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".parameters.json"):
            continue
        data, lines = _read_json(path)
        if isinstance(data, dict):
            yield from walk(data.get("resources"), path, _LineFinder(lines), "", "")


def _tfplan(directory: Path) -> Iterator[Expectation]:
    sidecar = directory / "expectations.txt"
    if not sidecar.is_file():
        raise SourceError("no expectations.txt beside the plan", str(directory),
                          hint="add lines 'ruleid: RULE-ID ADDRESS'")
    for number, text in enumerate(_read_text(sidecar).splitlines(), start=1):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        kind, _, rest = text.partition(":")
        rule_id, _, address = rest.strip().partition(" ")
        if kind.strip() not in KINDS or not address.strip():
            raise SourceError("expected 'KIND: RULE-ID ADDRESS'", str(sidecar), number)
        yield Expectation(kind.strip(), rule_id, address.strip(), str(sidecar), number)
