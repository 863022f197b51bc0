"""`govern config show`: every effective setting and where it came from, then every
parameter of the loaded rules with the value a scan binds and where it came from (the
rule's own default, `tags.required.<provider>`, `parameters.<rule id>`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from govern.config.model import SETTING_KEYS, Config
from govern.engine.rule import Rule

_SHOWN = 72  # a rule parameter's value longer than this is cut in the text view

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


def rule_parameters(config: Config, rules: Iterable[Rule]) -> dict[str, dict[str, Any]]:
    """Rule id -> parameter -> `{"value": ..., "source": ...}` for every rule with
    parameters, in rule order; a tagging rule that does not run for want of required tags
    says so in its source."""
    from govern.config.apply import rule_parameters as overrides
    from govern.config.apply import tags_asked_for
    from govern.config.selectors import RuleIndex, resolve_all

    rules = list(rules)
    given = overrides(config, rules)
    asked = resolve_all(RuleIndex(rules), sorted(config.enabled_rules), enabling=True).asked
    out: dict[str, dict[str, Any]] = {}
    for rule in rules:
        if not rule.parameters:
            continue
        own = config.parameters.get(rule.meta.id, {})
        entries: dict[str, Any] = {}
        for name, default in rule.parameters.items():
            value = given.get(rule.meta.id, {}).get(name, default)
            if name in own:
                source = config.origin("parameters")
            elif value is not default:
                source = config.origin(f"tags.required.{rule.provider}")
            else:
                source = "rule default"
            entries[name] = {"value": value, "source": source}
        if not tags_asked_for(rule, config, asked):
            for entry in entries.values():
                entry["source"] += (f"; off: no tags asked for (set "
                                    f"tags.required.{rule.provider})")
        out[rule.meta.id] = entries
    return out


def show_json(config: Config, rules: Iterable[Rule] | None = None) -> str:
    shown: dict[str, Any] = dict(settings(config))
    if rules is not None:
        shown["rule-parameters"] = rule_parameters(config, rules)
    return json.dumps(shown, indent=2) + "\n"


def show_text(config: Config, rules: Iterable[Rule] | None = None) -> str:
    """One line per setting: `key: value  (source)`; values other than strings in JSON.
    Then, with `rules`, one line per rule parameter: `  ID name: value  (source)`."""
    rows = [(key, _text(item["value"]), item["source"])
            for key, item in settings(config).items()]
    lengths = [len(f"{key}: {value}") for key, value, _ in rows]
    width = max((n for n in lengths if n <= _ALIGN), default=0)  # long values stand out
    text = "".join(f"{f'{key}: {value}':<{width}}  ({source})\n"
                   for key, value, source in rows)
    if rules is None:
        return text
    params = [(f"  {rule_id} {name}: {_cut(_text(entry['value']))}", entry["source"])
              for rule_id, entries in rule_parameters(config, rules).items()
              for name, entry in entries.items()]
    width = max((len(left) for left, _ in params if len(left) <= _ALIGN + 16), default=0)
    return text + "rule parameters:\n" + "".join(
        f"{left:<{width}}  ({source})\n" for left, source in params)


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(", ", ": "))
