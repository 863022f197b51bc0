"""`govern config show` lists every rule parameter a scan binds, with where it came from;
a tagging rule no tags were asked for is said to be off."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import run


def shown(project: Path, *args: str) -> dict[str, dict[str, object]]:
    code, out, err = run("config", "show", "--format", "json", *args, cwd=project)
    assert (code, err) == (0, "")
    parameters: dict[str, dict[str, object]] = json.loads(out)["rule-parameters"]
    return parameters


def test_defaults_are_shown_and_tagging_is_off(tmp_path: Path) -> None:
    params = shown(tmp_path)
    assert params["GOV-AWS-063"] == {"minimum_length": {"value": 14,
                                                        "source": "rule default"}}
    assert params["GOV-AWS-015"] == {"required_tags": {
        "value": ["owner", "cost-center"],
        "source": "rule default; off: no tags asked for (set tags.required.aws)"}}
    assert "GOV-AWS-001" not in params  # no parameters


def test_the_file_and_the_command_line_are_shown_as_sources(tmp_path: Path) -> None:
    (tmp_path / ".govern.yaml").write_text(
        "tags:\n  required:\n    aws: [team]\n"
        "parameters:\n  GOV-AWS-063:\n    minimum_length: 16\n")
    params = shown(tmp_path)
    assert params["GOV-AWS-015"]["required_tags"] == {"value": ["team"],
                                                      "source": "file .govern.yaml:3"}
    assert params["GOV-AWS-063"]["minimum_length"] == {"value": 16,
                                                       "source": "file .govern.yaml:4"}
    assert "off" in str(params["GOV-AZURE-006"]["required_tags"]["source"])
    # naming the rule asks for its tags: its default list is used
    on = shown(tmp_path, "--check", "GOV-AZURE-006")
    assert on["GOV-AZURE-006"]["required_tags"] == {"value": ["owner", "cost-center"],
                                                    "source": "rule default"}


def test_the_text_view_lists_them_after_the_settings(tmp_path: Path) -> None:
    code, out, _ = run("config", "show", cwd=tmp_path)
    assert code == 0
    head, _, tail = out.partition("rule parameters:\n")
    assert head.startswith("config: null") and "scheduler: null" in head
    lines = tail.splitlines()
    assert lines[0].startswith("  GOV-AWS-015 required_tags: [\"owner\", \"cost-center\"]")
    assert lines[0].endswith("(rule default; off: no tags asked for (set tags.required.aws))")
    long = next(line for line in lines if line.startswith("  GOV-AWS-135 "))
    assert "…  (rule default)" in long and len(long) < 130


def test_a_selector_naming_no_rule_exits_2(tmp_path: Path) -> None:
    code, _, err = run("config", "show", "--skip-check", "GOV-AWS-0055", cwd=tmp_path)
    assert (code, err) == (2, "govern: error: --skip-check: 'GOV-AWS-0055' names no rule "
                              "(did you mean 'GOV-AWS-055'?)\n")
