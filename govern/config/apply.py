"""The configuration applied to the loaded rules: meaning checks (every rule id named must
exist), rule selection, severity overrides and the parameters each rule runs with."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from govern.config.model import Config
from govern.engine.hints import path_name, suggest
from govern.engine.rule import Rule, RuleSet
from govern.errors import ConfigError

TAG_PARAMETERS = ("required_tags", "required_labels")


def check_rule_ids(config: Config, rules: RuleSet) -> None:
    """Raise ConfigError for the first rule the configuration names that no loaded rule
    is: a selector of `rules.enable`/`disable` (or `--check`/`--skip-check`) that names no
    rule, or a rule id of `severity`/`parameters` that is no rule's id or former id
    (`file:line: unknown rule id X in severity (did you mean Y?)`)."""
    from govern.config.selectors import RuleIndex, UnknownSelector

    index = RuleIndex(rules)
    known = set(rules.known_ids())
    refs = sorted(config.rule_refs, key=lambda ref: config.lines.get(ref[0], 0))
    from_file = set()
    for path, rule_id in refs:
        section = path_name([p for p in path if isinstance(p, str) and p != rule_id])
        if path[0] == "rules":
            from_file.add((path[1], rule_id))
            try:
                index.resolve(rule_id, enabling=path[1] == "enable")
            except UnknownSelector as exc:
                raise ConfigError(config.problem(
                    path, f"{rule_id!r} in {section} names no rule", exc.hint)) from None
            continue
        if rule_id in known:
            continue
        raise ConfigError(config.problem(
            path, f"unknown rule id {rule_id} in {section}",
            suggest(rule_id, known) or "run `govern rules list` to see the rule ids"))
    for key, selectors in (("enable", config.enabled_rules), ("disable", config.disabled_rules)):
        for selector in sorted(selectors):
            if (key, selector) in from_file:
                continue
            try:
                index.resolve(selector, enabling=key == "enable")
            except UnknownSelector as exc:
                origin = config.origin(f"rules.{key}").rsplit(" + ", 1)[-1]
                where = ("rules." + key if origin == "default"
                         else origin.removeprefix("cli ").removeprefix("env "))
                raise ConfigError(f"{where}: {selector!r} names no rule ({exc.hint})"
                                  ) from None


def with_current_ids(config: Config, rules: RuleSet) -> Config:
    """`config` with every former rule id (a rule's `aliases`) it names replaced by the id
    the rule has now: in `severity`, `parameters` and the admission policy's lists
    (`rules.enable`/`disable` are selectors, which name a rule by a former id too)."""
    current = rules.current_ids()
    if not current:
        return config

    def now(rule_id: str) -> str:
        return current.get(rule_id, rule_id)

    admission = dict(config.admission)
    for key in ("mandatory", "advisory"):
        if isinstance(admission.get(key), list):
            admission[key] = [now(e) if isinstance(e, str) else e for e in admission[key]]
    return replace(
        config, severity={now(k): v for k, v in config.severity.items()},
        parameters={now(k): v for k, v in config.parameters.items()}, admission=admission)


def select_rules(config: Config, rules: RuleSet) -> RuleSet:
    """The rules to run: enabled (all when neither `rules.enable` nor
    `rules.categories.enable` is given, else those a selector of either names), minus
    those disabled; with `severity` overrides applied to their metadata. Selectors are
    resolved as `govern.config.selectors` says (ids, former ids, other tools' ids,
    categories, severities, globs). A deprecated rule runs only when `rules.enable` names
    it by its id or a former id (its id stays known, so what names it keeps working).
    Severity overrides are keyed by current ids (`with_current_ids`)."""
    from govern.config.selectors import RuleIndex, resolve_all

    index = RuleIndex(rules)
    enabled = resolve_all(index, sorted(config.enabled_rules), enabling=True)
    disabled = resolve_all(index, sorted(config.disabled_rules), enabling=False)
    chosen: list[Rule] = []
    limited = bool(config.enabled_rules or config.enabled_categories)
    for rule in rules:
        meta = rule.meta
        if meta.status == "deprecated" and meta.id not in enabled.named:
            continue
        if limited and meta.id not in enabled.ids and (
                meta.category not in config.enabled_categories):
            continue
        if meta.id in disabled.ids or meta.category in config.disabled_categories:
            continue
        if not tags_asked_for(rule, config, enabled.asked):
            continue
        severity = config.severity.get(meta.id)
        if severity is not None and severity != meta.severity:
            rule = replace(rule, meta=replace(meta, severity=severity))
        chosen.append(rule)
    return RuleSet(tuple(chosen))


def tags_asked_for(rule: Rule, config: Config, asked: frozenset[str]) -> bool:
    """Whether a tagging rule with a list of required tags (or labels) runs: only when the
    configuration asks for tags, with `tags.required.<provider>` or the rule's own
    parameter, non-empty, or enables the rule by its id or its category (`rules.enable`,
    `--check`, `rules.categories.enable`: then with the rule's default list). A first scan
    does not fail on tags nobody asked for. Other rules always pass this test."""
    names = [name for name in TAG_PARAMETERS if name in rule.parameters]
    if rule.meta.category != "tagging" or not names:
        return True
    given = config.parameters.get(rule.meta.id, {})
    required = config.required_tags.get(rule.provider)
    if any(name in given for name in names):
        return any(given.get(name) for name in names)
    if required is not None:
        return bool(required)
    return rule.meta.id in asked or rule.meta.category in config.enabled_categories


def rule_parameters(config: Config, rules: Iterable[Rule]
                    ) -> dict[str, Mapping[str, Any]]:
    """Per rule id, the parameter overrides to bind: `tags.required.<provider>` fills the
    `required_tags`/`required_labels` parameter of that provider's tagging rules, and
    `parameters.<rule id>` wins over it."""
    out: dict[str, Mapping[str, Any]] = {}
    for rule in rules:
        given: dict[str, Any] = {}
        required = config.required_tags.get(rule.provider)
        if required is not None and rule.meta.category == "tagging":
            for name in TAG_PARAMETERS:
                if name in rule.parameters:
                    given[name] = list(required)
        given.update(config.parameters.get(rule.meta.id, {}))
        if given:
            out[rule.meta.id] = given
    return out


def check_parameters(config: Config, rules: RuleSet,
                     parameters: Mapping[str, Mapping[str, Any]]) -> None:
    """Bind every rule with its overrides now, so that a bad parameter is reported at the
    configuration entry that gave it (`parameters.<id>`, or `tags.required.<provider>`)."""
    from govern.engine.evaluate import bind_rule

    for rule in rules:
        given = parameters.get(rule.meta.id)
        if not given:
            continue
        own = config.parameters.get(rule.meta.id, {})
        from_tags = {k: v for k, v in given.items() if k not in own}
        for path, overrides in ((("tags", "required", rule.provider), from_tags),
                                (("parameters", rule.meta.id), given)):
            try:
                bind_rule(rule, overrides)
            except ConfigError as exc:
                raise ConfigError(f"{config.where(path)}: {exc}") from None
