"""Rule metadata as reporters need it: looked up by id, with a fallback for a finding
whose rule is missing from `ScanReport.rules` (an engine bug, but never a reporter crash)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from govern.model.finding import Finding, RuleMeta, ScanReport

EQUIVALENT_TOOLS: tuple[str, ...] = ("checkov", "trivy", "kics")


class RuleIndex:
    """The rules of one report by id (the first of duplicate ids wins)."""

    def __init__(self, rules: Iterable[RuleMeta]) -> None:
        self._by_id: dict[str, RuleMeta] = {}
        for rule in rules:
            self._by_id.setdefault(rule.id, rule)

    @classmethod
    def of(cls, report: ScanReport) -> RuleIndex:
        return cls(report.rules)

    def get(self, rule_id: str) -> RuleMeta | None:
        return self._by_id.get(rule_id)

    def for_finding(self, finding: Finding) -> RuleMeta:
        """The finding's rule, or a minimal one built from the finding itself."""
        rule = self._by_id.get(finding.rule_id)
        return rule if rule is not None else fallback_rule(finding)

    def ids(self) -> list[str]:
        return sorted(self._by_id)


def fallback_rule(finding: Finding) -> RuleMeta:
    """Rule metadata reconstructed from a finding: the id doubles as the title."""
    return RuleMeta(
        id=finding.rule_id, slug="", title=finding.rule_id, severity=finding.severity,
        category=finding.category, kinds=(finding.resource_kind,),
        formats=(finding.source_format,), precision="medium", description="",
        remediation="", help_markdown="", help_uri="", tags=(),
        equivalents=dict(finding.equivalents),
    )


def equivalents(mapping: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """`{"checkov": [...], "trivy": [...], "kics": [...]}` always present (empty when none),
    then any other tool in name order; ids keep their given order."""
    out: dict[str, list[str]] = {tool: list(mapping.get(tool, ())) for tool in EQUIVALENT_TOOLS}
    for tool in sorted(set(mapping) - set(EQUIVALENT_TOOLS)):
        out[tool] = list(mapping[tool])
    return out
