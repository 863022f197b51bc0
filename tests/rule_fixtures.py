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
  finding's address, so resources inside nested deployments can be annotated too).
- Terraform plan JSON: a sidecar `expectations.txt` with lines `ruleid: ID ADDRESS`.

Instance keys (`[0]`, `["k"]`) are ignored: an expectation covers every instance.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMATS = ("terraform", "cloudformation", "arm", "tfplan")

_KINDS = ("ruleid", "ok", "unknown")
_COMMENT = re.compile(r"^\s*(?:#|//)\s*(ruleid|ok|unknown):\s*(.+?)\s*$")
_TF_RESOURCE = re.compile(r'^\s*resource\s+"([^"]+)"\s+"([^"]+)"')
_YAML_KEY = re.compile(r"^(\s+)([A-Za-z0-9]+)\s*:\s*(?:#.*)?$")
_EXPECTATION = re.compile(r"^\s*(ruleid|ok|unknown)\s*:\s*(.+?)\s*$")
_INSTANCE_KEY = re.compile(r'\[(?:\d+|"[^"]*")\]$')


@dataclass(frozen=True)
class Expectation:
    kind: str  # "ruleid" | "ok" | "unknown"
    rule_id: str
    address: str  # without instance keys
    file: str
    line: int
    suffix_match: bool = False  # ARM: the finding's address ends with this one

    def matches(self, address: str) -> bool:
        base = base_address(address)
        if self.suffix_match:
            return base == self.address or base.endswith("/" + self.address)
        return base == self.address


def base_address(address: str) -> str:
    """`aws_s3_bucket.b[0]` and `aws_s3_bucket.b["k"]` -> `aws_s3_bucket.b`; ARM names in
    brackets (`[parameters('name')]`) are kept."""
    return _INSTANCE_KEY.sub("", address)


def read_expectations(directory: Path, fmt: str) -> list[Expectation]:
    readers = {"terraform": _terraform, "cloudformation": _cloudformation, "arm": _arm,
               "tfplan": _tfplan}
    return list(readers[fmt](directory))


def _split(text: str) -> Iterator[tuple[str, str]]:
    """`"ruleid: A, B; ok: C"` -> (ruleid, A), (ruleid, B), (ok, C)."""
    for part in text.split(";"):
        match = _EXPECTATION.match(part)
        if match is None:
            raise AssertionError(f"not an expectation: {part!r}")
        for rule_id in match.group(2).split(","):
            yield match.group(1), rule_id.strip()


def _annotated_lines(path: Path, target: re.Pattern[str], address_of: Any
                     ) -> Iterator[Expectation]:
    pending: list[tuple[str, str, int]] = []
    for number, text in enumerate(path.read_text().splitlines(), start=1):
        match = _COMMENT.match(text)
        if match:
            pending.extend((kind, rule_id, number)
                           for kind, rule_id in _split(f"{match.group(1)}: {match.group(2)}"))
            continue
        if not text.strip() or text.lstrip().startswith(("#", "//")):
            continue
        found = target.match(text)
        if pending and found is None:
            raise AssertionError(f"{path}:{pending[0][2]}: annotation not followed by a "
                                 f"resource")
        if found is not None and pending:
            address = address_of(found)
            yield from (Expectation(kind, rule_id, address, str(path), line)
                        for kind, rule_id, line in pending)
        pending = []


def _terraform(directory: Path) -> Iterator[Expectation]:
    for path in sorted(directory.glob("*.tf")):
        yield from _annotated_lines(path, _TF_RESOURCE,
                                    lambda m: f"{m.group(1)}.{m.group(2)}")


def _cloudformation(directory: Path) -> Iterator[Expectation]:
    for path in sorted(directory.iterdir()):
        if path.suffix in (".yaml", ".yml", ".template"):
            yield from _annotated_lines(path, _YAML_KEY, lambda m: m.group(2))
        elif path.suffix == ".json":
            resources = json.loads(path.read_text()).get("Resources", {})
            for logical_id, body in resources.items():
                note = (body.get("Metadata") or {}).get("govern-test")
                if note:
                    yield from (Expectation(kind, rule_id, logical_id, str(path), 0)
                                for kind, rule_id in _split(note))


def _arm(directory: Path) -> Iterator[Expectation]:
    def walk(resources: Any, path: Path, parent_type: str, parent_name: str
             ) -> Iterator[Expectation]:
        items = resources.values() if isinstance(resources, dict) else resources or []
        for body in items:
            full_type = f"{parent_type}/{body['type']}" if parent_type else body["type"]
            full_name = f"{parent_name}/{body['name']}" if parent_name else body["name"]
            note = body.get("comments")
            if isinstance(note, str) and _EXPECTATION.match(note.split(";")[0]):
                address = f"{full_type}/{full_name}"
                yield from (Expectation(kind, rule_id, address, str(path), 0, True)
                            for kind, rule_id in _split(note))
            yield from walk(body.get("resources"), path, full_type, full_name)
            properties = body.get("properties")
            template = properties.get("template") if isinstance(properties, dict) else None
            if isinstance(template, dict):
                yield from walk(template.get("resources"), path, "", "")

    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".parameters.json"):
            continue
        yield from walk(json.loads(path.read_text()).get("resources"), path, "", "")


def _tfplan(directory: Path) -> Iterator[Expectation]:
    sidecar = directory / "expectations.txt"
    for number, text in enumerate(sidecar.read_text().splitlines(), start=1):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        kind, _, rest = text.partition(":")
        rule_id, _, address = rest.strip().partition(" ")
        if kind.strip() not in _KINDS or not address.strip():
            raise AssertionError(f"{sidecar}:{number}: expected 'KIND: RULE-ID ADDRESS'")
        yield Expectation(kind.strip(), rule_id, address.strip(), str(sidecar), number)
