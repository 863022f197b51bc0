"""The decision as short text for people (`govern admit --format text`)."""

from __future__ import annotations

from govern.admission.decide import Decision
from govern.report.safe_text import clean_text


def decision_text(decision: Decision) -> str:
    lines = [f"decision: {decision.decision}"]
    for error in decision.errors:
        lines.append(f"  error: {error['message']}")
    for reason in decision.reasons:
        where = reason["location"]
        at = f" ({where['file']}:{where['start_line']})" if where else ""
        lines.append(f"  {reason['enforcement']} {reason['status']} {reason['rule']} "
                     f"[{reason['severity']}] {reason['resource']}{at}: {reason['message']}")
    return clean_text("\n".join(lines) + "\n")
