#!/usr/bin/env python3
"""Generate docs/rules/<ID>.md and docs/rules/README.md from the rule files.

    python scripts/gen_rule_docs.py

The catalogue test fails when these pages drift from the rules.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from govern.engine.catalogue import rule_doc_markdown  # noqa: E402
from govern.engine.rule_loader import default_rules_dir, load_rules  # noqa: E402


def main() -> int:
    rules = load_rules([default_rules_dir()]).rules
    out = REPO / "docs" / "rules"
    out.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for rule in rules:
        page = out / f"{rule.meta.id}.md"
        wanted.add(page.name)
        page.write_text(rule_doc_markdown(rule))
    lines = ["# Rules", "", "Generated from `rules/` by `scripts/gen_rule_docs.py`.", "",
             "| id | severity | category | title |", "|---|---|---|---|"]
    lines += [f"| [{r.meta.id}]({r.meta.id}.md) | {r.meta.severity} | {r.meta.category} | "
              f"{r.meta.title} |" for r in rules]
    (out / "README.md").write_text("\n".join(lines) + "\n")
    for stale in out.glob("GOV-*.md"):
        if stale.name not in wanted:
            stale.unlink()
    print(f"wrote {len(rules)} rule pages to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
