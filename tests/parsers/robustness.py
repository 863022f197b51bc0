"""Shared helpers of the parsers' robustness tests: a bad file scanned beside a sentinel
template whose finding must still be reported, under an alarm so that a hang fails."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any
from unittest.mock import patch

from govern.gate import exit_code
from govern.model.finding import Notice, ScanReport
from govern.parsers.classify import classify_file, has_template_marker
from govern.report import FORMATS, render
from govern.scan import ScanOptions, run_scan
from govern.units.plan import Unit
from govern.units.reading import NativeHook, Reading, UnitGraph, read_unit

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


def write_content(path: Path, content: str | bytes) -> None:
    """`content` into `path`: bytes as they are, text as UTF-8."""
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def scan_beside_sentinel(directory: Path, name: str, content: str | bytes) -> ScanReport:
    """Write `content` as `name` and the sentinel template into `directory`, scan it, and
    check the sentinel's finding is reported and every report format renders."""
    directory.mkdir(parents=True, exist_ok=True)
    write_content(directory / name, content)
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


IAC_KINDS = frozenset({"cloudformation", "arm", "tfplan"})


def edited(text: str, edits: list[tuple[float, int, str]]) -> str:
    """`text` with each edit applied: at a fraction of its length, cut `n` characters
    and put a piece in their place."""
    for where, cut, piece in edits:
        at = int(where * len(text))
        text = text[:at] + piece + text[at + cut:]
    return text


def scan_fuzzed(directory: Path, name: str, content: str | bytes) -> ScanReport:
    """`content` as `name` scanned beside the sentinel (whose finding must be reported);
    when the scan classifies the file as a template or a plan, or its bytes hold what only
    those hold and a NUL byte keeps it from being read, a parser read it or an error notice
    names it."""
    built: list[UnitGraph] = []

    def recording(unit: Unit, reading: Reading, prepare: NativeHook | None = None,
                  modules: dict[str, Any] | None = None) -> UnitGraph:
        result = read_unit(unit, reading, prepare, modules)
        built.append(result)
        return result

    with patch("govern.units.work.read_unit", recording):
        report = scan_beside_sentinel(directory, name, content)
    path = os.path.abspath(directory / name)
    data = Path(path).read_bytes()
    if classify_file(path) in IAC_KINDS or (b"\x00" in data and has_template_marker(data)):
        read_by_parser = any(path in {os.path.abspath(f) for f in b.files} for b in built)
        errors = [n for n in report.notices if n.level == "error" and n.file is not None
                  and os.path.abspath(n.file) == path]
        assert read_by_parser or errors, report.notices
    return report
