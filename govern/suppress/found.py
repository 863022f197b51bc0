"""What the readers of inline suppressions share: the id mapping, the invalid-suppression
record, the list both go into, and date parsing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from govern.model.finding import RuleMeta
from govern.suppress.model import SuppressionRule

ALL_RULES = "*"  # in `SuppressionRule.rule_ids`: every rule (KICS, `trivy:ignore:*`)

# tfsec's long ids (`<provider>-<service>-<short-code>`, which tfsec and Trivy still accept
# in `tfsec:ignore:` / `trivy:ignore:`) -> Trivy AVD ids, for the AVD ids the catalogue's
# equivalents name. Both tools also accept the AVD ids themselves.
TFSEC_TO_AVD: dict[str, str] = {
    "aws-s3-enable-bucket-encryption": "AVD-AWS-0088",
    "aws-s3-block-public-acls": "AVD-AWS-0086",
    "aws-s3-block-public-policy": "AVD-AWS-0087",
    "aws-s3-ignore-public-acls": "AVD-AWS-0091",
    "aws-s3-no-public-buckets": "AVD-AWS-0093",
    "aws-ec2-no-public-ingress-sgr": "AVD-AWS-0107",
    "aws-rds-encrypt-instance-storage-data": "AVD-AWS-0080",
    "aws-rds-no-public-db-access": "AVD-AWS-0180",
    "aws-ec2-enforce-http-token-imds": "AVD-AWS-0028",
    "aws-sns-enable-topic-encryption": "AVD-AWS-0095",
    "azure-storage-enforce-https": "AVD-AZU-0008",
}

# Trivy ids its tool has since deprecated or replaced, which rules therefore no longer list
# as equivalents, but which suppression comments written earlier still carry: each still
# suppresses what its check covered (Trivy's replacement id where there is one).
RETIRED_TRIVY_IDS: dict[str, str] = {
    "AVD-AWS-0088": "GOV-AWS-001",  # S3 bucket encryption (S3 encrypts by default since 2023)
    "AVD-AWS-0057": "GOV-AWS-017 GOV-AWS-018",  # IAM wildcard actions on resources
    "AVD-AWS-0082": "AVD-AWS-0180",  # RDS publicly accessible
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class InvalidSuppression:
    """A suppression that does not suppress: what is wrong, and where."""

    message: str
    file: str
    line: int
    bad_date: bool = False  # a date that is not a calendar date: a configuration error


@dataclass
class Found:
    """The suppressions read so far, and the ones written wrongly."""

    rules: list[SuppressionRule] = field(default_factory=list)
    invalid: list[InvalidSuppression] = field(default_factory=list)


class IdMap:
    """Other tools' ids -> govern rule ids, from the rules' equivalents."""

    def __init__(self, rules: Iterable[RuleMeta]) -> None:
        self.known: set[str] = set()
        self.foreign: dict[str, set[str]] = {}
        self.by_tool: dict[str, set[str]] = {}  # tool -> the rules with an equivalent there
        for rule in rules:
            self.known.add(rule.id)
            for tool, ids in rule.equivalents.items():
                for other in ids:
                    self.foreign.setdefault(other.upper(), set()).add(rule.id)
                    self.by_tool.setdefault(tool, set()).add(rule.id)
        for retired, successors in RETIRED_TRIVY_IDS.items():
            for successor in successors.split():
                found = {successor} & self.known or self.foreign.get(successor, set())
                if found:
                    self.foreign.setdefault(retired, set()).update(found)
                    self.by_tool.setdefault("trivy", set()).update(found)

    def map(self, tool: str, ids: Iterable[str]) -> frozenset[str]:
        """The govern rules `ids` (of `tool`) name; ids are compared case-insensitively."""
        out: set[str] = set()
        for raw in ids:
            key = TFSEC_TO_AVD.get(raw.lower(), raw) if tool in ("tfsec", "trivy") else raw
            out |= self.foreign.get(key.upper(), set())
        return frozenset(out)


def parse_date(text: str) -> date | None:
    """`YYYY-MM-DD` as a date, else None."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
