"""Which failing rules deny a change (mandatory) and which only warn (advisory).

The `admission` configuration key: `mandatory` and `advisory` list rule ids, categories or
`severity>=X` entries; a rule matched by neither takes `default`. A rule id beats a
category, which beats a severity bound. Without the key: `mandatory: [severity>=high]`,
`default: advisory`, `on-error: fail-closed`, `existing: deny` (a mandatory failure that
the touched live resource already had denies too: the state after the change is judged as
a whole; `warn` denies only what the change introduces).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from govern.errors import ConfigError
from govern.model.finding import SEVERITIES, Finding

MANDATORY = "mandatory"
ADVISORY = "advisory"
FAIL_CLOSED = "fail-closed"
FAIL_OPEN = "fail-open"
DENY_EXISTING = "deny"  # `existing`: judge the state after the change as a whole
WARN_EXISTING = "warn"  # `existing`: a failure the live resource already had only warns
_SEVERITY_PREFIX = "severity>="


@dataclass(frozen=True)
class AdmissionPolicy:
    mandatory: tuple[str, ...] = (f"{_SEVERITY_PREFIX}high",)
    advisory: tuple[str, ...] = ()
    default: str = ADVISORY
    on_error: str = FAIL_CLOSED
    existing: str = DENY_EXISTING

    @classmethod
    def from_config(cls, value: Mapping[str, Any] | None) -> AdmissionPolicy:
        """The policy of the `admission` key (already schema-checked). ConfigError when an
        entry is in both lists."""
        if not value:
            return cls()
        policy = cls(
            mandatory=tuple(value.get("mandatory", cls.mandatory)),
            advisory=tuple(value.get("advisory", ())),
            default=str(value.get("default", ADVISORY)),
            on_error=str(value.get("on-error", FAIL_CLOSED)),
            existing=str(value.get("existing", DENY_EXISTING)))
        both = sorted(set(policy.mandatory) & set(policy.advisory))
        if both:
            raise ConfigError(f"admission: {', '.join(both)} is both mandatory and advisory")
        return policy

    def classify(self, finding: Finding) -> str:
        """`mandatory` or `advisory` for a finding's rule."""
        for matches in (_by_id, _by_category, _by_severity):
            in_mandatory = any(matches(e, finding) for e in self.mandatory)
            in_advisory = any(matches(e, finding) for e in self.advisory)
            if in_mandatory != in_advisory:
                return MANDATORY if in_mandatory else ADVISORY
            if in_mandatory:  # a category and a severity bound from both lists: stricter
                return MANDATORY
        return self.default


def _by_id(entry: str, finding: Finding) -> bool:
    return entry == finding.rule_id


def _by_category(entry: str, finding: Finding) -> bool:
    return entry == finding.category


def _by_severity(entry: str, finding: Finding) -> bool:
    if not entry.startswith(_SEVERITY_PREFIX):
        return False
    bound = entry[len(_SEVERITY_PREFIX):]
    return SEVERITIES.index(finding.severity) <= SEVERITIES.index(bound)
