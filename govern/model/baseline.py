"""What a scan against a baseline reports: how many findings the baseline held back and
which of its entries were not found any more (fixed). See govern.suppress.baseline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class BaselineEntry:
    """One finding recorded in a baseline file (`file` relative to the report root)."""

    file: str
    rule_id: str
    address: str
    fingerprint: str
    message: str = ""

    def to_json(self) -> dict[str, str]:
        return {"fingerprint": self.fingerprint, "rule_id": self.rule_id,
                "address": self.address, "file": self.file, "message": self.message}


@dataclass(frozen=True)
class BaselineSummary:
    file: str  # the baseline file, as given
    matched: int  # findings left out because the baseline holds them
    fixed: tuple[BaselineEntry, ...]  # entries no finding has any more, sorted
