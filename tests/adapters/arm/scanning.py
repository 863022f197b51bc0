"""Scanning ARM templates with the ARM parser, the ARM adapter and the rule engine (the
pipeline `govern scan` runs), for adapter and fixture tests."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govern.adapters.arm import adapt_arm
from govern.adapters.result import AdaptResult
from govern.engine.evaluate import evaluate
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.model.finding import Finding, Notice
from govern.model.graph import ResourceGraph
from govern.parsers.arm import parse_arm
from govern.parsers.native import ParseResult

RULES = load_rules([default_rules_dir()])
_ANNOTATION = re.compile(r"^\s*(ruleid|ok|unknown)\s*:\s*(.+?)\s*$")


@dataclass(frozen=True)
class ArmScan:
    parsed: ParseResult
    adapted: AdaptResult
    findings: list[Finding]

    @property
    def notices(self) -> list[Notice]:
        return [*self.parsed.notices, *self.adapted.notices]


def scan_templates(files: Sequence[str], parameter_files: Sequence[str] = ()) -> ArmScan:
    parsed = parse_arm(files, parameter_files)
    adapted = adapt_arm(parsed.resources)
    graph = ResourceGraph(adapted.resources, adapted.edges)
    return ArmScan(parsed, adapted, evaluate(graph, RULES))


def template_files(directory: Path) -> list[str]:
    """The templates of a fixture directory (parameter files are found by the parser)."""
    return sorted(str(p) for p in directory.glob("*.json")
                  if not p.name.endswith(".parameters.json"))


@dataclass(frozen=True)
class Expectation:
    kind: str  # "ruleid" | "ok" | "unknown"
    rule_id: str
    address: str


def expectations(parsed: ParseResult) -> list[Expectation]:
    """Inline expectations from the `comments` of the resources: `ruleid: ID`, `ok: ID`,
    `unknown: ID`; several separated by `;`, several ids by `,`. Copy instances share the
    expectations of their declaration."""
    found: dict[tuple[str, str, str], Expectation] = {}
    for native in parsed.resources:
        comment = native.attributes.get("comments")
        if not isinstance(comment, str):
            continue
        for part in comment.split(";"):
            match = _ANNOTATION.match(part)
            assert match, f"{native.address}: not an expectation: {part!r}"
            for rule_id in match.group(2).split(","):
                address = base_address(native.address)
                found[(match.group(1), rule_id.strip(), address)] = Expectation(
                    match.group(1), rule_id.strip(), address)
    return list(found.values())


def base_address(address: str) -> str:
    """`T/[name][0]` -> `T/[name]`: the declaration of a copy instance."""
    return re.sub(r"\[\d+\]$", "", address)


def adapt_template(directory: Path, body: dict[str, Any] | str,
                   name: str = "azuredeploy.json") -> tuple[AdaptResult, str]:
    """Parse and adapt one template written to `directory`; returns the result and the
    template's path."""
    path = directory / name
    path.write_text(body if isinstance(body, str) else json.dumps(body, indent=2))
    parsed = parse_arm([str(path)])
    assert [n.render() for n in parsed.notices if n.level == "error"] == []
    return adapt_arm(parsed.resources), str(path)
