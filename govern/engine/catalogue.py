"""The rule catalogue as users see it: `govern rules list` (text and JSON), `govern rules
show ID`, and the generated pages docs/rules/<ID>.md."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from typing import Any

from govern.engine.rule import Rule
from govern.engine.rule_docs import (
    EQUIVALENT_NAMES,
    EQUIVALENT_TOOLS,
    EXAMPLE_ORDER,
    FORMAT_NAMES,
    equivalence,
    format_names,
    partial_differences,
)


def rules_to_json(rules: Iterable[Rule]) -> list[dict[str, Any]]:
    """One JSON object per rule, sorted by id."""
    return [{
        "id": rule.meta.id,
        "slug": rule.meta.slug,
        "title": rule.meta.title,
        "severity": rule.meta.severity,
        "category": rule.meta.category,
        "kinds": list(rule.meta.kinds),
        "formats": list(rule.meta.formats),
        "precision": rule.meta.precision,
        "status": rule.meta.status,
        "aliases": list(rule.meta.aliases),
        "equivalents": {tool: list(rule.meta.equivalents.get(tool, ()))
                        for tool in EQUIVALENT_TOOLS},
        "partial_equivalents": dict(rule.meta.partial_equivalents),
        "parameters": rule.parameters,
        "compliance": {k: list(v) for k, v in sorted(rule.compliance.items())},
        "help_uri": rule.meta.help_uri,
        "file": rule.meta.source_file,
    } for rule in sorted(rules, key=lambda r: r.meta.id)]


def rules_to_text(rules: Iterable[Rule]) -> str:
    """An aligned table: ID, SEVERITY, CATEGORY, TITLE (ends with a newline); the title of
    a rule that is not stable ends with its status in brackets."""
    rows = [("ID", "SEVERITY", "CATEGORY", "TITLE")]
    rows += [(r.meta.id, r.meta.severity, r.meta.category,
              r.meta.title + ("" if r.meta.status == "stable" else f" [{r.meta.status}]"))
             for r in sorted(rules, key=lambda r: r.meta.id)]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join([*(cell.ljust(w) for cell, w in zip(row[:3], widths, strict=True)),
                        row[3]]) for row in rows]
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _indent(text: str) -> str:
    return textwrap.indent(text.strip("\n"), "    ")


def rule_to_text(rule: Rule) -> str:
    """Everything about one rule, for `govern rules show ID` (ends with a newline)."""
    meta = rule.meta
    fields = [
        ("slug", meta.slug),
        ("severity", meta.severity),
        ("category", meta.category),
        ("precision", meta.precision),
        ("kinds", ", ".join(meta.kinds)),
        ("formats", ", ".join(meta.formats)),
        ("message", rule.message),
        ("status", meta.status),
    ]
    fields += [("former ids", ", ".join(meta.aliases))] if meta.aliases else []
    fields += [(f"parameter {k}", _value(v)) for k, v in sorted(rule.parameters.items())]
    partial = meta.partial_equivalents
    fields += [(t, ", ".join(f"{i} ({equivalence(i, partial)})"
                             for i in meta.equivalents.get(t, ())) or "-")
               for t in EQUIVALENT_TOOLS]
    fields += [(f"partial {i}", difference)
               for _, i, difference in partial_differences(meta.equivalents, partial)]
    fields += [(f"compliance {k}", ", ".join(v)) for k, v in sorted(rule.compliance.items())]
    fields += [("reference", r) for r in rule.references]
    fields += [("help", meta.help_uri), ("file", meta.source_file)]
    width = max(len(name) for name, _ in fields)
    out = [f"{meta.id}  {meta.title}", ""]
    out += [f"{name.ljust(width)}  {value}" for name, value in fields]
    out += ["", "Why is this bad?", _indent(meta.description),
            "", "Remediation", _indent(meta.remediation)]
    for fmt in EXAMPLE_ORDER:
        if fmt in rule.examples:
            for which in ("bad", "good"):
                out += ["", f"Example ({FORMAT_NAMES[fmt]}, {which})",
                        _indent(rule.examples[fmt][which])]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rule_doc_markdown(rule: Rule) -> str:
    """The page docs/rules/<ID>.md, generated from the rule file (never edited by hand)."""
    meta = rule.meta
    rows = [
        ("Severity", meta.severity),
        ("Category", meta.category),
        ("Precision", meta.precision),
        ("Kinds", ", ".join(f"`{k}`" for k in meta.kinds)),
        ("Formats", format_names(meta.formats)),
        ("Slug", f"`{meta.slug}`"),
    ]
    rows += [("Status", meta.status)] if meta.status != "stable" else []
    rows += [("Former ids", ", ".join(meta.aliases))] if meta.aliases else []
    rows += [(EQUIVALENT_NAMES[t], ", ".join(
        f"`{i}` ({equivalence(i, meta.partial_equivalents)})"
        for i in meta.equivalents.get(t, ())) or "none") for t in EQUIVALENT_TOOLS]
    rows += [(f"Parameter `{k}`", f"`{_value(v)}`") for k, v in sorted(rule.parameters.items())]
    table = "\n".join(f"| {_cell(name)} | {_cell(value)} |" for name, value in rows)
    return (f"# {meta.id}: {meta.title}\n\n"
            f"<!-- Generated from the rule file {meta.slug}.yaml; do not edit. -->\n\n"
            f"| | |\n|---|---|\n{table}\n\n{_compliance_markdown(rule)}{meta.help_markdown}")


def _compliance_markdown(rule: Rule) -> str:
    """`## Compliance` with a row per control (framework name and version, id, title), the
    frameworks in the order of `FRAMEWORK_KEYS`; "" when the rule maps to none."""
    if not rule.compliance:
        return ""
    from govern.compliance.catalogues import FRAMEWORK_KEYS, load_framework

    rows = []
    for key in sorted(rule.compliance, key=lambda k: (
            FRAMEWORK_KEYS.index(k) if k in FRAMEWORK_KEYS else len(FRAMEWORK_KEYS), k)):
        framework = load_framework(key) if key in FRAMEWORK_KEYS else None
        titles = {c.id: c.title for c in framework.controls} if framework else {}
        name = f"{framework.title} (`{key}`)" if framework else f"`{key}`"
        rows += [f"| {_cell(name)} | {_cell(control)} | {_cell(titles.get(control, ''))} |"
                 for control in rule.compliance[key]]
    return ("## Compliance\n\n| Framework | Control | Title |\n|---|---|---|\n"
            + "\n".join(rows) + "\n\n")
