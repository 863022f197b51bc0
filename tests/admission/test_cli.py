"""`govern admit` on the command line: exit codes and the decision document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govern.cli import cli
from tests.admission.helpers import ACCOUNT, change, write_inventory, write_plan


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def attach(tmp_path: Path) -> str:
    return write_plan(tmp_path, change("aws_iam_role_policy_attachment", "admin", {
        "role": "deployer", "policy_arn": f"arn:aws:iam::{ACCOUNT}:policy/Admin"}))


def test_allow_exits_0(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["admit", attach(tmp_path)])
    assert result.exit_code == 0
    assert json.loads(result.output)["decision"] == "allow"


def test_deny_exits_1_and_text_names_the_rule(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["admit", attach(tmp_path), "--inventory",
                                      write_inventory(tmp_path), "--format", "text"])
    assert result.exit_code == 1
    assert result.output.startswith("decision: deny\n")
    assert "mandatory fail GOV-AWS-012 [high] arn:aws:iam::123456789012:role/deployer" \
        in result.output


def test_warn_exits_0_with_an_advisory_config(tmp_path: Path) -> None:
    (tmp_path / "admission.yaml").write_text("admission:\n  mandatory: []\n")
    result = CliRunner().invoke(cli, ["admit", attach(tmp_path), "--inventory",
                                      write_inventory(tmp_path), "--config",
                                      "admission.yaml"])
    assert result.exit_code == 0
    assert json.loads(result.output)["decision"] == "warn"


def test_an_unreadable_change_exits_3_and_fail_open_exits_0(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["admit", "missing.json"])
    assert result.exit_code == 3
    assert json.loads(result.output)["errors"][0]["message"] == "missing.json: no such file"
    (tmp_path / "open.yaml").write_text("admission:\n  on-error: fail-open\n")
    result = CliRunner().invoke(cli, ["admit", "missing.json", "--config", "open.yaml"])
    assert result.exit_code == 0
    assert json.loads(result.output)["decision"] == "allow"


def test_a_bad_admission_key_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("admission:\n  mandatory: ['severity>=huge']\n")
    result = CliRunner().invoke(cli, ["admit", attach(tmp_path), "--config", "bad.yaml"])
    assert result.exit_code == 2
    assert "bad.yaml:2" in result.output


# --- fail closed: a change govern could not read is denied, with the reason ---------------

def bucket_plan(tmp_path: Path) -> str:
    return write_plan(tmp_path, change("aws_s3_bucket", "data", {"bucket": "data"}))


def admit(*args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(cli, ["admit", *args])
    return result.exit_code, json.loads(result.output)


def test_a_change_padded_past_max_file_size_is_denied(tmp_path: Path) -> None:
    plan = Path(bucket_plan(tmp_path))
    assert admit(str(plan))[1]["decision"] in ("allow", "warn")  # the same change, not padded
    text = plan.read_text()
    plan.write_text(text[:-2] + " " * (5 * 1024 * 1024) + "}\n")
    code, decision = admit(str(plan))
    assert (code, decision["decision"], decision["reasons"]) == (3, "deny", [])
    size = plan.stat().st_size
    assert decision["errors"] == [{
        "message": f"change.json: the change is {size} bytes, over the 5242880-byte limit "
                   f"(max-file-size); not judged", "file": "change.json"}]


@pytest.mark.parametrize("name, content, expected", [
    # one Latin-1 byte: read through a fallback, i.e. on a guess: not judged
    ("latin1", b'{"format_version": "1.2", "description": "caf\xe9", "resource_changes": []}',
     "change.json"),
    ("nul", b'{"format_version": "1.2", "terraform_version": "1.11.4", '
     b'"resource_changes": []}\x00', "binary content (a NUL byte at offset 80)"),
    ("truncated", b'{"format_version": "1.2", "resource_changes": [', "change.json"),
    ("not a template", b'{"name": "app", "version": "1.0.0"}',
     "not a Terraform plan (JSON), CloudFormation or ARM template"),
    ("empty", b"", "not a Terraform plan"),
])
def test_a_change_that_cannot_be_read_is_denied(tmp_path: Path, name: str, content: bytes,
                                                expected: str) -> None:
    (tmp_path / "change.json").write_bytes(content)
    code, decision = admit("change.json")
    assert (code, decision["decision"]) == (3, "deny")
    errors = decision["errors"]
    assert isinstance(errors, list) and errors
    assert any(expected in str(e["message"]) or e.get("file") == expected for e in errors)


def test_a_directory_is_a_usage_error(tmp_path: Path) -> None:
    bucket_plan(tmp_path)
    result = CliRunner().invoke(cli, ["admit", "."])
    assert result.exit_code == 2
    assert "govern admit judges one change, a Terraform plan JSON" in result.output
    assert ". is a directory" in result.output


def test_a_lone_surrogate_in_a_name_is_written_as_a_replacement_character(
        tmp_path: Path) -> None:
    # JSON may escape a lone surrogate; the decision is still written as UTF-8
    (tmp_path / "stack.json").write_text(
        '{"Resources": {"B\\ud800": {"Type": "AWS::S3::Bucket", '
        '"Properties": {"AccessControl": "PublicReadWrite"}}}}')
    for fmt in ("json", "text"):
        result = CliRunner().invoke(cli, ["admit", "stack.json", "--format", fmt])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "\\ud800" not in result.output.lower() and "\ud800" not in result.output
        assert "B\ufffd" in (result.output if fmt == "text" else
                             json.dumps(json.loads(result.output), ensure_ascii=False))


def test_a_fifo_is_denied_without_being_opened(tmp_path: Path) -> None:
    import os
    import signal

    os.mkfifo(tmp_path / "change.json")
    signal.alarm(60)  # opening the FIFO would block: fail instead of hanging
    try:
        code, decision = admit("change.json")
    finally:
        signal.alarm(0)
    assert (code, decision["decision"]) == (3, "deny")
    assert decision["errors"] == [{"message": "change.json: not a regular file",
                                   "file": "change.json"}]
