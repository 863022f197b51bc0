"""`govern config show`: every effective setting and where it came from."""

from __future__ import annotations

import json
from typing import Any

from govern.config.model import SETTING_KEYS, Config

_ALIGN = 48  # sources line up after values up to this long


def settings(config: Config) -> dict[str, dict[str, Any]]:
    """Setting key (as written in the file) -> `{"value": ..., "source": ...}`, in the order
    of `SETTING_KEYS`."""
    values: dict[str, Any] = {
        "config": config.source,
        "fail-on": config.fail_on,
        "fail-on-unknown": config.fail_on_unknown,
        "rules.paths": list(config.rule_paths),
        "rules.enable": sorted(config.enabled_rules),
        "rules.disable": sorted(config.disabled_rules),
        "rules.categories.enable": sorted(config.enabled_categories),
        "rules.categories.disable": sorted(config.disabled_categories),
        "severity": dict(sorted(config.severity.items())),
        "parameters": {k: dict(v) for k, v in sorted(config.parameters.items())},
        "exclude": [entry.pattern for entry in config.exclude],
        "max-file-size": config.max_file_size,
        "var-files": list(config.var_files),
        "waivers": config.waivers,
        "baseline": config.baseline,
        "jobs": "auto" if config.jobs is None else config.jobs,
        "scheduler": config.scheduler,
    }
    for provider in ("aws", "azure", "gcp"):
        values[f"tags.required.{provider}"] = list(config.required_tags.get(provider, ()))
    return {key: {"value": values[key], "source": config.origin(key)} for key in SETTING_KEYS}


def show_json(config: Config) -> str:
    return json.dumps(settings(config), indent=2) + "\n"


def show_text(config: Config) -> str:
    """One line per setting: `key: value  (source)`; values other than strings in JSON."""
    rows = [(key, _text(item["value"]), item["source"])
            for key, item in settings(config).items()]
    lengths = [len(f"{key}: {value}") for key, value, _ in rows]
    width = max((n for n in lengths if n <= _ALIGN), default=0)  # long values stand out
    return "".join(f"{f'{key}: {value}':<{width}}  ({source})\n" for key, value, source in rows)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(", ", ": "))
