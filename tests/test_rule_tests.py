"""govern.rule_tests: fixture discovery, checking examples and fixtures, and the reports
(exact messages); the CLI around it is driven in tests/test_custom_rules.py."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from govern.engine.rule import Rule
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.errors import UsageError
from govern.rule_tests import (
    Failure,
    RuleTestResult,
    check_example,
    check_fixture,
    check_rule,
    fixture_dirs,
    results_to_json,
    results_to_text,
    rules_under_test,
    run_rule_tests,
)
from tests.conftest import FIXTURES, REPO

EXAMPLE = FIXTURES / "examples" / "custom-rules"
SLUG = "ec2-instance-with-public-ip"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A copy of the custom-rules example, as the working directory."""
    target = tmp_path / "custom-rules"
    shutil.copytree(EXAMPLE, target)
    old = os.getcwd()
    os.chdir(target)
    try:
        yield target
    finally:
        os.chdir(old)


def custom_rule(project: Path) -> tuple[Rule, list[str]]:
    ruleset = load_rules([default_rules_dir(), "policies"])
    (rule,) = rules_under_test(ruleset, ["policies"])
    return rule, ruleset.ids()


def test_fixture_dirs_beside_the_rule(project: Path) -> None:
    rule_file = f"policies/aws/{SLUG}.yaml"
    assert fixture_dirs(rule_file, SLUG) == [
        ("terraform", Path(f"policies/aws/{SLUG}.fixtures/terraform")),
        ("cloudformation", Path(f"policies/aws/{SLUG}.fixtures/cloudformation"))]


def test_fixture_dirs_next_to_the_rules_folder() -> None:
    rule_file = str(REPO / "rules" / "aws" / "encryption" / "s3-bucket-without-encryption.yaml")
    base = FIXTURES / "rules" / "s3-bucket-without-encryption"
    assert fixture_dirs(rule_file, "s3-bucket-without-encryption") == [
        ("terraform", base / "terraform"), ("cloudformation", base / "cloudformation"),
        ("tfplan", base / "tfplan")]


def test_rules_under_test_are_those_in_the_paths(project: Path) -> None:
    rule, known = custom_rule(project)
    assert rule.meta.id == "ACME-AWS-001"
    assert "GOV-AWS-001" in known


def test_check_rule_passes(project: Path) -> None:
    rule, known = custom_rule(project)
    assert check_rule(rule, ["policies"], known) == RuleTestResult(
        "ACME-AWS-001", SLUG, f"policies/aws/{SLUG}.yaml", 4, 2, ())


def test_bad_example_that_passes(project: Path, tmp_path: Path) -> None:
    rule, _ = custom_rule(project)
    rule.examples["terraform"]["bad"] = rule.examples["terraform"]["good"]
    workdir = tmp_path / "example"
    workdir.mkdir()
    assert check_example(rule, "terraform", "bad", workdir, ["policies"], 24) == [
        Failure(f"policies/aws/{SLUG}.yaml", 24,
                "expected the bad terraform example to fail ACME-AWS-001, got pass")]


def test_good_example_that_is_reported(project: Path, tmp_path: Path) -> None:
    rule, _ = custom_rule(project)
    rule.examples["cloudformation"]["good"] = rule.examples["cloudformation"]["bad"]
    workdir = tmp_path / "example"
    workdir.mkdir()
    assert [f.render() for f in check_example(rule, "cloudformation", "good", workdir,
                                               ["policies"], 47)] == [
        f"policies/aws/{SLUG}.yaml:47: expected the good cloudformation example to pass "
        f"ACME-AWS-001, got fail"]


def fixture(project: Path, text: str) -> Path:
    directory = project / "work" / "terraform"
    directory.mkdir(parents=True)
    (directory / "main.tf").write_text(text)
    return directory


def test_every_kind_of_broken_expectation(project: Path) -> None:
    directory = fixture(project, '''\
# ok: ACME-AWS-001
resource "aws_instance" "public" {
  associate_public_ip_address = true
}

# unknown: ACME-AWS-001
resource "aws_instance" "private" {
  associate_public_ip_address = false
}

# ruleid: ACME-AWS-001
resource "aws_instance" "typo" {}

# ruleid: ACME-AWS-999
resource "aws_instance" "x" {}

# ruleid: ACME-AWS-001
resource "aws_instance" "marked" {
  associate_public_ip_address = true
}

resource "aws_instance" "unmarked" {
  associate_public_ip_address = true
}
''')
    _, known = custom_rule(project)
    assert [f.render() for f in check_fixture(directory, "terraform", ["policies"], known)] == [
        "work/terraform/main.tf:1: expected pass (ok: ACME-AWS-001) on aws_instance.public, "
        "got fail",
        "work/terraform/main.tf:6: expected unknown (unknown: ACME-AWS-001) on "
        "aws_instance.private, got pass",
        "work/terraform/main.tf:11: expected fail (ruleid: ACME-AWS-001) on "
        "aws_instance.typo, got pass",
        "work/terraform/main.tf:14: unknown rule id ACME-AWS-999",
        "work/terraform/main.tf:3: expected no annotation-free finding, got fail for "
        "ACME-AWS-001 on aws_instance.public (annotate it or fix the rule)",
        "work/terraform/main.tf:23: expected no annotation-free finding, got fail for "
        "ACME-AWS-001 on aws_instance.unmarked (annotate it or fix the rule)",
    ]


def test_expectation_on_a_missing_resource(project: Path) -> None:
    directory = project / "work" / "cloudformation"
    directory.mkdir(parents=True)
    (directory / "template.json").write_text('''\
{"Resources": {"Gone": {"Type": "AWS::EC2::Instance",
  "Metadata": {"govern-test": "ruleid: ACME-AWS-001"}}}}
''')
    # an unsupported resource type gives no canonical resource to judge
    (directory / "template.yaml").write_text('''\
Resources:
  # ruleid: ACME-AWS-001
  Web:
    Type: AWS::Fake::Thing
''')
    assert [f.render() for f in check_fixture(directory, "cloudformation", ["policies"])] == [
        "work/cloudformation/template.json:2: expected fail (ruleid: ACME-AWS-001) on Gone, "
        "got pass",
        "work/cloudformation/template.yaml:2: expected fail (ruleid: ACME-AWS-001) on Web, "
        "got no resource with that address",
    ]


def test_fixture_without_expectations_and_malformed_ones(project: Path) -> None:
    directory = fixture(project, 'resource "aws_instance" "a" {}\n')
    assert [f.render() for f in check_fixture(directory, "terraform")] == [
        "work/terraform: no inline expectations (annotate resources with ruleid: ID, ok: ID "
        "or unknown: ID)"]
    (directory / "main.tf").write_text("# ruleid: ACME-AWS-001\nlocals {}\n")
    assert [f.render() for f in check_fixture(directory, "terraform")] == [
        "work/terraform/main.tf:1: annotation not followed by a resource (put it directly "
        "above the resource it is about)"]


def test_unparseable_fixture(project: Path) -> None:
    directory = fixture(project, '# ok: ACME-AWS-001\nresource "aws_instance" "a" {\n')
    assert [f.render() for f in check_fixture(directory, "terraform", ["policies"])] == [
        'work/terraform/main.tf:2: fixture cannot be scanned: unexpected end of file '
        '(unclosed "{" opened at line 2)']


def test_unparseable_example(project: Path, tmp_path: Path) -> None:
    rule, _ = custom_rule(project)
    rule.examples["terraform"]["bad"] = 'resource "aws_instance" "a" {\n'
    workdir = tmp_path / "example"
    workdir.mkdir()
    assert [f.render() for f in check_example(rule, "terraform", "bad", workdir,
                                              ["policies"])] == [
        f"policies/aws/{SLUG}.yaml: the bad terraform example cannot be scanned: unexpected "
        f'end of file (unclosed "{{" opened at line 1)']


def test_reports() -> None:
    results = [
        RuleTestResult("ACME-AWS-001", "a", "p/a.yaml", 4, 2, ()),
        RuleTestResult("ACME-AWS-002", "b", "p/b.yaml", 2, 0,
                       (Failure("p/b.yaml", 20, "expected x, got y"),
                        Failure("p/b.fixtures/terraform", 0, "no inline expectations"))),
    ]
    assert results_to_text(results) == (
        "PASS ACME-AWS-001 a (4 examples, 2 fixture directories)\n"
        "FAIL ACME-AWS-002 b (2 examples, 0 fixture directories)\n"
        "  p/b.yaml:20: expected x, got y\n"
        "  p/b.fixtures/terraform: no inline expectations\n"
        "2 rules tested: 1 passed, 1 failed\n")
    assert results_to_json(results) == {
        "rules": [
            {"id": "ACME-AWS-001", "slug": "a", "file": "p/a.yaml", "status": "pass",
             "examples": 4, "fixtures": 2, "failures": []},
            {"id": "ACME-AWS-002", "slug": "b", "file": "p/b.yaml", "status": "fail",
             "examples": 2, "fixtures": 0,
             "failures": [{"file": "p/b.yaml", "line": 20, "message": "expected x, got y"},
                          {"file": "p/b.fixtures/terraform", "line": 0,
                           "message": "no inline expectations"}]}],
        "summary": {"rules": 2, "passed": 1, "failed": 1}}
    assert results_to_text([]) == "0 rules tested: 0 passed, 0 failed\n"


def test_run_rule_tests(project: Path) -> None:
    assert [r.rule_id for r in run_rule_tests(["policies"])] == ["ACME-AWS-001"]
    with pytest.raises(UsageError, match=r"^nowhere: no such rule file or directory$"):
        run_rule_tests(["nowhere"])
