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
    config.write_text("fail_on: severe\n")
    code, _, err = run("scan", str(tmp_path), "--config", str(config))
    assert code == 2
    assert err.count("\n") == 1 and "fail_on must be one of" in err


def test_config_naming_unknown_rule_exits_2(tmp_path: Path) -> None:
    config = tmp_path / "govern.yaml"
    config.write_text("rules:\n  disable: [GOV-NOPE-999]\n")
    code, _, err = run("scan", str(tmp_path), "--config", str(config))
    assert code == 2
    assert "unknown rule id GOV-NOPE-999" in err


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


@pytest.mark.parametrize("name, content, expected", [
    ("empty.tf", b"", "empty file"),
    ("blob.tf", b"\x00\x01\x02binary", "binary file"),
])
def test_empty_and_binary_files_are_noted(tmp_path: Path, name: str, content: bytes,
                                          expected: str) -> None:
    (tmp_path / name).write_bytes(content)
    code, out, err = run("scan", str(tmp_path))
    assert code == 0
    assert expected in out
    assert "Traceback" not in out + err


def test_file_over_size_limit_is_noted(tmp_path: Path) -> None:
    (tmp_path / "big.tf").write_text(BAD_BUCKET + "\n" * 2000)
    config = tmp_path / "govern.yaml"
    config.write_text("max_file_size: 1000\n")
    code, out, _ = run("scan", str(tmp_path), "--config", str(config))
    assert code == 0
    assert "over the" in out and "limit; skipped" in out


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
