"""The effective configuration: defaults, then the file, then `GOVERN_*` environment
variables, then command-line options (each later source wins; path lists are joined)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from govern.config.model import DEFAULT, FAIL_ON_CHOICES, PROVIDERS, Config
from govern.config.sources import ConfigFile, find_config, read_config
from govern.engine.hints import path_name
from govern.errors import ConfigError
from govern.model.resource import Path
from govern.skip_paths import patterns as skip_patterns

_TRUE = ("1", "true", "yes", "on")
_POSITIVE = re.compile(r"[0-9]{1,18}")  # ASCII digits only, short enough to convert
_FALSE = ("0", "false", "no", "off")


@dataclass(frozen=True)
class CliSettings:
    """The configuration-related command-line options (None or empty when not given)."""

    config: str | None = None
    fail_on: str | None = None
    fail_on_unknown: bool | None = None
    rule_paths: tuple[str, ...] = ()
    var_files: tuple[str, ...] = ()
    jobs: int | None = None
    scheduler: str | None = None
    check: tuple[str, ...] = ()  # --check: replaces rules.enable (and its categories)
    skip_check: tuple[str, ...] = ()  # --skip-check: added to rules.disable
    skip_path: tuple[str, ...] = ()  # --skip-path: added to exclude


def resolve_config(scan_paths: Sequence[str] = (".",), cli: CliSettings = CliSettings(),
                   env: Mapping[str, str] | None = None) -> Config:
    """Find, read and validate the configuration file (see `govern.config.sources`), then
    apply the environment (`os.environ` by default) and `cli` on top. Raises ConfigError."""
    environ = os.environ if env is None else env
    found = find_config(cli.config, environ, scan_paths)
    file = read_config(*found) if found is not None else None
    if file is not None:
        from govern.config.validate import validate_file  # jsonschema: only when needed

        validate_file(file)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    if file is not None:
        values, origins = _from_file(file)
        origins["config"] = file.found_by
    _apply_env(environ, values, origins)
    _apply_cli(cli, values, origins)
    return Config(**values, source=file.path if file else None, origins=origins,
                  lines=file.lines if file else {},
                  rule_refs=_rule_refs(file.data) if file else ())


def load_config(path: str | None) -> Config:
    """The configuration of the file at `path` alone (no environment, no discovery), or the
    defaults when `path` is None."""
    if path is None:
        return Config()
    return resolve_config((), CliSettings(config=path), env={})


def _from_file(file: ConfigFile) -> tuple[dict[str, Any], dict[str, str]]:
    data = file.data
    base = os.path.dirname(file.path)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}

    def origin(path: Path) -> str:
        if file.is_toml:
            return f"file {file.path} [tool.govern]"
        line = file.lines.get(path, file.lines.get((), 1))
        return f"file {file.path}:{line}"

    def take(key: str, path: Path, field: str, value: Any) -> None:
        values[field] = value
        origins[key] = origin(path)

    def existing(path: Path, name: str, directory: bool = False) -> str:
        full = os.path.normpath(os.path.join(base, name))
        ok = os.path.exists(full) if directory else os.path.isfile(full)
        if not ok:
            where = (f"{file.path} [tool.govern]" if file.is_toml
                     else f"{file.path}:{file.lines.get(path, 1)}")
            if not directory and os.path.exists(full):  # a FIFO, device or directory
                raise ConfigError(f"{where}: {path_name(path)}: {full} is not a regular file")
            what = "file or directory" if directory else "file"
            raise ConfigError(f"{where}: {path_name(path)}: no such {what} {full} "
                              f"(paths are relative to the configuration file)")
        return full

    rules = data.get("rules", {})
    categories = rules.get("categories", {})
    if "fail-on" in data:
        take("fail-on", ("fail-on",), "fail_on", data["fail-on"])
    if "fail-on-unknown" in data:
        take("fail-on-unknown", ("fail-on-unknown",), "fail_on_unknown",
             data["fail-on-unknown"])
    if "paths" in rules:
        take("rules.paths", ("rules", "paths"), "rule_paths", tuple(
            existing(("rules", "paths", i), p, directory=True)
            for i, p in enumerate(rules["paths"])))
    for key, field in (("enable", "enabled_rules"), ("disable", "disabled_rules")):
        if key in rules:
            take(f"rules.{key}", ("rules", key), field, frozenset(rules[key]))
    for key, field in (("enable", "enabled_categories"), ("disable", "disabled_categories")):
        if key in categories:
            take(f"rules.categories.{key}", ("rules", "categories", key), field,
                 frozenset(categories[key]))
    if "severity" in data:
        take("severity", ("severity",), "severity", dict(data["severity"]))
    required = data.get("tags", {}).get("required", {})
    tags = {p: tuple(required[p]) for p in PROVIDERS if p in required}
    if tags:
        values["required_tags"] = tags
        for provider in tags:
            origins[f"tags.required.{provider}"] = origin(("tags", "required", provider))
    if "parameters" in data:
        take("parameters", ("parameters",), "parameters", dict(data["parameters"]))
    if "exclude" in data:
        take("exclude", ("exclude",), "exclude", skip_patterns(
            data["exclude"], base or ".", origin(("exclude",))))
    if "max-file-size" in data:
        take("max-file-size", ("max-file-size",), "max_file_size", data["max-file-size"])
    if "var-files" in data:
        take("var-files", ("var-files",), "var_files", tuple(
            existing(("var-files", i), p) for i, p in enumerate(data["var-files"])))
    if "waivers" in data:
        take("waivers", ("waivers",), "waivers", existing(("waivers",), data["waivers"]))
    if "baseline" in data:  # written by `govern baseline create`: it may not exist yet
        take("baseline", ("baseline",), "baseline",
             os.path.normpath(os.path.join(base, data["baseline"])))
    if "jobs" in data:
        take("jobs", ("jobs",), "jobs", data["jobs"])
    if "scheduler" in data:
        take("scheduler", ("scheduler",), "scheduler", data["scheduler"])
    if "admission" in data:
        take("admission", ("admission",), "admission", dict(data["admission"]))
    return values, origins


def _rule_refs(data: Mapping[str, Any]) -> tuple[tuple[Path, str], ...]:
    rules = data.get("rules", {})
    refs: list[tuple[Path, str]] = []
    for key in ("enable", "disable"):
        refs += [(("rules", key, i), rule_id) for i, rule_id in enumerate(rules.get(key, []))]
    for section in ("severity", "parameters"):
        refs += [((section, rule_id), rule_id) for rule_id in data.get(section, {})]
    return tuple(refs)


def _apply_env(env: Mapping[str, str], values: dict[str, Any], origins: dict[str, str]
               ) -> None:
    def fail(name: str, what: str, got: str) -> ConfigError:
        shown = got if len(got) <= 60 else f"{got[:40]}... ({len(got):,} characters)"
        return ConfigError(f"environment variable {name}: {what} (got {shown!r})")

    def paths(name: str) -> tuple[str, ...]:
        return tuple(p for p in env[name].split(os.pathsep) if p)

    if env.get("GOVERN_FAIL_ON"):
        value = env["GOVERN_FAIL_ON"]
        if value not in FAIL_ON_CHOICES:
            raise fail("GOVERN_FAIL_ON", f"must be one of {', '.join(FAIL_ON_CHOICES)}", value)
        values["fail_on"] = value
        origins["fail-on"] = "env GOVERN_FAIL_ON"
    if env.get("GOVERN_FAIL_ON_UNKNOWN", "").strip():
        value = env["GOVERN_FAIL_ON_UNKNOWN"].strip().lower()
        if value not in _TRUE + _FALSE:
            raise fail("GOVERN_FAIL_ON_UNKNOWN", "must be true or false (or 1, 0)",
                       env["GOVERN_FAIL_ON_UNKNOWN"])
        values["fail_on_unknown"] = value in _TRUE
        origins["fail-on-unknown"] = "env GOVERN_FAIL_ON_UNKNOWN"
    if env.get("GOVERN_MAX_FILE_SIZE"):
        text = env["GOVERN_MAX_FILE_SIZE"]
        if not _POSITIVE.fullmatch(text) or int(text) <= 0:
            raise fail("GOVERN_MAX_FILE_SIZE", "must be a positive number of bytes", text)
        values["max_file_size"] = int(text)
        origins["max-file-size"] = "env GOVERN_MAX_FILE_SIZE"
    if env.get("GOVERN_JOBS"):
        text = env["GOVERN_JOBS"].strip()
        if not _POSITIVE.fullmatch(text):
            raise fail("GOVERN_JOBS", "must be a number of processes (0: every core)",
                       env["GOVERN_JOBS"])
        values["jobs"] = int(text)
        origins["jobs"] = "env GOVERN_JOBS"
    if env.get("GOVERN_SCHEDULER", "").strip():
        values["scheduler"] = env["GOVERN_SCHEDULER"].strip()
        origins["scheduler"] = "env GOVERN_SCHEDULER"
    if env.get("GOVERN_WAIVERS"):
        path = env["GOVERN_WAIVERS"]
        if not os.path.isfile(path):
            raise fail("GOVERN_WAIVERS", _not_a_file(path), path)
        values["waivers"] = path
        origins["waivers"] = "env GOVERN_WAIVERS"
    for name, key, field, is_file in (
            ("GOVERN_RULES", "rules.paths", "rule_paths", False),
            ("GOVERN_VAR_FILES", "var-files", "var_files", True)):
        if not env.get(name):
            continue
        given = paths(name)
        for path in given:
            if not (os.path.isfile(path) if is_file else os.path.exists(path)):
                raise fail(name, _not_a_file(path) if is_file else "no such file or directory",
                           path)
        _join(values, origins, key, field, given, f"env {name}")
    if env.get("GOVERN_EXCLUDE"):
        _join(values, origins, "exclude", "exclude", skip_patterns(
            paths("GOVERN_EXCLUDE"), ".", "env GOVERN_EXCLUDE"), "env GOVERN_EXCLUDE")


def _not_a_file(path: str) -> str:
    return "not a regular file" if os.path.exists(path) else "no such file"


def _apply_cli(cli: CliSettings, values: dict[str, Any], origins: dict[str, str]) -> None:
    for field, key in (("fail_on", "fail-on"), ("fail_on_unknown", "fail-on-unknown"),
                       ("jobs", "jobs"), ("scheduler", "scheduler")):
        given = getattr(cli, field)
        if given is not None:  # the option's name is the setting's key
            values[field] = given
            origins[key] = f"cli --{key}"
    _join(values, origins, "rules.paths", "rule_paths", cli.rule_paths, "cli --rules")
    _join(values, origins, "var-files", "var_files", cli.var_files, "cli --var-file")
    _join(values, origins, "exclude", "exclude",
          skip_patterns(cli.skip_path, ".", "cli --skip-path"), "cli --skip-path")
    if cli.check:  # what to run, now: the file's lists of rules and categories give way
        values["enabled_rules"] = frozenset(cli.check)
        origins["rules.enable"] = "cli --check"
        if values.pop("enabled_categories", None):
            origins["rules.categories.enable"] = "cli --check (replaces it)"
    if cli.skip_check:
        values["disabled_rules"] = frozenset({*values.get("disabled_rules", ()),
                                              *cli.skip_check})
        before = origins.get("rules.disable", DEFAULT)
        origins["rules.disable"] = ("cli --skip-check" if before == DEFAULT
                                    else f"{before} + cli --skip-check")


def _join(values: dict[str, Any], origins: dict[str, str], key: str, field: str,
          given: tuple[Any, ...], origin: str) -> None:
    """Path lists add up: earlier sources first, this one after."""
    if not given:
        return
    values[field] = (*values.get(field, ()), *given)
    before = origins.get(key, DEFAULT)
    origins[key] = origin if before == DEFAULT else f"{before} + {origin}"
