"""Shared by the robustness tests: a scan of one bad root module beside a sentinel root
module holding a known-bad bucket, under an alarm so that a hang fails."""

from __future__ import annotations

import signal
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from govern.model.finding import Notice
from govern.parsers.budget import DEFAULT_LIMITS, Limits
from govern.parsers.native import ParseResult
from govern.parsers.terraform.project import scan_terraform

SENTINEL = 'resource "aws_s3_bucket" "sentinel" {\n  bucket = "s"\n  acl    = "public-read"\n}\n'
ALARM_SECONDS = 20


@contextmanager
def alarm(seconds: int = ALARM_SECONDS) -> Iterator[None]:
    """Fail (TimeoutError) instead of hanging."""
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write_tree(tmp_path: Path, files: Mapping[str, str | bytes]) -> Path:
    """`bad/<files>` and `good/main.tf` (the sentinel) under `tmp_path`; returns bad/."""
    bad = tmp_path / "bad"
    for name, content in files.items():
        path = bad / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    good = tmp_path / "good"
    good.mkdir()
    (good / "main.tf").write_text(SENTINEL, encoding="utf-8")
    return bad


def scan_beside_sentinel(tmp_path: Path, files: Mapping[str, str | bytes],
                         limits: Limits = DEFAULT_LIMITS, **options: object) -> ParseResult:
    """Scan both roots; assert the sentinel bucket came through, with its public ACL."""
    bad = write_tree(tmp_path, files)
    with alarm():
        result = scan_terraform([str(bad), str(tmp_path / "good")],
                                scan_paths=[str(tmp_path)], limits=limits,
                                **options)  # type: ignore[arg-type]
    [sentinel] = [r for r in result.resources if r.address == "aws_s3_bucket.sentinel"]
    assert sentinel.attributes["acl"] == "public-read"
    return result


def errors(result: ParseResult) -> list[Notice]:
    return [n for n in result.notices if n.level == "error"]


def the_error(result: ParseResult) -> Notice:
    """The one error notice of the scan."""
    found = errors(result)
    assert len(found) == 1, found
    return found[0]
