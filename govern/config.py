"""The user's configuration file (`--config FILE`, or `.govern.yaml` in the working directory).

```yaml
fail_on: low               # critical | high | medium | low | none
fail_on_unknown: false     # let undecidable checks fail the gate too
rules:
  paths: [policies/]       # extra rule files or directories, besides the built-in ones
  disable: [GOV-AWS-004]   # rule ids not to run
parameters:                # per-rule parameter overrides
  GOV-TAG-001:
    required_tags: [owner, cost-center, env]
exclude: [examples/, legacy/old.tf]   # paths (relative to the config file) not to scan
max_file_size: 5242880     # bytes; larger files are skipped with a note
```
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from govern.discover import DEFAULT_MAX_FILE_SIZE
from govern.errors import ConfigError

DEFAULT_CONFIG_NAMES = (".govern.yaml", ".govern.yml")
FAIL_ON_CHOICES = ("critical", "high", "medium", "low", "none")
_TOP_KEYS = {"fail_on", "fail_on_unknown", "rules", "parameters", "exclude", "max_file_size"}
_RULES_KEYS = {"paths", "disable"}


@dataclass(frozen=True)
class Config:
    fail_on: str = "low"
    fail_on_unknown: bool = False
    rule_paths: tuple[str, ...] = ()
    disabled_rules: frozenset[str] = frozenset()
    parameters: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    source: str | None = None


def find_config(explicit: str | None) -> str | None:
    if explicit is not None:
        if not os.path.isfile(explicit):
            raise ConfigError(f"configuration file not found: {explicit}")
        return explicit
    for name in DEFAULT_CONFIG_NAMES:
        if os.path.isfile(name):
            return name
    return None


def load_config(path: str | None) -> Config:
    if path is None:
        return Config()
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}{line}: {problem} (fix the YAML syntax)") from exc
    if data is None:
        return Config(source=path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of settings "
                          f"(see `govern scan --help`)")
    return _build(path, data)


def _build(path: str, data: dict[str, Any]) -> Config:
    def fail(what: str, hint: str) -> ConfigError:
        return ConfigError(f"{path}: {what} ({hint})")

    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise fail(f"unknown setting '{unknown[0]}'", "known: " + ", ".join(sorted(_TOP_KEYS)))
    fail_on = data.get("fail_on", "low")
    if fail_on not in FAIL_ON_CHOICES:
        raise fail(f"fail_on must be one of {', '.join(FAIL_ON_CHOICES)}", f"got {fail_on!r}")
    fail_on_unknown = data.get("fail_on_unknown", False)
    if not isinstance(fail_on_unknown, bool):
        raise fail("fail_on_unknown must be true or false", f"got {fail_on_unknown!r}")
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        raise fail("rules must be a mapping", "keys: paths, disable")
    bad = sorted(set(rules) - _RULES_KEYS)
    if bad:
        raise fail(f"unknown setting 'rules.{bad[0]}'", "known: paths, disable")
    base = os.path.dirname(path)
    rule_paths = tuple(os.path.join(base, p) for p in _str_list(rules.get("paths"),
                                                                "rules.paths", fail))
    disabled = frozenset(_str_list(rules.get("disable"), "rules.disable", fail))
    parameters = data.get("parameters") or {}
    if not isinstance(parameters, dict) or not all(
            isinstance(v, dict) for v in parameters.values()):
        raise fail("parameters must map rule ids to mappings of parameter values",
                   "e.g. GOV-TAG-001: {required_tags: [owner]}")
    exclude = tuple(os.path.normpath(os.path.join(base, p))
                    for p in _str_list(data.get("exclude"), "exclude", fail))
    max_size = data.get("max_file_size", DEFAULT_MAX_FILE_SIZE)
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
        raise fail("max_file_size must be a positive number of bytes", f"got {max_size!r}")
    return Config(fail_on=fail_on, fail_on_unknown=fail_on_unknown, rule_paths=rule_paths,
                  disabled_rules=disabled, parameters=parameters, exclude=exclude,
                  max_file_size=max_size, source=path)


def _str_list(value: Any, name: str, fail: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(f"{name} must be a list of strings", f"got {value!r}")
    return list(value)
