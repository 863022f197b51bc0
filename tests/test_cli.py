"""The command line end to end: exit codes, outputs, and every kind of bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from govern.cli import cli
from tests.conftest import FIXTURES, REPO

SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())

BAD_BUCKET = '''resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
'''


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    old = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = runner.invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def sarif_of(path: Path) -> dict:  # type: ignore[type-arg]
    doc = json.loads(path.read_text())
    jsonschema.Draft7Validator(SCHEMA).validate(doc) if SCHEMA.get("$schema", "").endswith(
        "draft-07/schema#") else jsonschema.Draft4Validator(SCHEMA).validate(doc)
    return doc  # type: ignore[no-any-return]


def test_version_is_fast_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "govern", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("govern 0.")


def test_insecure_example_exits_1_with_findings() -> None:
    code, out, _ = run("scan", str(FIXTURES / "examples" / "terraform-insecure"))
    assert code == 1
    assert "GOV-" in out


def test_clean_example_exits_0() -> None:
    code, out, err = run("scan", str(FIXTURES / "examples" / "terraform-clean"))
    assert (code, err) == (0, "")
    assert "No findings." in out


def test_fail_on_threshold_and_none(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BAD_BUCKET)
    assert run("scan", str(tmp_path))[0] == 1
    assert run("scan", str(tmp_path), "--fail-on", "none")[0] == 0
    assert run("scan", str(tmp_path), "--fail-on", "critical")[0] == 0


def test_missing_path_exits_2_with_one_line(tmp_path: Path) -> None:
    code, _, err = run("scan", str(tmp_path / "nope"))
    assert code == 2
    assert err == f"govern: error: path does not exist: {tmp_path / 'nope'}\n"


def test_bad_option_exits_2(tmp_path: Path) -> None:
    assert run("scan", str(tmp_path), "--fail-on", "severe")[0] == 2


def test_invalid_config_exits_2(tmp_path: Path) -> None:
    config = tmp_path / "govern.yaml"
    config.write_text("fail-on: severe\n")
    code, _, err = run("scan", str(tmp_path), "--config", str(config))
    assert (code, err) == (2, f"govern: error: {config}:1: fail-on must be one of critical, "
                              f"high, medium, low, none (got \"severe\")\n")


def test_config_naming_unknown_rule_exits_2(tmp_path: Path) -> None:
    config = tmp_path / "govern.yaml"
    config.write_text("rules:\n  disable:\n    - GOV-AWS-001\n    - GOV-AWS-0011\n")
    code, _, err = run("scan", str(tmp_path), "--config", str(config))
    assert (code, err) == (2, f"govern: error: {config}:4: 'GOV-AWS-0011' in rules.disable "
                              f"names no rule (did you mean 'GOV-AWS-011'?)\n")


def test_invalid_rule_file_exits_3_with_file_and_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.yaml").write_text("id: GOV-X-001\nid: GOV-X-002\n")
    code, _, err = run("scan", str(tmp_path), "--rules", str(rules))
    assert code == 3
    assert f"{rules / 'broken.yaml'}:2:" in err
    assert "Traceback" not in err


def test_syntax_error_is_reported_and_scan_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.tf").write_text(BAD_BUCKET)
    (tmp_path / "broken.tf").write_text('resource "aws_s3_bucket" "x" {\n  bucket = \n}\n')
    sarif = tmp_path / "out.sarif"
    code, out, _ = run("scan", str(tmp_path), "--format", "text", "--output",
                       f"sarif={sarif}")
    assert code == 3
    assert f"{tmp_path.name}/broken.tf:2" in out or "broken.tf:2" in out
    assert "aws_s3_bucket.logs" in out  # the good file was still scanned
    doc = sarif_of(sarif)
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    located = [n for n in notes if n["level"] == "error"]
    assert located and located[0]["locations"][0]["physicalLocation"]["region"][
        "startLine"] == 2
    assert any(r["ruleId"] for r in doc["runs"][0]["results"])


def test_syntax_error_not_masked_by_fail_on_none(tmp_path: Path) -> None:
    (tmp_path / "broken.tf").write_text("resource {\n")
    assert run("scan", str(tmp_path), "--fail-on", "none")[0] == 3


@pytest.mark.parametrize("name, content, code, expected", [
    ("empty.tf", b"", 0, "empty file"),
    # a Terraform file govern cannot read is not skipped in silence (fail closed)
    ("blob.tf", b"\x00\x01\x02binary", 3, "binary content (a NUL byte at offset 0)"),
    ("blob.json", b"\x00\x01\x02binary", 0, "binary file"),
])
def test_empty_and_binary_files(tmp_path: Path, name: str, content: bytes, code: int,
                                expected: str) -> None:
    (tmp_path / name).write_bytes(content)
    exit_code, out, err = run("scan", str(tmp_path))
    assert exit_code == code
    assert expected in out
    assert "Traceback" not in out + err


def test_file_over_size_limit_is_a_scan_error(tmp_path: Path) -> None:
    (tmp_path / "big.tf").write_text(BAD_BUCKET + "\n" * 2000)
    config = tmp_path / "govern.yaml"
    config.write_text("max-file-size: 1000\n")
    code, out, _ = run("scan", str(tmp_path), "--config", str(config))
    assert code == 3
    assert "over the 0.0 MiB limit (max-file-size), and looks like infrastructure" in out
    assert "raise max-file-size in the configuration" in out


def test_unreadable_file_is_a_scan_error(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "secret.tf"
    target.write_text(BAD_BUCKET)
    import builtins

    import govern.discover

    real_open = builtins.open

    def deny(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(target):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(govern.discover, "open", deny, raising=False)
    code, out, _ = run("scan", str(tmp_path))
    assert code == 3
    assert "secret.tf" in out and "Permission denied" in out


def test_symlink_loop_terminates_with_note(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BAD_BUCKET)
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "self.tf").symlink_to(tmp_path / "self.tf")
    code, out, err = run("scan", str(tmp_path))
    assert code == 1
    assert "symbolic link loop" in out
    assert "Traceback" not in out + err


def test_sarif_output_to_file_is_schema_valid(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BAD_BUCKET)
    sarif = tmp_path / "x.sarif"
    code, out, _ = run("scan", str(tmp_path), "--format", "sarif", "--output", str(sarif))
    assert code == 1 and out == ""
    doc = sarif_of(sarif)
    result = doc["runs"][0]["results"][0]
    assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == (
        "aws_s3_bucket.logs")


def test_two_formats_to_stdout_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("scan", str(tmp_path), "--format", "json", "--format", "sarif")
    assert code == 2
    assert "only one format can go to standard output" in err


def test_rules_list_json_has_contract_fields() -> None:
    code, out, _ = run("rules", "list", "--format", "json")
    assert code == 0
    rules = json.loads(out)
    assert len(rules) >= 15
    for rule in rules:
        assert {"id", "title", "severity", "category", "kinds", "formats",
                "equivalents"} <= set(rule)
        assert set(rule["equivalents"]) == {"checkov", "trivy", "kics"}


def test_rules_show_unknown_id_exits_2() -> None:
    code, _, err = run("rules", "show", "GOV-NOPE-999")
    assert code == 2 and "no rule with id GOV-NOPE-999" in err


def test_utf16_arm_template_is_scanned_not_skipped_as_binary(tmp_path: Path) -> None:
    from govern.engine.rule_loader import default_rules_dir, load_rules

    rule = load_rules([default_rules_dir()]).get("GOV-AZURE-001")
    assert rule is not None
    text = rule.examples["arm"]["bad"]
    (tmp_path / "azuredeploy.json").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    code, out, _ = run("scan", str(tmp_path))
    assert code == 1
    assert "GOV-AZURE-001" in out and "binary" not in out


# --- configuration (.govern.yaml, [tool.govern], GOVERN_* variables, `govern config show`)

TAGGED_BUCKET = '''resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  tags = {
    owner       = "ops"
    env         = "qa"
    cost-center = "cc-12"
  }
}
'''

CONFIG = '''rules:
  enable: [GOV-AWS-001, GOV-AWS-015]
severity:
  GOV-AWS-001: critical
tags:
  required:
    aws: [owner, {key: env, values: [prod, dev]}, {key: cost-center, pattern: "^cc-[0-9]+$"}]
'''


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with a tagged bucket and a .govern.yaml, and no GOVERN_* variables set."""
    for name in ("GOVERN_CONFIG", "GOVERN_FAIL_ON", "GOVERN_FAIL_ON_UNKNOWN", "GOVERN_RULES",
                 "GOVERN_EXCLUDE", "GOVERN_MAX_FILE_SIZE", "GOVERN_VAR_FILES",
                 "GOVERN_WAIVERS"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "main.tf").write_text(TAGGED_BUCKET)
    (tmp_path / ".govern.yaml").write_text(CONFIG)
    return tmp_path


def findings_of(out: str) -> list[tuple[str, str, str]]:
    return [(f["rule_id"], f["severity"], f["message"]) for f in json.loads(out)["findings"]]


def test_config_selects_rules_overrides_severity_and_checks_tag_values(
        configured: Path) -> None:
    code, out, err = run("scan", ".", "--format", "json", cwd=configured)
    assert (code, err) == (1, "")
    assert findings_of(out) == [
        ("GOV-AWS-001", "critical",
         "S3 bucket does not configure default server-side encryption"),
        ("GOV-AWS-015", "low",
         "AWS resource is missing required tags (tag env is 'qa' (allowed: prod, dev))")]


def test_severity_override_in_sarif(configured: Path) -> None:
    sarif = configured / "out.sarif"
    assert run("scan", ".", "--format", "sarif", "--output", str(sarif), cwd=configured)[0] == 1
    doc = sarif_of(sarif)
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert {rid: (r["properties"]["security-severity"], r["defaultConfiguration"]["level"])
            for rid, r in rules.items()} == {"GOV-AWS-001": ("9.5", "error"),
                                               "GOV-AWS-015": ("2.0", "note")}
    assert [(r["ruleId"], r["level"]) for r in doc["runs"][0]["results"]] == [
        ("GOV-AWS-001", "error"), ("GOV-AWS-015", "note")]


def test_tag_values_and_patterns_pass(configured: Path) -> None:
    (configured / "main.tf").write_text(TAGGED_BUCKET.replace('"qa"', '"prod"'))
    (configured / ".govern.yaml").write_text(CONFIG.replace("GOV-AWS-001, ", ""))
    code, out, _ = run("scan", ".", "--format", "json", cwd=configured)
    assert (code, findings_of(out)) == (0, [])
    (configured / "main.tf").write_text(TAGGED_BUCKET.replace('"cc-12"', '"12"'))
    code, out, _ = run("scan", ".", "--format", "json", cwd=configured)
    assert (code, findings_of(out)) == (1, [(
        "GOV-AWS-015", "low", "AWS resource is missing required tags (tag env is 'qa' "
        "(allowed: prod, dev); tag cost-center is '12' (must match ^cc-[0-9]+$))")])


def test_category_disable_and_fail_on_precedence(configured: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (configured / ".govern.yaml").write_text(
        CONFIG.replace("rules:\n", "rules:\n  categories: {disable: [tagging]}\n"))
    code, out, _ = run("scan", ".", "--format", "json", cwd=configured)
    assert (code, [f[0] for f in findings_of(out)]) == (1, ["GOV-AWS-001"])
    (configured / ".govern.yaml").write_text(CONFIG.replace("critical", "high") +
                                             "fail-on: critical\n")
    assert run("scan", ".", cwd=configured)[0] == 0  # file: critical; the finding is high
    monkeypatch.setenv("GOVERN_FAIL_ON", "high")
    assert run("scan", ".", cwd=configured)[0] == 1  # env beats the file
    assert run("scan", ".", "--fail-on", "none", cwd=configured)[0] == 0  # cli beats env


def test_config_in_scanned_directory_is_found_from_elsewhere(configured: Path) -> None:
    code, out, _ = run("scan", configured.name, "--format", "json", cwd=configured.parent)
    assert code == 1
    assert [f[:2] for f in findings_of(out)] == [("GOV-AWS-001", "critical"),
                                                 ("GOV-AWS-015", "low")]


def test_pyproject_tool_govern(configured: Path) -> None:
    (configured / ".govern.yaml").unlink()
    (configured / "pyproject.toml").write_text(
        '[tool.govern]\nfail-on = "critical"\n[tool.govern.rules]\nenable = ["GOV-AWS-001"]\n'
        '[tool.govern.severity]\nGOV-AWS-001 = "critical"\n')
    code, out, _ = run("scan", ".", "--format", "json", cwd=configured)
    assert (code, findings_of(out)) == (1, [
        ("GOV-AWS-001", "critical",
         "S3 bucket does not configure default server-side encryption")])


def test_unknown_config_key_exits_2_with_line(configured: Path) -> None:
    (configured / ".govern.yaml").write_text(CONFIG + "fail_on: high\n")
    assert run("scan", ".", cwd=configured) == (
        2, "", "govern: error: .govern.yaml:8: unknown key 'fail_on' (did you mean "
               "'fail-on'? keys are kebab-case)\n")


def test_unknown_severity_rule_id_exits_2_with_suggestion(configured: Path) -> None:
    (configured / ".govern.yaml").write_text(CONFIG.replace("  GOV-AWS-001: critical",
                                                            "  GOW-AWS-001: critical"))
    assert run("scan", ".", cwd=configured) == (
        2, "", "govern: error: .govern.yaml:4: unknown rule id GOW-AWS-001 in severity (did "
               "you mean 'GOV-AWS-001'?)\n")


def test_bad_environment_value_exits_2(configured: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVERN_FAIL_ON", "severe")
    assert run("scan", ".", cwd=configured) == (
        2, "", "govern: error: environment variable GOVERN_FAIL_ON: must be one of critical, "
               "high, medium, low, none (got 'severe')\n")


CONFIG_SHOW = """\
config: .govern.yaml                          (discovered)
fail-on: medium                               (cli --fail-on)
fail-on-unknown: true                         (env GOVERN_FAIL_ON_UNKNOWN)
rules.paths: []                               (default)
rules.enable: ["GOV-AWS-001", "GOV-AWS-015"]  (file .govern.yaml:2)
rules.disable: []                             (default)
rules.categories.enable: []                   (default)
rules.categories.disable: []                  (default)
severity: {"GOV-AWS-001": "critical"}         (file .govern.yaml:3)
{tags_aws}
tags.required.azure: []                       (default)
tags.required.gcp: []                         (default)
parameters: {}                                (default)
exclude: []                                   (default)
max-file-size: 5242880                        (default)
var-files: []                                 (default)
waivers: null                                 (default)
baseline: null                                (default)
jobs: auto                                    (default)
scheduler: null                               (default)
""".replace("{tags_aws}", 'tags.required.aws: ["owner", {"key": "env", "values": ["prod", "dev"]}, '
                   '{"key": "cost-center", "pattern": "^cc-[0-9]+$"}]  (file .govern.yaml:7)')


def test_config_show_text(configured: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVERN_FAIL_ON_UNKNOWN", "true")
    monkeypatch.setenv("GOVERN_FAIL_ON", "high")
    code, out, err = run("config", "show", "--fail-on", "medium", cwd=configured)
    settings, _, parameters = out.partition("rule parameters:\n")
    assert (code, settings, err) == (0, CONFIG_SHOW, "")
    assert parameters.startswith("  GOV-AWS-015 required_tags: [\"owner\", ")


def test_config_show_json(configured: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (configured / "prod.tfvars").write_text("")
    monkeypatch.setenv("GOVERN_FAIL_ON", "high")
    code, out, err = run("config", "show", "--format", "json", "--var-file", "prod.tfvars",
                         cwd=configured)
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert list(shown) == [
        "config", "fail-on", "fail-on-unknown", "rules.paths", "rules.enable", "rules.disable",
        "rules.categories.enable", "rules.categories.disable", "severity",
        "tags.required.aws", "tags.required.azure", "tags.required.gcp", "parameters",
        "exclude", "max-file-size", "var-files", "waivers", "baseline", "jobs", "scheduler",
        "rule-parameters"]
    assert {k: shown[k] for k in ("config", "fail-on", "severity", "var-files", "waivers")} == {
        "config": {"value": ".govern.yaml", "source": "discovered"},
        "fail-on": {"value": "high", "source": "env GOVERN_FAIL_ON"},
        "severity": {"value": {"GOV-AWS-001": "critical"}, "source": "file .govern.yaml:3"},
        "var-files": {"value": ["prod.tfvars"], "source": "cli --var-file"},
        "waivers": {"value": None, "source": "default"}}


def test_config_show_with_named_file_and_error(configured: Path) -> None:
    (configured / "other.yaml").write_text("fail-on: none\n")
    code, out, _ = run("config", "show", "--config", "other.yaml", cwd=configured)
    assert code == 0
    assert out.splitlines()[:2] == ["config: other.yaml            (cli --config)",
                                    "fail-on: none                 (file other.yaml:1)"]
    (configured / "other.yaml").write_text("fail-on: none\nseverity: high\n")
    assert run("config", "show", "--config", "other.yaml", cwd=configured) == (
        2, "", "govern: error: other.yaml:2: severity must be a mapping (got \"high\")\n")
