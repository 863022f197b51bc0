"""The effective configuration a scan uses, and where each of its values came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from govern.discover import DEFAULT_MAX_FILE_SIZE
from govern.model.finding import Severity
from govern.model.resource import Path
from govern.skip_paths import SkipPattern

FAIL_ON_CHOICES = ("critical", "high", "medium", "low", "none")
PROVIDERS = ("aws", "azure", "gcp")
DEFAULT = "default"

# every setting `govern config show` prints, in order (keys as written in the file)
SETTING_KEYS = (
    "config", "fail-on", "fail-on-unknown", "rules.paths", "rules.enable", "rules.disable",
    "rules.categories.enable", "rules.categories.disable", "severity", "tags.required.aws",
    "tags.required.azure", "tags.required.gcp", "parameters", "exclude", "max-file-size",
    "var-files", "waivers", "baseline", "jobs", "scheduler")


@dataclass(frozen=True)
class Config:
    """What the scan applies. Paths are ready to open (relative ones were made relative to
    the configuration file, or to the working directory for the environment and options).

    `enabled_rules`/`enabled_categories` empty means every rule; a rule runs when it is
    enabled (by a selector or by category, when either list is given) and it is neither
    named by a disabling selector nor of a disabled category. The rule lists hold
    selectors as written (ids, former ids, other tools' ids, categories, severities,
    globs: `govern.config.selectors`). `required_tags` maps a provider to its entries (a key, or
    `{"key": K, "values": [...]}` / `{"key": K, "pattern": RE}`). `origins` says where
    each setting of `SETTING_KEYS` came from (`default`, `file .govern.yaml:3`,
    `env GOVERN_FAIL_ON`, `cli --fail-on`)."""

    fail_on: str = "low"
    fail_on_unknown: bool = False
    rule_paths: tuple[str, ...] = ()
    enabled_rules: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    required_tags: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    parameters: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    exclude: tuple[SkipPattern, ...] = ()  # gitignore-style, each with its base directory
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    var_files: tuple[str, ...] = ()
    waivers: str | None = None
    baseline: str | None = None  # `govern scan` default for --baseline; need not exist yet
    jobs: int | None = None  # processes for a scan: None = automatic, 0 = every core
    scheduler: str | None = None  # a Dask scheduler's address: the units run on its cluster
    # `govern admit`/`serve`: {mandatory, advisory, default, on-error, existing}
    # (govern/admission)
    admission: Mapping[str, Any] = field(default_factory=dict)
    source: str | None = None  # the configuration file, as found
    origins: Mapping[str, str] = field(default_factory=dict)
    lines: Mapping[Path, int] = field(default_factory=dict)  # file entry -> line (YAML)
    # every rule id the file names, where: rules.enable/disable items, severity, parameters
    rule_refs: tuple[tuple[Path, str], ...] = ()

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT)

    def where(self, path: Path) -> str:
        """`file:line` of an entry of the configuration file (`file [tool.govern]` for
        pyproject.toml, whose lines are not tracked)."""
        if self.source is None:
            return "configuration"
        if not self.lines:
            return f"{self.source} [tool.govern]"
        probe = path
        while probe:
            if probe in self.lines:
                return f"{self.source}:{self.lines[probe]}"
            probe = probe[:-1]
        return f"{self.source}:{self.lines.get((), 1)}"

    def problem(self, path: Path, what: str, hint: str | None = None) -> str:
        text = f"{self.where(path)}: {what}"
        return f"{text} ({hint})" if hint else text

