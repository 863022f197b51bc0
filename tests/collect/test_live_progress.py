"""A live collection tells the scan's progress what it reads: every reader started, each
one finished with its account, region and service (against moto)."""

from __future__ import annotations

import io
import threading

import pytest

from govern.collect import progress as live
from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from govern.units import progress as progress_module
from govern.units.progress import ScanProgress
from tests.collect.conftest import ACCOUNT


class Recorder:
    def __init__(self) -> None:
        self.expected = 0
        self.seen: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()

    def expect(self, readers: int) -> None:
        with self.lock:
            self.expected += readers

    def read(self, account: str, region: str, service: str, seconds: float) -> None:
        assert seconds >= 0
        with self.lock:
            self.seen.append((account, region, service))


def test_each_reader_of_each_region_is_reported(moto_endpoint: str) -> None:
    recorder = Recorder()
    with live.reporting(recorder):
        collect(AwsOptions(regions=("us-east-1", "eu-west-1"), endpoint_url=moto_endpoint))
    seen = list(recorder.seen)
    assert len(seen) == recorder.expected > 10
    assert {account for account, _, _ in seen} == {ACCOUNT}
    assert {region for _, region, _ in seen} == {"global", "us-east-1", "eu-west-1"}
    assert (ACCOUNT, "eu-west-1", "ec2") in seen
    assert (ACCOUNT, "global", "iam") in seen
    with live.reporting(None):  # nothing installed: nothing told
        collect(AwsOptions(regions=("us-east-1",), endpoint_url=moto_endpoint))
    assert recorder.seen == seen


def test_the_bar_shows_readers_done_and_what_was_read_last(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "SHOW_AFTER_SECONDS", 0)
    monkeypatch.setattr(progress_module, "REDRAW_SECONDS", 0)
    stream = io.StringIO()
    shown = ScanProgress(bar=True, verbose=False, stream=stream)
    shown.expect(3)
    shown.read(ACCOUNT, "eu-west-1", "rds", 0.5)
    shown.expect(2)  # another account's readers start
    shown.read(ACCOUNT, "global", "iam", 0.25)
    text = stream.getvalue()
    shown.close()
    assert "reading AWS" in text and "2/5" in text
    assert f"{ACCOUNT} global iam" in text


def test_verbose_says_each_reader_and_its_time() -> None:
    stream = io.StringIO()
    shown = ScanProgress(bar=False, verbose=True, stream=stream)
    shown.expect(1)
    shown.read(ACCOUNT, "us-east-1", "ec2", 0.5)
    assert stream.getvalue() == f"govern: aws {ACCOUNT} us-east-1 ec2: 0.50 s\n"


def test_the_cli_logs_each_reader_with_verbose(moto_endpoint: str) -> None:
    from click.testing import CliRunner

    from govern.cli import cli

    args = ["scan", "--aws", "--endpoint-url", moto_endpoint, "--region", "eu-west-1",
            "-f", "json", "-o", "/dev/null"]
    plain = CliRunner().invoke(cli, args)
    verbose = CliRunner().invoke(cli, [*args, "--verbose"])
    assert plain.exit_code == verbose.exit_code, verbose.output
    assert "govern: aws" not in plain.stderr
    lines = verbose.stderr.splitlines()
    assert any(line.startswith(f"govern: aws {ACCOUNT} eu-west-1 ec2: ") for line in lines)
