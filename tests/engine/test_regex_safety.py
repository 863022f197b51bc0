"""Patterns users write in rules (`matches`, `not_matches`, tag `pattern`s) and in the
configuration (`tags.required`) run on RE2, in time linear in the text: a pattern that
makes a backtracking engine run for hours returns at once. A pattern RE2 rejects is an
error at load with file and line, never a crash at scan time."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govern.engine.operators import OPERATORS, prepare_value
from govern.engine.predicates import PredicateContext
from govern.engine.predicates.tags import has_required_tags
from govern.model.graph import ResourceGraph
from govern.regex import Regex, RegexError, compile_regex
from tests.conftest import FIXTURES, REPO
from tests.engine.helpers import resource
from tests.parsers.robustness import alarm

ALARM = 10
EVIL = "(a+)+$"
VICTIM = "a" * 40 + "b"  # about 2**40 steps for a backtracking engine
RULE = "policies/aws/ec2-instance-with-public-ip.yaml"
CTX = PredicateContext(resource({}), ResourceGraph())
CHECK = "check:\n  attr: associate_public_ip_address\n  op: not_equals\n  value: true\n"


def test_matches_with_a_catastrophic_pattern() -> None:
    matches, not_matches = OPERATORS["matches"], OPERATORS["not_matches"]
    pattern = prepare_value(matches, EVIL)
    assert pattern == Regex(EVIL)
    with alarm(ALARM):
        assert matches.test(VICTIM, pattern) is False
        assert not_matches.test(VICTIM, pattern) is True
        assert matches.test("a" * 40, pattern) is True
        assert matches.test("x" * 200_000 + "b", prepare_value(matches, "(x+x+)+y")) is False


def test_a_tag_pattern_that_is_catastrophic() -> None:
    args = {"required": [{"key": "env", "pattern": EVIL}]}
    with alarm(ALARM):
        verdict = has_required_tags({"env": VICTIM}, args, CTX)
        assert has_required_tags({"env": "aaa"}, args, CTX).status == "pass"
    assert (verdict.status, verdict.detail) == (
        "fail", f"tag env is {VICTIM!r} (must match {EVIL})")


def test_a_tag_pattern_that_slipped_past_the_check_is_unknown_not_a_crash() -> None:
    args = {"required": [{"key": "env", "pattern": "(?=x)"}]}
    verdict = has_required_tags({"env": "x"}, args, CTX)
    assert verdict.status == "unknown"
    assert (verdict.detail or "").startswith("tag env: invalid regular expression '(?=x)'")


def test_compiled_patterns_are_their_text() -> None:
    """Compiled rules are cached: a pattern is kept as its text, RE2's program is not."""
    assert compile_regex("^a+$") == Regex("^a+$")
    restored = pickle.loads(pickle.dumps(Regex("^a+$")))
    assert restored == Regex("^a+$") and restored.search("aa") is not None
    with pytest.raises(RegexError) as caught:
        compile_regex("(a)\\1")
    assert (caught.value.pattern, caught.value.reason) == ("(a)\\1",
                                                           "invalid escape sequence: \\1")


# ----- through the CLI: a custom rule and a configuration ---------------------------------


def govern(cwd: Path, *args: str) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, (str(REPO), os.environ.get("PYTHONPATH"))))}
    done = subprocess.run([sys.executable, "-m", "govern", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "custom-rules"
    shutil.copytree(FIXTURES / "examples" / "custom-rules", target)
    (target / ".govern.yaml").unlink()
    (target / "infra" / "main.tf").write_text(
        'resource "aws_instance" "slow" {\n'
        f'  instance_type = "{VICTIM}"\n'
        '  tags = { env = "' + VICTIM + '" }\n}\n'
        'resource "aws_instance" "plain" {\n  instance_type = "aaaa"\n'
        '  tags = { env = "aaaa" }\n}\n')
    return target


def _with_check(project: Path, check: str) -> None:
    rule = project / RULE
    text = rule.read_text()
    assert CHECK in text
    rule.write_text(text.replace(CHECK, check))


def test_a_custom_rule_with_a_catastrophic_pattern(project: Path) -> None:
    _with_check(project, f"check:\n  attr: instance_type\n  op: not_matches\n  value: "
                         f"'{EVIL}'\n")
    code, out, err = govern(project, "scan", "infra", "--rules", "policies", "--format",
                            "json")
    assert (code, err) == (1, "")
    assert [(f["resource"]["address"], f["location"]["start_line"])
            for f in json.loads(out)["findings"] if f["rule_id"] == "ACME-AWS-001"] == [
        ("aws_instance.plain", 6)]


def test_a_custom_rule_with_a_pattern_re2_rejects(project: Path) -> None:
    _with_check(project, "check:\n  attr: instance_type\n  op: matches\n  value: "
                         "'^(?!t3)'\n")
    code, out, err = govern(project, "scan", "infra", "--rules", "policies")
    assert (code, out) == (3, "")
    assert err == (
        f"govern: error: {RULE}:11: invalid regular expression: invalid perl operator: "
        "(?! (RE2 syntax, as in Terraform: no backreferences or look-around; see "
        "https://github.com/google/re2/wiki/Syntax)\n")


def test_a_configured_tag_pattern_that_is_catastrophic(project: Path) -> None:
    (project / ".govern.yaml").write_text(
        f"tags:\n  required:\n    aws:\n      - {{key: env, pattern: '{EVIL}'}}\n")
    code, out, err = govern(project, "scan", "infra", "--format", "json")
    assert (code, err) == (1, "")
    tagging = [(f["rule_id"], f["resource"]["address"]) for f in json.loads(out)["findings"]
               if "must match" in f["message"]]
    assert tagging == [("GOV-AWS-015", "aws_instance.slow")]


def test_a_configured_tag_pattern_re2_rejects(project: Path) -> None:
    (project / ".govern.yaml").write_text(
        "tags:\n  required:\n    aws:\n      - {key: env, pattern: '(?<=a)b'}\n")
    code, out, err = govern(project, "scan", "infra")
    assert (code, out) == (2, "")
    assert err == (
        "govern: error: .govern.yaml:4: tags.required.aws[0].pattern is not a regular "
        "expression (invalid perl operator: (?<=; RE2 syntax, as in Terraform: no "
        "backreferences or look-around; see https://github.com/google/re2/wiki/Syntax)\n")


def test_govern_version_does_not_import_re2() -> None:
    code = ("import sys\nfrom govern.cli import main\nsys.argv = ['govern', '--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint('re2' in sys.modules, "
            "'govern.regex' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO, timeout=60)
    assert out.stdout.splitlines()[-1] == "False False"
