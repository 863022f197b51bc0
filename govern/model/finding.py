"""What the engine hands to reporters: rule metadata, findings, notices, the scan report.

Reporters see only these types (never parsers, adapters or the engine's internals).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from govern.model.baseline import BaselineSummary
from govern.model.source import SourceRange

Severity = Literal["critical", "high", "medium", "low"]
Status = Literal["fail", "unknown"]
ControlStatus = Literal["fail", "unknown", "pass", "not-applicable", "not-covered"]
NoticeLevel = Literal["error", "warning", "note"]
RuleStatus = Literal["stable", "experimental", "deprecated"]

SEVERITIES: tuple[Severity, ...] = ("critical", "high", "medium", "low")
CONTROL_STATUSES: tuple[ControlStatus, ...] = (
    "fail", "unknown", "pass", "not-applicable", "not-covered")
SEVERITY_RANK: dict[str, int] = {"critical": 4, "high": 3, "medium": 2, "low": 1, "none": 99}
SECURITY_SEVERITY: dict[str, str] = {
    "critical": "9.5", "high": "8.0", "medium": "5.5", "low": "2.0"}


@dataclass(frozen=True)
class RuleMeta:
    """Everything a reporter may say about a rule."""

    id: str
    slug: str
    title: str
    severity: Severity
    category: str
    kinds: tuple[str, ...]
    formats: tuple[str, ...]
    precision: str
    description: str  # what it does and why it matters (the rationale)
    remediation: str
    help_markdown: str
    help_uri: str
    tags: tuple[str, ...]
    equivalents: dict[str, tuple[str, ...]]
    source_file: str = ""
    compliance: dict[str, tuple[str, ...]] = field(default_factory=dict)  # framework -> ids
    # peer id -> how it differs from the rule, for the equivalents that are partial (every
    # id in `equivalents` is an equivalent; one not here is exact)
    partial_equivalents: dict[str, str] = field(default_factory=dict)
    status: RuleStatus = "stable"
    aliases: tuple[str, ...] = ()  # former ids, oldest first

    @property
    def first_id(self) -> str:
        """The id the rule was first published under (its oldest alias, else its id): what
        fingerprints use, so that renaming a rule keeps its findings' identity."""
        return self.aliases[0] if self.aliases else self.id

    @property
    def all_ids(self) -> tuple[str, ...]:
        """The rule's id and its former ids."""
        return (self.id, *self.aliases)


@dataclass(frozen=True)
class Suppression:
    """Why a finding is accepted: an inline comment in the source (`inSource`) or a waiver
    file / baseline outside it (`external`). Suppressed findings are reported, counted apart,
    and never block the gate."""

    kind: Literal["inSource", "external"]
    source: str  # "govern", "checkov", "tfsec", "trivy", "kics", "waiver", "baseline"
    justification: str
    location: SourceRange | None = None  # where the suppression is written
    until: str | None = None  # ISO date after which it no longer applies


@dataclass(frozen=True, slots=True)  # slots: a large scan holds a million of them
class Finding:
    """A rule that failed (or could not be decided) on one resource."""

    rule_id: str
    severity: Severity
    category: str
    status: Status
    message: str
    resource_id: str
    resource_kind: str
    resource_address: str
    source_format: str
    location: SourceRange | None
    fingerprint: str
    path: str = ""  # canonical attribute path of the offending value, "" for the resource
    equivalents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    context: str = ""  # the resource's deployment (root module dir, template), as reported
    resource_range: SourceRange | None = None  # where the resource itself is written
    suppression: Suppression | None = None  # set when an accepted risk covers this finding

    def sort_key(self) -> tuple[str, int, str, str, str]:
        loc = self.location
        return (loc.file if loc else "", loc.start_line if loc else 0, self.rule_id,
                self.resource_address, self.path)


@dataclass(frozen=True)
class Notice:
    """Something about the inputs: a file that could not be parsed (`error`), a value or
    module that could not be resolved (`warning`), a file skipped on purpose (`note`)."""

    level: NoticeLevel
    message: str
    file: str | None = None
    line: int | None = None
    hint: str | None = None
    code: str = ""  # short stable code, e.g. "parse-error", "skipped-binary"
    # the resource kinds whose resources this notice makes unknown (a failed live listing)
    kinds: tuple[str, ...] = ()

    def render(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass(frozen=True)
class ScanStats:
    files: int = 0
    resources: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class ScanReport:
    """The result of one scan, sorted and ready to render."""

    findings: tuple[Finding, ...]
    rules: tuple[RuleMeta, ...]  # every rule that ran
    notices: tuple[Notice, ...]
    root: str  # absolute directory that relative URIs in reports are relative to
    stats: ScanStats = ScanStats()
    tool_version: str = ""
    # rule id -> number of resources of its kinds it was evaluated on (every rule that ran)
    evaluated: dict[str, int] = field(default_factory=dict)
    # one per framework asked for with `--compliance`, in the order asked
    compliance: tuple[ComplianceReport, ...] = ()
    # only with `--baseline`: findings it held back and entries fixed since
    baseline: BaselineSummary | None = None


@dataclass(frozen=True)
class ControlResult:
    """One control of a framework after a scan. `rules`: the ids of the rules that ran and
    map to it; `resources`: evaluations of those rules (resource x rule); `failed` and
    `unknown`: their findings of that status. `beyond_code`: for a `not-covered` control
    that no configuration can show, why (from the framework file); "" otherwise."""

    id: str
    title: str
    status: ControlStatus
    rules: tuple[str, ...] = ()
    resources: int = 0
    failed: int = 0
    unknown: int = 0
    beyond_code: str = ""


@dataclass(frozen=True)
class ComplianceReport:
    """A scan seen through one framework: every control of its catalogue, in order."""

    framework: str  # the key, e.g. cis-aws-3.0
    name: str
    version: str
    url: str
    title: str  # name and version, for people
    controls: tuple[ControlResult, ...]
    # what the scan could not read (scan errors, failed live listings): the statuses
    # cannot vouch for it (assess: pass and not-applicable become unknown where it counts)
    incomplete: tuple[str, ...] = ()

    def counts(self) -> dict[ControlStatus, int]:
        out: dict[ControlStatus, int] = {s: 0 for s in CONTROL_STATUSES}
        for control in self.controls:
            out[control.status] += 1
        return out
