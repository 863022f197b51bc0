#!/usr/bin/env python3
"""Generate docs/rules/<ID>.md, docs/rules/README.md and the CIS coverage section of
docs/compliance.md from the rule files.

    python scripts/gen_rule_docs.py

The catalogue test fails when these pages drift from the rules.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from govern.compliance.coverage import coverage_markdown, replace_section  # noqa: E402
from govern.engine.catalogue import rule_doc_markdown  # noqa: E402
from govern.engine.rule_loader import default_rules_dir, load_rules  # noqa: E402

# How govern differs from Checkov on every rule, found by benchmarks/compare_checkov.py
# (benchmarks/checkov-disagreements.md, B2-B5); each rule's page states the rest, in its
# partial equivalents.
COMMON_DIFFERENCES = [
    "## Differences from Checkov common to every rule", "",
    "Each rule's page says how it differs from each peer check it lists (exact or partial "
    "equivalents). These differences hold for every rule and are not repeated there "
    "(measured by `benchmarks/compare_checkov.py`; every case is in "
    "`benchmarks/checkov-disagreements.md`):", "",
    "- **Unknown values.** Where the value a rule reads is not known statically (a "
    "variable or parameter without a value, a value known only after apply, a data "
    "source, an output of a module that is not read), govern reports *unknown*; Checkov "
    "fails or passes such resources.",
    "- **Parameters and conditions.** govern reads parameters files and `terraform.tfvars`, "
    "judges a parameter without a value by every value its allowed values admit, fails what "
    "a parameter's default deploys but passes it only when every allowed value passes "
    "(docs/decisions/0007-parameters-chosen-at-deploy-time.md), and skips resources that a "
    "CloudFormation or ARM condition, or `count = 0`, leaves out; Checkov does not.",
    "- **String booleans.** CloudFormation and ARM accept `\"true\"`/`\"false\"`; govern "
    "reads them as booleans, Checkov compares them with booleans.",
    "- **Separate and evaluated resources.** govern folds separate child resources into "
    "their parent (ARM `sites/config` and `securityRules` children, S3 bucket settings, "
    "security group rules, IAM attachments, policies of a parent declared elsewhere) and "
    "evaluates `aws_iam_policy_document`, `dynamic` blocks, `count.index` and module "
    "inputs; Checkov judges each resource as written.", "",
]


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
             *COMMON_DIFFERENCES,
             "| id | severity | category | title |", "|---|---|---|---|"]
    lines += [f"| [{r.meta.id}]({r.meta.id}.md) | {r.meta.severity} | {r.meta.category} | "
              f"{r.meta.title} |" for r in rules]
    (out / "README.md").write_text("\n".join(lines) + "\n")
    for stale in out.glob("GOV-*.md"):
        if stale.name not in wanted:
            stale.unlink()
    compliance = REPO / "docs" / "compliance.md"
    compliance.write_text(replace_section(compliance.read_text(),
                                          coverage_markdown(r.meta for r in rules)))
    print(f"wrote {len(rules)} rule pages to {out.relative_to(REPO)} and the CIS coverage "
          f"to {compliance.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
