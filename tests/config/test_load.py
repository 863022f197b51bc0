"""Configuration sources, precedence, discovery and validation errors (exact messages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.config import CliSettings, Config, load_config, resolve_config
from govern.errors import ConfigError
from govern.skip_paths import SkipPattern

FULL = """\
fail-on: high
fail-on-unknown: true
rules:
  paths: [policies]
  enable: [GOV-AWS-001]
  disable: [GOV-AWS-002]
  categories:
    enable: [encryption]
    disable: [tagging]
severity:
  GOV-AWS-001: critical
tags:
  required:
    aws: [owner, {key: env, values: [prod, dev]}, {key: cost-center, pattern: "^cc-[0-9]+$"}]
    gcp: [team]
parameters:
  GOV-AWS-015: {required_tags: [owner]}
exclude: [legacy]
max-file-size: 1000
var-files: [prod.tfvars]
waivers: waivers.yaml
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with the files the full example names."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policies").mkdir()
    (tmp_path / "prod.tfvars").write_text("")
    (tmp_path / "waivers.yaml").write_text("")
    return tmp_path


def resolve(paths: tuple[str, ...] = (".",), cli: CliSettings | None = None,
            **env: str) -> Config:
    return resolve_config(paths, cli or CliSettings(), env=env)


def error(text: str, name: str = ".govern.yaml") -> str:
    Path(name).write_text(text)
    with pytest.raises(ConfigError) as caught:
        resolve()
    return str(caught.value)


def test_defaults_without_any_source(project: Path) -> None:
    config = resolve()
    assert config == Config()
    assert config.origin("fail-on") == "default"


def test_every_key_of_the_file(project: Path) -> None:
    (project / ".govern.yaml").write_text(FULL)
    config = resolve()
    assert (config.fail_on, config.fail_on_unknown) == ("high", True)
    assert config.rule_paths == ("policies",)
    assert (config.enabled_rules, config.disabled_rules) == (
        frozenset({"GOV-AWS-001"}), frozenset({"GOV-AWS-002"}))
    assert (config.enabled_categories, config.disabled_categories) == (
        frozenset({"encryption"}), frozenset({"tagging"}))
    assert config.severity == {"GOV-AWS-001": "critical"}
    assert config.required_tags == {
        "aws": ("owner", {"key": "env", "values": ["prod", "dev"]},
                {"key": "cost-center", "pattern": "^cc-[0-9]+$"}),
        "gcp": ("team",)}
    assert config.parameters == {"GOV-AWS-015": {"required_tags": ["owner"]}}
    assert config.exclude == (SkipPattern("legacy", str(project), "file .govern.yaml:18"),)
    assert config.max_file_size == 1000
    assert (config.var_files, config.waivers) == (("prod.tfvars",), "waivers.yaml")
    assert config.source == ".govern.yaml"
    assert config.origins == {
        "config": "discovered", "fail-on": "file .govern.yaml:1",
        "fail-on-unknown": "file .govern.yaml:2", "rules.paths": "file .govern.yaml:4",
        "rules.enable": "file .govern.yaml:5", "rules.disable": "file .govern.yaml:6",
        "rules.categories.enable": "file .govern.yaml:8",
        "rules.categories.disable": "file .govern.yaml:9", "severity": "file .govern.yaml:10",
        "tags.required.aws": "file .govern.yaml:14", "tags.required.gcp": "file .govern.yaml:15",
        "parameters": "file .govern.yaml:16", "exclude": "file .govern.yaml:18",
        "max-file-size": "file .govern.yaml:19", "var-files": "file .govern.yaml:20",
        "waivers": "file .govern.yaml:21"}


def test_paths_in_the_file_are_relative_to_it(project: Path) -> None:
    (project / "conf").mkdir()
    (project / "conf" / "policies").mkdir()
    (project / "conf" / "x.tfvars").write_text("")
    (project / "conf" / "govern.yaml").write_text(
        "rules: {paths: [policies]}\nvar-files: [x.tfvars]\nexclude: [old/]\n")
    config = resolve(cli=CliSettings(config="conf/govern.yaml"))
    assert (config.rule_paths, config.var_files) == (("conf/policies",), ("conf/x.tfvars",))
    # exclude patterns are relative to the file's directory, as a .gitignore there
    assert config.exclude == (
        SkipPattern("old/", str(project / "conf"), "file conf/govern.yaml:3"),)
    assert config.origin("config") == "cli --config"


def test_precedence_cli_over_env_over_file_over_default(project: Path) -> None:
    (project / ".govern.yaml").write_text("fail-on: high\nfail-on-unknown: false\n")
    assert resolve().fail_on == "high"
    config = resolve(GOVERN_FAIL_ON="medium", GOVERN_FAIL_ON_UNKNOWN="yes")
    assert (config.fail_on, config.fail_on_unknown) == ("medium", True)
    assert (config.origin("fail-on"), config.origin("fail-on-unknown")) == (
        "env GOVERN_FAIL_ON", "env GOVERN_FAIL_ON_UNKNOWN")
    config = resolve(cli=CliSettings(fail_on="critical", fail_on_unknown=False),
                     GOVERN_FAIL_ON="medium", GOVERN_FAIL_ON_UNKNOWN="1")
    assert (config.fail_on, config.fail_on_unknown) == ("critical", False)
    assert (config.origin("fail-on"), config.origin("fail-on-unknown")) == (
        "cli --fail-on", "cli --fail-on-unknown")
    assert config.origin("max-file-size") == "default"


def test_path_lists_are_joined_file_then_env_then_cli(project: Path) -> None:
    for name in ("a.tfvars", "b.tfvars", "c.tfvars"):
        (project / name).write_text("")
    for name in ("p1", "p2", "p3", "p4"):
        (project / name).mkdir()
    (project / ".govern.yaml").write_text("var-files: [a.tfvars]\nrules: {paths: [p1]}\n")
    import os

    config = resolve(cli=CliSettings(rule_paths=("p4",), var_files=("c.tfvars",)),
                     GOVERN_VAR_FILES="b.tfvars", GOVERN_RULES=f"p2{os.pathsep}p3")
    assert config.var_files == ("a.tfvars", "b.tfvars", "c.tfvars")
    assert config.rule_paths == ("p1", "p2", "p3", "p4")
    assert config.origin("var-files") == (
        "file .govern.yaml:1 + env GOVERN_VAR_FILES + cli --var-file")
    assert config.origin("rules.paths") == "file .govern.yaml:2 + env GOVERN_RULES + cli --rules"


def test_other_environment_variables(project: Path) -> None:
    config = resolve(GOVERN_MAX_FILE_SIZE="2048", GOVERN_EXCLUDE="legacy/",
                     GOVERN_WAIVERS="waivers.yaml")
    assert (config.max_file_size, config.exclude, config.waivers) == (
        2048, (SkipPattern("legacy/", str(project), "env GOVERN_EXCLUDE"),), "waivers.yaml")
    assert config.origin("exclude") == "env GOVERN_EXCLUDE"


@pytest.mark.parametrize(("env", "message"), [
    ({"GOVERN_FAIL_ON": "severe"}, "environment variable GOVERN_FAIL_ON: must be one of "
                                   "critical, high, medium, low, none (got 'severe')"),
    ({"GOVERN_FAIL_ON_UNKNOWN": "maybe"}, "environment variable GOVERN_FAIL_ON_UNKNOWN: must "
                                          "be true or false (or 1, 0) (got 'maybe')"),
    ({"GOVERN_MAX_FILE_SIZE": "1k"}, "environment variable GOVERN_MAX_FILE_SIZE: must be a "
                                     "positive number of bytes (got '1k')"),
    ({"GOVERN_VAR_FILES": "nope.tfvars"}, "environment variable GOVERN_VAR_FILES: no such "
                                          "file (got 'nope.tfvars')"),
    ({"GOVERN_RULES": "nope"}, "environment variable GOVERN_RULES: no such file or "
                               "directory (got 'nope')"),
    ({"GOVERN_WAIVERS": "nope.yaml"}, "environment variable GOVERN_WAIVERS: no such file "
                                      "(got 'nope.yaml')"),
    ({"GOVERN_CONFIG": "nope.yaml"}, "configuration file not found: nope.yaml (from the "
                                     "environment variable GOVERN_CONFIG)"),
])
def test_bad_environment_values(project: Path, env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve(**env)
    assert str(caught.value) == message


def test_discovery_order(project: Path) -> None:
    scanned = project / "infra"
    scanned.mkdir()
    (project / "pyproject.toml").write_text('[tool.govern]\nfail-on = "critical"\n')
    assert (resolve(("infra",)).source, resolve(("infra",)).fail_on) == (
        "pyproject.toml", "critical")
    (scanned / "pyproject.toml").write_text('[tool.govern]\nfail-on = "high"\n')
    assert resolve(("infra",)).source == "infra/pyproject.toml"
    (project / ".govern.yml").write_text("fail-on: medium\n")
    assert resolve(("infra",)).source == ".govern.yml"
    (project / ".govern.yaml").write_text("fail-on: medium\n")
    assert resolve(("infra",)).source == ".govern.yaml"
    (scanned / ".govern.yml").write_text("fail-on: low\n")
    assert resolve(("infra",)).source == "infra/.govern.yml"
    (scanned / ".govern.yaml").write_text("fail-on: low\n")
    assert resolve(("infra/main.tf", "other")).source == "infra/.govern.yaml"
    (project / "env.yaml").write_text("fail-on: none\n")
    (project / "cli.yaml").write_text("fail-on: none\n")
    assert resolve(("infra",), GOVERN_CONFIG="env.yaml").source == "env.yaml"
    assert resolve(("infra",), CliSettings(config="cli.yaml"),
                   GOVERN_CONFIG="env.yaml").source == "cli.yaml"


def test_pyproject_without_the_table_is_not_a_configuration(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.black]\nline-length = 99\n')
    assert resolve().source is None
    with pytest.raises(ConfigError) as caught:
        resolve(cli=CliSettings(config="pyproject.toml"))
    assert str(caught.value) == (
        "pyproject.toml: no [tool.govern] table (add one, or name a .govern.yaml file)")


def test_pyproject_table(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.govern]\nfail-on = "medium"\n\n[tool.govern.rules]\ndisable = ["GOV-AWS-001"]\n'
        '\n[tool.govern.tags.required]\naws = ["owner", {key = "env", values = ["prod"]}]\n')
    config = resolve()
    assert (config.fail_on, config.disabled_rules) == ("medium", frozenset({"GOV-AWS-001"}))
    assert config.required_tags == {"aws": ("owner", {"key": "env", "values": ["prod"]})}
    assert config.origin("fail-on") == "file pyproject.toml [tool.govern]"


@pytest.mark.parametrize(("text", "message"), [
    ('[tool.govern]\nfail_on = "high"\n', "pyproject.toml [tool.govern]: unknown key "
     "'fail_on' (did you mean 'fail-on'? keys are kebab-case)"),
    ('[tool.govern.rules]\ndisabled = ["X"]\n', "pyproject.toml [tool.govern]: unknown key "
     "'disabled' in rules (did you mean 'disable'?)"),
    ('[tool.govern]\nmax-file-size = "big"\n', "pyproject.toml [tool.govern]: max-file-size "
     'must be a whole number (got "big")'),
    ('[tool.govern\n', "pyproject.toml:1: invalid TOML: Expected ']' at the end of a table "
     "declaration (at line 1, column 13)"),
])
def test_pyproject_errors_name_the_key(project: Path, text: str, message: str) -> None:
    (project / "pyproject.toml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        resolve()
    assert str(caught.value) == message


@pytest.mark.parametrize(("text", "message"), [
    ("fail-on: high\nfail_on_unknown: true\n",
     ".govern.yaml:2: unknown key 'fail_on_unknown' (did you mean 'fail-on-unknown'? keys "
     "are kebab-case)"),
    ("exclud: [a]\n", ".govern.yaml:1: unknown key 'exclud' (did you mean 'exclude'?)"),
    ("colour: red\n", ".govern.yaml:1: unknown key 'colour' (known keys: admission, baseline, "
     "exclude, fail-on, fail-on-unknown, jobs, max-file-size, parameters, rules, scheduler, "
     "severity, tags, var-files, waivers)"),
    ("rules:\n  paths: []\n  disabel: [X]\n",
     ".govern.yaml:3: unknown key 'disabel' in rules (did you mean 'disable'?)"),
    ("rules:\n  categories:\n    enable: [encyption]\n",
     ".govern.yaml:3: rules.categories.enable[0] must be one of encryption, public-exposure, "
     "tagging, iam, logging, hardening, resilience (did you mean 'encryption'?)"),
    ("fail-on: severe\n", '.govern.yaml:1: fail-on must be one of critical, high, medium, '
     'low, none (got "severe")'),
    ("fail-on: hihg\n", ".govern.yaml:1: fail-on must be one of critical, high, medium, "
     "low, none (did you mean 'high'?)"),
    ("fail-on-unknown: maybe\n",
     '.govern.yaml:1: fail-on-unknown must be true or false (got "maybe")'),
    ("max-file-size: 0\n", ".govern.yaml:1: max-file-size must be at least 1 (got 0)"),
    ("\n\nseverity:\n  GOV-AWS-001: severe\n", ".govern.yaml:4: severity.GOV-AWS-001 must "
     'be one of critical, high, medium, low (got "severe")'),
    ("rules:\n  disable: GOV-AWS-001\n",
     '.govern.yaml:2: rules.disable must be a list (got "GOV-AWS-001")'),
    ("tags:\n  required:\n    aws:\n      - owner\n      - {key: env}\n",
     ".govern.yaml:5: tags.required.aws[1] must be a tag key, {key, values} or "
     "{key, pattern}"),
    ("tags:\n  required:\n    aws:\n      - {key: env, values: prod}\n",
     '.govern.yaml:4: tags.required.aws[0].values must be a list (got "prod")'),
    ("tags:\n  required:\n    aws: [{key: env, pattern: '('}]\n",
     ".govern.yaml:3: tags.required.aws[0].pattern is not a regular expression (missing ): "
     "(; RE2 syntax, as in Terraform: no backreferences or look-around; see "
     "https://github.com/google/re2/wiki/Syntax)"),
    ("tags:\n  required:\n    aws: ['']\n", ".govern.yaml:3: tags.required.aws[0] must be "
     "a tag key, {key, values} or {key, pattern}"),
    ("tags:\n  required:\n    oci: [owner]\n", ".govern.yaml:3: unknown key 'oci' in "
     "tags.required (known keys: aws, azure, gcp)"),
    ("parameters:\n  GOV-AWS-015: [owner]\n",
     ".govern.yaml:2: parameters.GOV-AWS-015 must be a mapping"),
    ("rules:\n  paths: [missing]\n", ".govern.yaml:2: rules.paths[0]: no such file or "
     "directory missing (paths are relative to the configuration file)"),
    ("var-files: [a.tfvars]\n", ".govern.yaml:1: var-files[0]: no such file a.tfvars "
     "(paths are relative to the configuration file)"),
    ("waivers: waived.yaml\n", ".govern.yaml:1: waivers: no such file waived.yaml (paths "
     "are relative to the configuration file)"),
    ("- fail-on\n", ".govern.yaml:1: the configuration must be a mapping of settings (see "
     "docs/configuration.md)"),
    ("fail-on: low\nfail-on: high\n",
     ".govern.yaml:2: duplicate key 'fail-on' (first defined on line 1)"),
    ("fail-on: [\n", ".govern.yaml:2: invalid YAML: did not find expected node content "
     "(while parsing a flow node on line 2)"),
])
def test_validation_errors_name_file_line_and_key(project: Path, text: str,
                                                  message: str) -> None:
    assert error(text) == message


def test_an_empty_file_is_the_defaults(project: Path) -> None:
    (project / ".govern.yaml").write_text("# nothing yet\n")
    assert resolve() == Config(source=".govern.yaml", origins={"config": "discovered"},
                               lines={(): 1})


def test_missing_explicit_file(project: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve(cli=CliSettings(config="nope.yaml"))
    assert str(caught.value) == "configuration file not found: nope.yaml (from --config)"


def test_load_config_reads_one_file_alone(project: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVERN_FAIL_ON", "critical")
    (project / "x.yaml").write_text("fail-on: medium\n")
    assert load_config("x.yaml").fail_on == "medium"
    assert load_config(None) == Config()
