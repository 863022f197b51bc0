"""Step 3 of the govern GitHub Action: counts to GITHUB_OUTPUT, the job summary.

Reads the JSON report the scan step wrote and writes `findings-count` (failed checks,
without unknown or suppressed ones) and `blocking-count` (those that fail the gate, judged
as `govern.gate` does with the effective `fail-on` and `fail-on-unknown` from
`govern config show --format json`) to GITHUB_OUTPUT; both are left empty when govern
stopped before it had a report (exit 2, or 3 for an invalid rule). With job-summary on,
appends the Markdown report, cut at a line to stay under GitHub's 1 MiB limit with a note
saying so, and one line about the gate to GITHUB_STEP_SUMMARY.

Standard library only: it runs on whatever Python the job has.

Environment (set by action.yml):
  GOVERN_EXIT_CODE     the scan step's exit code (empty: govern did not run)
  GOVERN_JSON          the JSON report (may be empty or missing)
  GOVERN_MARKDOWN      the Markdown report (may be empty or missing)
  GOVERN_CONFIG_JSON   `govern config show --format json` (may be empty or missing)
  INPUT_JOB_SUMMARY    true: write the job summary
  INPUT_SOFT_FAIL      true: say that blocking findings do not fail the job
  INPUT_SARIF_FILE     named in the truncation note
  GITHUB_OUTPUT, GITHUB_STEP_SUMMARY
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

SUMMARY_LIMIT = 1024 * 1024  # GitHub's limit on one step's job summary, in bytes
MARGIN = 4096  # room for the note and the gate line
SEVERITY_RANK = {"low": 1, "medium": 2, "high": 3, "critical": 4}
EXIT_MEANINGS = {
    0: "no blocking findings",
    1: "blocking findings",
    2: "usage or configuration error",
    3: "scan error: a file could not be parsed or read, or a rule is invalid",
}


def _load_json(path: str) -> Any:
    if not path or not os.path.isfile(path) or os.path.getsize(path) == 0:
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _setting(config: Any, key: str, default: Any) -> Any:
    if isinstance(config, dict) and isinstance(config.get(key), dict):
        return config[key].get("value", default)
    return default


def _counted(finding: dict[str, Any]) -> bool:
    return not finding.get("suppression")


def findings_count(report: dict[str, Any]) -> int:
    """Failed checks that are not suppressed (unknown ones are not findings)."""
    return sum(1 for f in report.get("findings", [])
               if f.get("status") == "fail" and _counted(f))


def blocking_count(report: dict[str, Any], fail_on: str, fail_on_unknown: bool) -> int:
    """Findings that fail the gate, as `govern.gate.is_blocking` judges them."""
    if fail_on not in SEVERITY_RANK:  # "none"
        return 0
    threshold = SEVERITY_RANK[fail_on]
    count = 0
    for finding in report.get("findings", []):
        status = finding.get("status")
        if not _counted(finding) or status not in ("fail", "unknown"):
            continue
        if status == "unknown" and not fail_on_unknown:
            continue
        if SEVERITY_RANK.get(finding.get("severity", ""), 0) >= threshold:
            count += 1
    return count


def truncate(markdown: str, limit: int, sarif_file: str) -> str:
    """`markdown` if it fits in `limit` bytes (UTF-8), else its first lines and a note."""
    data = markdown.encode("utf-8")
    if len(data) <= limit:
        return markdown
    budget = limit - MARGIN
    cut = data.rfind(b"\n", 0, budget)
    kept = data[:cut + 1 if cut >= 0 else budget].decode("utf-8", errors="ignore")
    return (f"{kept}\n> [!NOTE]\n> The report was cut to stay under GitHub's 1 MiB job "
            f"summary limit: {len(kept.encode('utf-8'))} of {len(data)} bytes shown. "
            f"Every finding is in the SARIF file `{sarif_file}` (code scanning) and in the "
            f"log of the scan step.\n")


def gate_line(code: int | None, blocking: int | None, fail_on: str, soft_fail: bool) -> str:
    if code is None:
        return "**govern did not run**: see the install and scan steps."
    meaning = EXIT_MEANINGS.get(code, "unexpected exit code")
    if code == 0:
        return f"**Gate passed** (exit 0: {meaning}, fail-on `{fail_on}`)."
    if code == 1:
        count = f"{blocking} " if blocking is not None else ""
        soft = "; soft-fail is on, so the job does not fail" if soft_fail else ""
        return (f"**Gate failed** (exit 1: {count}{meaning} at or above `{fail_on}`{soft}).")
    return f"**govern stopped** (exit {code}: {meaning}); see the log of the scan step."


def main() -> int:
    raw_code = os.environ.get("GOVERN_EXIT_CODE", "")
    code = int(raw_code) if raw_code.isdigit() else None
    report = _load_json(os.environ.get("GOVERN_JSON", ""))
    config = _load_json(os.environ.get("GOVERN_CONFIG_JSON", ""))
    fail_on = str(_setting(config, "fail-on", "low"))
    fail_on_unknown = bool(_setting(config, "fail-on-unknown", False))

    found = blocking = None
    if isinstance(report, dict):
        found = findings_count(report)
        if config is not None:
            blocking = blocking_count(report, fail_on, fail_on_unknown)
    with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as out:
        out.write(f"findings-count={'' if found is None else found}\n")
        out.write(f"blocking-count={'' if blocking is None else blocking}\n")

    if os.environ.get("INPUT_JOB_SUMMARY", "true").lower() != "true":
        return 0
    markdown_path = os.environ.get("GOVERN_MARKDOWN", "")
    if markdown_path and os.path.isfile(markdown_path):
        with open(markdown_path, encoding="utf-8") as fh:
            markdown = fh.read()
    else:
        markdown = "# govern: no report\n"
    soft_fail = os.environ.get("INPUT_SOFT_FAIL", "false").lower() == "true"
    tail = "\n" + gate_line(code, blocking, fail_on, soft_fail) + "\n"
    body = truncate(markdown, SUMMARY_LIMIT - len(tail.encode("utf-8")),
                    os.environ.get("INPUT_SARIF_FILE", "govern.sarif"))
    with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
        summary.write(body + tail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
