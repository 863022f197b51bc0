"""docs/custom-rules.md end to end, through the real CLI (`python -m govern`), on a copy of
fixtures/examples/custom-rules/ (the guide's rule, its fixtures, a project and a config)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO

EXAMPLE = FIXTURES / "examples" / "custom-rules"
GUIDE = REPO / "docs" / "custom-rules.md"
RULE = "policies/aws/ec2-instance-with-public-ip.yaml"
TF_FIXTURE = "policies/aws/ec2-instance-with-public-ip.fixtures/terraform/main.tf"
RULE_ID = "ACME-AWS-001"


def govern(cwd: Path, *args: str) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "govern", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "custom-rules"
    shutil.copytree(EXAMPLE, target)
    return target


def custom_findings(out: str) -> list[tuple[str, str, str, int]]:
    return [(f["rule_id"], f["resource"]["address"], f["location"]["file"],
             f["location"]["start_line"])
            for f in json.loads(out)["findings"] if f["rule_id"] == RULE_ID]


def test_guide_shows_exactly_the_shipped_files() -> None:
    guide = GUIDE.read_text()
    blocks = re.findall(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```", guide, re.S)
    assert {name for name, _ in blocks} == {RULE, TF_FIXTURE, "infra/main.tf", ".govern.yaml"}
    for name, text in blocks:
        assert (EXAMPLE / name).read_text() == text, name


def test_validate(project: Path) -> None:
    assert govern(project, "rules", "validate", "policies") == (0, "1 rule valid\n", "")


def test_rules_test_passes(project: Path) -> None:
    assert govern(project, "rules", "test", "policies") == (
        0, "PASS ACME-AWS-001 ec2-instance-with-public-ip (4 examples, 2 fixture "
           "directories)\n1 rule tested: 1 passed, 0 failed\n", "")


def test_rules_test_json(project: Path) -> None:
    code, out, _ = govern(project, "rules", "test", "policies", "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "rules": [{"id": RULE_ID, "slug": "ec2-instance-with-public-ip", "file": RULE,
                   "status": "pass", "examples": 4, "fixtures": 2, "failures": []}],
        "summary": {"rules": 1, "passed": 1, "failed": 0}}


def test_scan_with_rules_option(project: Path) -> None:
    (project / ".govern.yaml").unlink()
    code, out, _ = govern(project, "scan", "infra", "--rules", "policies", "--format", "json")
    assert code == 1
    assert custom_findings(out) == [(RULE_ID, "aws_instance.bastion", "infra/main.tf", 4)]


def test_scan_without_the_rules_does_not_know_it(project: Path) -> None:
    (project / ".govern.yaml").unlink()
    _, out, _ = govern(project, "scan", "infra", "--format", "json")
    assert custom_findings(out) == []


def test_scan_with_config_rule_paths(project: Path) -> None:
    code, out, _ = govern(project, "scan", "infra", "--format", "json")
    assert code == 1
    assert custom_findings(out) == [(RULE_ID, "aws_instance.bastion", "infra/main.tf", 4)]
    # the same through --config from elsewhere: rules.paths is relative to the config file
    code, out, _ = govern(project.parent, "scan", "custom-rules/infra", "--config",
                          "custom-rules/.govern.yaml", "--format", "json")
    assert code == 1
    assert custom_findings(out) == [(RULE_ID, "aws_instance.bastion",
                                     "custom-rules/infra/main.tf", 4)]


def test_broken_rule_fails_validate_with_file_and_line(project: Path) -> None:
    rule = project / RULE
    rule.write_text(rule.read_text().replace("severity:", "severty:"))
    problem = f"{RULE}:4: unknown key 'severty' (did you mean 'severity'?)\n"
    assert govern(project, "rules", "validate", "policies") == (3, problem, "")
    assert govern(project, "rules", "test", "policies") == (
        3, "", f"govern: error: invalid rule files:\n{problem}")


def test_gov_namespace_is_reserved(project: Path) -> None:
    rule = project / RULE
    rule.write_text(rule.read_text().replace("id: ACME-AWS-001", "id: GOV-AWS-901"))
    assert govern(project, "rules", "validate", "policies") == (
        3, f"{RULE}:1: id GOV-AWS-901: the GOV- namespace is reserved for govern's built-in "
           f"rules (give custom rules your own prefix, e.g. ACME-AWS-901)\n", "")


def test_wrong_expectation_fails_rules_test(project: Path) -> None:
    fixture = project / TF_FIXTURE
    fixture.write_text(fixture.read_text().replace(
        '# ok: ACME-AWS-001\nresource "aws_instance" "app"',
        '# ruleid: ACME-AWS-001\nresource "aws_instance" "app"'))
    assert govern(project, "rules", "test", "policies") == (
        1, "FAIL ACME-AWS-001 ec2-instance-with-public-ip (4 examples, 2 fixture directories)\n"
           f"  {TF_FIXTURE}:12: expected fail (ruleid: ACME-AWS-001) on aws_instance.app, "
           "got pass\n"
           "1 rule tested: 0 passed, 1 failed\n", "")


def test_usage_errors(project: Path) -> None:
    assert govern(project, "rules", "validate") == (
        2, "", "govern: error: give at least one rule file or directory\n")
    assert govern(project, "rules", "test", "nowhere") == (
        2, "", "govern: error: nowhere: no such rule file or directory\n")


def test_validate_lists_every_problem_sorted(project: Path) -> None:
    rule = project / RULE
    rule.write_text(rule.read_text().replace("severity:", "severty:"))
    other = project / "policies" / "aws" / "other.yaml"
    other.write_text((project / RULE).read_text().replace("severty:", "severity:")
                     .replace("id: ACME-AWS-001", "id: GOV-AWS-902")
                     .replace("slug: ec2-instance-with-public-ip", "slug: other"))
    assert govern(project, "rules", "validate", "policies") == (3, (
        f"{RULE}:4: unknown key 'severty' (did you mean 'severity'?)\n"
        "policies/aws/other.yaml:1: id GOV-AWS-902: the GOV- namespace is reserved for "
        "govern's built-in rules (give custom rules your own prefix, e.g. ACME-AWS-902)\n"),
        "")
