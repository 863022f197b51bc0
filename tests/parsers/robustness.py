"""Shared helpers of the parsers' robustness tests: a bad file scanned beside a sentinel
template whose finding must still be reported, under an alarm so that a hang fails."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from govern.gate import exit_code
from govern.model.finding import Notice, ScanReport
from govern.report import FORMATS, render
from govern.scan import ScanOptions, run_scan

ALARM_SECONDS = 20
SENTINEL_NAME = "sentinel.yaml"
SENTINEL = ("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  PublicBucket:\n"
            "    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n")
SENTINEL_FINDING = ("GOV-AWS-002", "PublicBucket")  # public ACL on the sentinel bucket


@contextmanager
def alarm(seconds: int = ALARM_SECONDS) -> Iterator[None]:
    """Fail (instead of blocking the suite) when the block runs longer than `seconds`."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds} seconds: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def scan_beside_sentinel(directory: Path, name: str, content: str | bytes) -> ScanReport:
    """Write `content` as `name` and the sentinel template into `directory`, scan it, and
    check the sentinel's finding is reported and every report format renders."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    (directory / SENTINEL_NAME).write_text(SENTINEL, encoding="utf-8")
    with alarm():
        report = run_scan(ScanOptions(paths=(str(directory),))).report
        for fmt in FORMATS:
            render(fmt, report)
    found = {(f.rule_id, f.resource_address) for f in report.findings
             if f.location is not None and f.location.file.endswith(SENTINEL_NAME)}
    assert SENTINEL_FINDING in found, report.notices
    return report


def notices_of(report: ScanReport, name: str) -> list[tuple[str, int | None, str]]:
    """(level, line, message) of the notices about the file `name`."""
    return [(n.level, n.line, n.message) for n in report.notices
            if n.file is not None and n.file.endswith(name)]


def only_error(report: ScanReport, name: str) -> Notice:
    """The one error notice about `name`; the scan's exit code is 3."""
    errors = [n for n in report.notices if n.level == "error" and n.file is not None
              and n.file.endswith(name)]
    assert len(errors) == 1, report.notices
    assert exit_code(report, "high") == 3
    return errors[0]
