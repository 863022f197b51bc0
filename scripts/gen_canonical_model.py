#!/usr/bin/env python3
"""Generate the "Kinds" section of docs/canonical-model.md from the declarations in
govern/kinds/ and the adapters' field tables.

    python scripts/gen_canonical_model.py          # rewrite the section
    python scripts/gen_canonical_model.py --check  # exit 1 when the file has drifted

The section sits between the two GENERATED markers; the prose around it is written by hand.
tests/kinds/test_canonical_model_docs.py fails when the section drifts from the code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from govern.adapters.tables import NativeMapping, native_mappings  # noqa: E402
from govern.kinds import CHANGE, KINDS  # noqa: E402
from govern.kinds.declare import NO_DEFAULT, Attribute, Kind  # noqa: E402

DOC = REPO / "docs" / "canonical-model.md"
START = "<!-- GENERATED from govern/kinds/ by scripts/gen_canonical_model.py: do not edit -->"
END = "<!-- END GENERATED -->"
FORMAT_NAMES = {"terraform": "Terraform", "cloudformation": "CloudFormation", "arm": "ARM",
                "tfplan": "plan JSON", "aws-live": "live AWS"}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _type(attribute: Attribute) -> str:
    if attribute.type == "list":
        return f"list of {attribute.items}s" if attribute.items else "list"
    return attribute.type.replace("|", " or ")


def _default(attribute: Attribute) -> str:
    if attribute.default is NO_DEFAULT:
        return ""
    return f"`{json.dumps(attribute.default)}`"


def _rows(attributes: tuple[Attribute, ...], prefix: str = "") -> list[str]:
    rows = []
    for attribute in attributes:
        path = f"{prefix}{attribute.name}"
        meaning = attribute.doc
        if attribute.values:
            meaning += " One of " + ", ".join(f"`{v}`" for v in attribute.values) + "."
        rows.append(f"| `{path}` | {_type(attribute)} | {_default(attribute)} | "
                    f"{_cell(meaning)} |")
        inner = f"{path}[]." if attribute.type == "list" else f"{path}."
        rows += _rows(attribute.attributes, inner)
    return rows


def _natives(mappings: list[NativeMapping]) -> list[str]:
    lines = []
    for mapping in mappings:
        name = FORMAT_NAMES[mapping.source_format]
        fields = []
        for canonical, natives in mapping.fields:
            if natives == (canonical,):
                fields.append(f"`{canonical}`")
            else:
                fields.append(f"`{canonical}` from " + " or ".join(f"`{n}`" for n in natives))
        lines.append(f"- {name} `{mapping.native_type}`: " + "; ".join(fields))
    return lines


def _kind(kind: Kind, mappings: list[NativeMapping]) -> list[str]:
    formats = ", ".join(FORMAT_NAMES[f] for f in kind.formats)
    lines = [f"### `{kind.name}`", "", f"{kind.description}. From {formats}"
             + ("." if kind.taggable else "; not taggable."), "",
             "| attribute | type | default | meaning |", "|---|---|---|---|",
             *_rows(tuple(a for a in kind.attributes if a is not CHANGE)), ""]
    if mappings:
        lines += ["Field tables (each canonical attribute, from the native one where the "
                  "names differ; what is not listed is built in code):",
                  "", *_natives(mappings), ""]
    return lines


def render_kinds() -> str:
    by_kind: dict[str, list[NativeMapping]] = defaultdict(list)
    for mapping in native_mappings():
        if mapping.kind is not None and mapping.fields:
            by_kind[mapping.kind].append(mapping)
    lines = [START, ""]
    for name in sorted(KINDS):
        lines += _kind(KINDS[name], by_kind.get(name, []))
    lines.append(END)
    return "\n".join(lines)


def rendered(current: str) -> str:
    """`current` with its generated section replaced."""
    start, end = current.index(START), current.index(END) + len(END)
    return current[:start] + render_kinds() + current[end:]


def main(argv: Any = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the doc drifted")
    args = parser.parse_args(argv)
    current = DOC.read_text(encoding="utf-8")
    wanted = rendered(current)
    if args.check:
        if wanted != current:
            print(f"{DOC.relative_to(REPO)} is out of date: run "
                  f"python scripts/gen_canonical_model.py")
            return 1
        return 0
    DOC.write_text(wanted, encoding="utf-8")
    print(f"wrote {len(KINDS)} kinds to {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
