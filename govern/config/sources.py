"""Where configuration comes from: the file (found or named), and the environment.

Discovery: `--config FILE`, else `GOVERN_CONFIG`, else `.govern.yaml`/`.govern.yml` in the
first scanned directory, then in the working directory, else `[tool.govern]` of
`pyproject.toml` in the first scanned directory, then in the working directory.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from govern.errors import ConfigError, SourceError
from govern.model.resource import Path
from govern.user_files import (
    MAX_NESTING,
    UserFileError,
    deep_line,
    long_number_line,
    long_number_message,
    nesting_message,
    nesting_problem,
    read_user_text,
)

YAML_NAMES = (".govern.yaml", ".govern.yml")
PYPROJECT = "pyproject.toml"

# environment variable -> the setting it gives (documented in docs/configuration.md)
ENV_VARS = {
    "GOVERN_CONFIG": "config",
    "GOVERN_FAIL_ON": "fail-on",
    "GOVERN_FAIL_ON_UNKNOWN": "fail-on-unknown",
    "GOVERN_RULES": "rules.paths",
    "GOVERN_EXCLUDE": "exclude",
    "GOVERN_MAX_FILE_SIZE": "max-file-size",
    "GOVERN_VAR_FILES": "var-files",
    "GOVERN_WAIVERS": "waivers",
    "GOVERN_JOBS": "jobs",
    "GOVERN_SCHEDULER": "scheduler",
}


@dataclass(frozen=True)
class ConfigFile:
    """A configuration file, read: its settings, the line of each entry (YAML only), and how
    it was found (`cli --config`, `env GOVERN_CONFIG`, `discovered`)."""

    path: str
    data: Mapping[str, Any]
    lines: Mapping[Path, int] = field(default_factory=dict)
    found_by: str = "discovered"

    @property
    def is_toml(self) -> bool:
        return self.path.endswith(".toml")


def find_config(explicit: str | None, env: Mapping[str, str],
                scan_paths: Sequence[str]) -> tuple[str, str] | None:
    """The configuration file to read and how it was found, or None."""
    if explicit is not None:
        if not os.path.lexists(explicit) or os.path.isdir(explicit):
            raise ConfigError(f"configuration file not found: {explicit} (from --config)")
        return explicit, "cli --config"  # reading it refuses a FIFO or device
    named = env.get("GOVERN_CONFIG")
    if named:
        if not os.path.lexists(named) or os.path.isdir(named):
            raise ConfigError(f"configuration file not found: {named} "
                              f"(from the environment variable GOVERN_CONFIG)")
        return named, "env GOVERN_CONFIG"
    dirs = _search_dirs(scan_paths)
    for directory in dirs:
        for name in YAML_NAMES:
            candidate = _join(directory, name)
            if os.path.lexists(candidate) and not os.path.isdir(candidate):
                return candidate, "discovered"  # a FIFO there is refused, not skipped
    for directory in dirs:
        candidate = _join(directory, PYPROJECT)
        if os.path.isfile(candidate) and _has_tool_govern(candidate):
            return candidate, "discovered"
    return None


def _search_dirs(scan_paths: Sequence[str]) -> list[str]:
    dirs: list[str] = []
    if scan_paths:
        first = scan_paths[0]
        directory = first if os.path.isdir(first) else os.path.dirname(first)
        if os.path.isdir(directory or "."):
            dirs.append(directory or ".")
    if not any(os.path.abspath(d) == os.path.abspath(".") for d in dirs):
        dirs.append(".")
    return dirs


def _join(directory: str, name: str) -> str:
    return name if os.path.normpath(directory) == "." else os.path.join(directory, name)


def _has_tool_govern(path: str) -> bool:
    try:
        tool = _read_toml(path).get("tool")
        return isinstance(tool, dict) and "govern" in tool
    except ConfigError:
        return True  # let reading it report the problem


def read_config(path: str, found_by: str) -> ConfigFile:
    """Read a YAML configuration file, or `[tool.govern]` of a TOML file. Raises
    ConfigError (`file:line: what (hint)`) when it cannot be read or parsed."""
    if path.endswith(".toml"):
        document = _read_toml(path)
        table = document.get("tool", {}).get("govern") if isinstance(
            document.get("tool"), dict) else None
        if table is None:
            raise ConfigError(f"{path}: no [tool.govern] table (add one, or name a "
                              f".govern.yaml file)")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.govern must be a table")
        return ConfigFile(path, table, {}, found_by)
    from govern.engine.yaml_loader import load_yaml

    try:
        text = read_user_text(path)
    except UserFileError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.reason}") from None
    try:
        doc = load_yaml(text, path)
    except SourceError as exc:
        raise ConfigError(exc.render()) from None
    if doc.value is None:
        return ConfigFile(path, {}, doc.lines, found_by)
    if not isinstance(doc.value, dict):
        raise ConfigError(f"{path}:{doc.line(())}: the configuration must be a mapping of "
                          f"settings (see docs/configuration.md)")
    return ConfigFile(path, doc.value, doc.lines, found_by)


def _read_toml(path: str) -> dict[str, Any]:
    """A TOML file, parsed. Nesting deeper than govern's limit and integers too long to
    convert are ConfigErrors at their line (tomllib recurses per level and raises a bare
    ValueError for such an integer)."""
    import tomllib

    try:
        text = read_user_text(path)
    except UserFileError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.reason}") from None
    deep = deep_line(text, toml=True) if _brackets(text) > MAX_NESTING else None
    if deep is not None:
        raise ConfigError(f"{path}:{deep}: {nesting_message()}")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        raise ConfigError(f"{path}{f':{at.group(1)}' if at else ''}: invalid TOML: {exc}"
                          ) from None
    except ValueError:  # an integer longer than Python converts
        line = long_number_line(text)
        raise ConfigError(f"{path}{f':{line}' if line else ''}: invalid TOML: "
                          f"{long_number_message()}") from None
    except RecursionError:  # a backstop: deep_line should have caught it
        raise ConfigError(f"{path}: {nesting_message()}") from None
    if nesting_problem(document):
        raise ConfigError(f"{path}: {nesting_message()}")
    return document


def _brackets(text: str) -> int:
    return text.count("[") + text.count("{")
