"""`--check`, `--skip-check` and `--skip-path` end to end: the meaning of `rules.enable`,
`rules.disable` and `exclude`, shown by `config show`; a selector naming no rule exits 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.test_cli import run

INSECURE = FIXTURES / "examples" / "terraform-insecure" / "aws.tf"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The insecure example twice: app/aws.tf and vendor/mod/aws.tf."""
    for where in ("app", "vendor/mod"):
        (tmp_path / where).mkdir(parents=True)
        shutil.copy(INSECURE, tmp_path / where / "aws.tf")
    return tmp_path


def findings(repo: Path, *args: str) -> tuple[int, set[str], set[str]]:
    """The exit code, the rule ids and the files of the findings of a JSON scan."""
    code, out, _ = run("scan", ".", "--format", "json", *args, cwd=repo)
    doc = json.loads(out)
    return (code, {f["rule_id"] for f in doc["findings"]},
            {f["location"]["file"] for f in doc["findings"]})


def test_skip_path_leaves_out_what_its_pattern_matches(repo: Path) -> None:
    _, rules, files = findings(repo)
    assert files == {"app/aws.tf", "vendor/mod/aws.tf"}
    for pattern in ("vendor/", "/vendor", "vendor/**", "mod", f"{repo}/vendor"):
        _, same, files = findings(repo, "--skip-path", pattern)
        assert (same, files) == (rules, {"app/aws.tf"}), pattern
    _, _, none = findings(repo, "--skip-path", "*.tf")
    assert none == set()


def test_check_runs_only_what_it_names(repo: Path) -> None:
    code, rules, _ = findings(repo, "--check", "CKV_AWS_24")  # GOV-AWS-005's peer
    assert (code, rules) == (0, {"GOV-AWS-005"})  # unknown here: it does not block
    code, rules, _ = findings(repo, "--check", "AVD-AWS-0107,GOV-AWS-009")
    assert (code, rules) == (1, {"GOV-AWS-005", "GOV-AWS-009"})
    _, rules, _ = findings(repo, "--check", "GOV-AWS-00*,gov-aws-012")
    assert rules and all(r.startswith("GOV-AWS-00") or r == "GOV-AWS-012" for r in rules)
    assert "GOV-AWS-012" in rules


def test_skip_check_drops_what_it_names(repo: Path) -> None:
    _, everything, _ = findings(repo)
    _, rules, _ = findings(repo, "--skip-check", "GOV-AWS-005", "--skip-check", "iam")
    assert "GOV-AWS-005" in everything and "GOV-AWS-005" not in rules
    assert rules and rules < everything
    code, rules, _ = findings(repo, "--skip-check", "critical")  # and every lower severity
    assert (code, rules) == (0, set())


def test_the_command_line_goes_with_the_configuration(repo: Path) -> None:
    (repo / ".govern.yaml").write_text("rules:\n  disable: [GOV-AWS-005]\n"
                                       "exclude: [app/]\n")
    _, rules, files = findings(repo)
    assert files == {"vendor/mod/aws.tf"} and "GOV-AWS-005" not in rules
    _, rules, files = findings(repo, "--skip-path", "vendor", "--skip-check", "GOV-AWS-009")
    assert files == set()
    code, out, _ = run("config", "show", "--format", "json", "--check", "high",
                       "--skip-check", "CKV_AWS_24", "--skip-path", "*.bak", cwd=repo)
    shown = json.loads(out)
    assert code == 0
    assert shown["rules.enable"] == {"value": ["high"], "source": "cli --check"}
    assert shown["rules.disable"] == {"value": ["CKV_AWS_24", "GOV-AWS-005"],
                                      "source": "file .govern.yaml:2 + cli --skip-check"}
    assert shown["exclude"] == {"value": ["app/", "*.bak"],
                                "source": "file .govern.yaml:3 + cli --skip-path"}


@pytest.mark.parametrize(("args", "message"), [
    (("--check", "GOV-AWS-0055"), "--check: 'GOV-AWS-0055' names no rule (did you mean "
                                  "'GOV-AWS-055'?)"),
    (("--skip-check", "CKV_AWS_24,encryptoin"), "--skip-check: 'encryptoin' names no rule "
                                                "(did you mean 'encryption'?)"),
    (("--check", "GOV-NONE-*"), "--check: 'GOV-NONE-*' names no rule (no loaded rule "
                                "matches it; run `govern rules list` to see the rules, "
                                "their categories and severities)"),
    (("--check", "a,,b"), "--check needs a value (a comma-separated list has an empty "
                          "item)"),
])
def test_a_selector_naming_no_rule_exits_2_with_a_suggestion(
        repo: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run("scan", ".", *args, cwd=repo)
    assert (code, out, err) == (2, "", f"govern: error: {message}\n")


def test_a_rule_file_naming_no_rule_in_rules_enable_exits_2(repo: Path) -> None:
    (repo / ".govern.yaml").write_text(
        "rules:\n  enable:\n    - GOV-AWS-005\n    - CKV_AZURE_9999\n")
    code, _, err = run("scan", ".", cwd=repo)
    assert code == 2
    assert err.startswith("govern: error: .govern.yaml:4: 'CKV_AZURE_9999' in rules.enable "
                          "names no rule (did you mean")


def test_a_terraform_file_skipped_is_not_read_with_its_module(repo: Path) -> None:
    (repo / "app" / "extra.tf").write_text(
        'resource "aws_s3_bucket" "extra" {\n  bucket = "extra"\n}\n')
    _, _, files = findings(repo, "--skip-path", "vendor/")
    assert files == {"app/aws.tf", "app/extra.tf"}
    _, _, files = findings(repo, "--skip-path", "vendor/", "--skip-path", "extra.tf")
    assert files == {"app/aws.tf"}
