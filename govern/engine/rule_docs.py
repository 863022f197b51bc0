"""Rule documentation in markdown, in the style of ruff's rule docs: What it does / Why is
this bad? / Example / Use instead / Remediation / References. Deterministic: the generated
pages in docs/rules/ are compared byte for byte in tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

FORMAT_NAMES = {
    "terraform": "Terraform",
    "tfplan": "Terraform plan JSON",
    "cloudformation": "CloudFormation",
    "arm": "ARM templates",
    "aws-live": "live AWS accounts",
}
EXAMPLE_ORDER = ("terraform", "tfplan", "cloudformation", "arm")


def format_names(formats: Sequence[str]) -> str:
    """`Terraform, Terraform plan JSON, CloudFormation, live AWS accounts` (in that order)."""
    order = list(FORMAT_NAMES)
    ranked = sorted(formats, key=lambda f: (order.index(f) if f in order else len(order), f))
    return ", ".join(FORMAT_NAMES.get(f, f) for f in ranked)
EQUIVALENT_NAMES = {"checkov": "Checkov", "trivy": "Trivy", "kics": "KICS"}
EQUIVALENT_TOOLS = tuple(EQUIVALENT_NAMES)
HELP_URI = "https://github.com/govern-dev/govern/blob/main/docs/rules/{id}.md"


def _fence(fmt: str, code: str) -> str:
    language = {"terraform": "hcl", "tfplan": "json", "arm": "json"}.get(fmt)
    if language is None:
        language = "json" if code.lstrip().startswith("{") else "yaml"
    return f"```{language}\n{code.strip(chr(10))}\n```"


def _examples(examples: Mapping[str, Mapping[str, str]], which: str) -> str:
    formats = [f for f in EXAMPLE_ORDER if f in examples]
    blocks = []
    for fmt in formats:
        label = f"{FORMAT_NAMES[fmt]}:\n\n" if len(formats) > 1 else ""
        blocks.append(label + _fence(fmt, examples[fmt][which]))
    return "\n\n".join(blocks)


def equivalence(peer_id: str, partial: Mapping[str, str]) -> str:
    """`exact`, or `partial` when the rule's `equivalents.partial` states a difference."""
    return "partial" if peer_id in partial else "exact"


def equivalents_text(equivalents: Mapping[str, Sequence[str]],
                     partial: Mapping[str, str] | None = None) -> str:
    """`Checkov `CKV_AWS_19` (exact); Trivy `AVD-AWS-0088` (partial); KICS none` in
    markdown."""
    partial = partial or {}
    parts = []
    for tool, name in EQUIVALENT_NAMES.items():
        ids = ", ".join(f"`{i}` ({equivalence(i, partial)})"
                        for i in equivalents.get(tool, ())) or "none"
        parts.append(f"{name} {ids}")
    return "; ".join(parts)


def partial_differences(equivalents: Mapping[str, Sequence[str]],
                        partial: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(tool name, peer id, difference) of each partial equivalent, in the lists' order."""
    return [(name, i, partial[i]) for tool, name in EQUIVALENT_NAMES.items()
            for i in equivalents.get(tool, ()) if i in partial]


def help_markdown(*, kinds: Sequence[str], formats: Sequence[str], message: str,
                  rationale: str, remediation: str,
                  examples: Mapping[str, Mapping[str, str]], references: Sequence[str],
                  equivalents: Mapping[str, Sequence[str]],
                  partial: Mapping[str, str] | None = None) -> str:
    """The help text of a rule (SARIF `help.markdown`, the body of docs/rules/<ID>.md)."""
    kind_text = ", ".join(f"`{k}`" for k in kinds)
    format_text = format_names(formats)
    sections = [
        ("What it does", f"Checks {kind_text} resources ({format_text}) and reports: "
                         f"{message}."),
        ("Why is this bad?", rationale.strip()),
        ("Example", _examples(examples, "bad")),
        ("Use instead", _examples(examples, "good")),
        ("Remediation", remediation.strip()),
        ("References", "\n".join([
            *(f"- <{r}>" for r in references),
            f"- Equivalent checks: {equivalents_text(equivalents, partial)}",
            *(f"  - {name} `{i}` is partial: {difference}" for name, i, difference
              in partial_differences(equivalents, partial or {}))])),
    ]
    return "\n\n".join(f"## {title}\n\n{body}" for title, body in sections if body) + "\n"
