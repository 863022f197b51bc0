"""Inline expectations in fixture files (semgrep style).

A comment line `# ruleid: GOV-AWS-001` (or `// ruleid: ...`) says the resource block that
starts on the next non-comment line must be reported as failing by that rule; `# ok: ID` says
it must not be reported; `# unknown: ID` says it must be reported as undecidable. Several ids
may be given, separated by commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_ANNOTATION = re.compile(r"^\s*(?:#|//)\s*(ruleid|ok|unknown):\s*(.+?)\s*$")
_RESOURCE = re.compile(r'^\s*resource\s+"([^"]+)"\s+"([^"]+)"')


@dataclass(frozen=True)
class Expectation:
    kind: str  # "ruleid" | "ok" | "unknown"
    rule_id: str
    address: str  # TYPE.NAME in the root module
    file: str
    line: int


def read_expectations(directory: Path) -> list[Expectation]:
    found: list[Expectation] = []
    for path in sorted(directory.glob("*.tf")):
        pending: list[tuple[str, str, int]] = []
        for number, text in enumerate(path.read_text().splitlines(), start=1):
            match = _ANNOTATION.match(text)
            if match:
                for rule_id in match.group(2).split(","):
                    pending.append((match.group(1), rule_id.strip(), number))
                continue
            if not text.strip() or text.lstrip().startswith(("#", "//")):
                continue
            resource = _RESOURCE.match(text)
            if pending and resource is None:
                raise AssertionError(f"{path}:{pending[0][2]}: annotation not followed by a "
                                     f"resource block")
            if resource is not None:
                address = f"{resource.group(1)}.{resource.group(2)}"
                found.extend(Expectation(kind, rule_id, address, str(path), line)
                             for kind, rule_id, line in pending)
            pending = []
    return found


def base_address(address: str) -> str:
    """`aws_s3_bucket.b[0]` and `aws_s3_bucket.b["k"]` -> `aws_s3_bucket.b`."""
    return re.sub(r"\[[^\]]*\]$", "", address)
