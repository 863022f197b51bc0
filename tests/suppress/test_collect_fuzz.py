"""Whatever the text of a file, reading its suppressions never raises: property tests over
text built from the fragments the readers look for (comment markers, strings, heredocs,
brackets and every tool's directives)."""

from __future__ import annotations

import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.model.finding import RuleMeta
from govern.suppress.comments import (
    hcl_block_end,
    terraform_comments,
    yaml_block_end,
    yaml_comments,
)
from govern.suppress.inline import collect

KICS_COMMANDS = ("# kics-scan enable=", "# kics-scan disable=", "# kics-scan ignore",
                 "# kics-scan ignore-line", "# kics-scan ignore-block")
FRAGMENTS = (
    *KICS_COMMANDS, "#", "//", "/*", "*/", '"', "'", "\\", "<<EOF", "<<-EOF", "EOF", "\n",
    " ", "  ", "\t", "{", "}", "[", "]", "(", ")", ":", ",", "=", "é", "\ufeff",
    'resource "aws_s3_bucket" "b" ', 'module "m" ', "bucket = ", "Resources:", "  A:",
    "    Type: AWS::S3::Bucket", "Metadata:", "checkov:", "skip:", "- id: CKV_AWS_19",
    "comment: c", "checkov:skip=", "bridgecrew:skip=", "CKV_AWS_19", "CKV2_AWS_6", ":why",
    "trivy:ignore:", "tfsec:ignore:", "AVD-AWS-0088", "aws-s3-enable-bucket-encryption", "*",
    "[a=b]", ":exp:", "2026-01-01", "2026-02-30", ":ws:", "default", "kics-scan ",
    "ignore-line", "ignore-block", "ignore", "disable=", "enable=",
    '00000000-0000-4000-8000-000000000001', 'govern:ignore GOV-AWS-001 reason="x"',
    'until=2026-12-31', "#trivy:ignore:AVD-AWS-0088", "#tfsec:ignore:*:ws:default",
    "#checkov:skip=CKV_AWS_19:why", "  Bucket:",
)
LINE = st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join)
TEXT = st.lists(LINE, max_size=25).map("\n".join)
# KICS reads its file commands only in the comment lines at the top
HEADER = st.lists(st.sampled_from(KICS_COMMANDS).flatmap(
    lambda command: LINE.map(lambda rest: command + rest)), max_size=3).map("\n".join)


@cache
def _metas() -> tuple[RuleMeta, ...]:
    return load_rules([default_rules_dir()]).metas()


@contextmanager
def _at_most(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (a guard, not a timing assertion)."""
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_comment_readers_and_block_ends_never_raise(text: str) -> None:
    lines = text.splitlines()
    with _at_most(20):
        for comment in [*terraform_comments(text), *yaml_comments(text)]:
            assert 1 <= comment.line <= max(1, len(lines))
            assert comment.target >= comment.line
        for start in range(1, len(lines) + 1):
            assert start <= hcl_block_end(lines, start) <= len(lines)
            assert start <= yaml_block_end(lines, start) <= len(lines)


@settings(max_examples=100, deadline=None)
@given(HEADER, TEXT, st.sampled_from(("main.tf", "template.yaml", "template.json")))
def test_collect_never_raises(header: str, body: str, name: str) -> None:
    metas, text = _metas(), header + "\n" + body
    with tempfile.TemporaryDirectory() as tmp, _at_most(20):
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        collected = collect([str(path)], metas)
        for rule in collected.rules:
            assert rule.file == str(path) and rule.line is not None and rule.line >= 1
        for bad in collected.invalid:
            assert bad.file == str(path) and bad.message
