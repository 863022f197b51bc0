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
