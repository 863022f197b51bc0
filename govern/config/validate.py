"""Schema validation of a configuration file, with the single most useful error said in
plain words and placed at `file:line` with the key named."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from govern.config.sources import ConfigFile
from govern.engine.hints import path_name, suggest
from govern.errors import ConfigError
from govern.model.resource import Path
from govern.regex import regex_problem

_TYPE_WORDS = {"object": "a mapping", "array": "a list", "string": "a string",
               "number": "a number", "integer": "a whole number", "boolean": "true or false",
               "null": "null"}


@lru_cache(maxsize=1)
def config_schema() -> dict[str, Any]:
    """The configuration JSON Schema shipped with govern (`govern/config/schema.json`)."""
    text = resources.files("govern.config").joinpath("schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(config_schema())


def validate_file(config: ConfigFile) -> None:
    """Raise ConfigError for the most useful schema violation in `config`, then for a tag
    pattern that is not a regular expression."""
    errors = list(_validator().iter_errors(config.data))
    if errors:
        best = best_match(errors, key=lambda e: (e.validator == "additionalProperties",
                                                 -_line(config, _location(e))))
        assert best is not None
        path, what, hint = _translate(best)
        raise ConfigError(_render(config, path, what, hint))
    required = (config.data.get("tags") or {}).get("required") or {}
    for provider, entries in required.items():
        for index, entry in enumerate(entries):
            if isinstance(entry, dict) and "pattern" in entry:
                problem = regex_problem(entry["pattern"])
                if problem is not None:
                    path = ("tags", "required", provider, index, "pattern")
                    raise ConfigError(_render(
                        config, path, f"{path_name(path)} is not a regular expression",
                        problem))


def _render(config: ConfigFile, path: Path, what: str, hint: str | None) -> str:
    if config.is_toml:
        where = f"{config.path} [tool.govern]"
    else:
        where = f"{config.path}:{_line(config, path)}"
    return f"{where}: {what}" + (f" ({hint})" if hint else "")


def _line(config: ConfigFile, path: Path) -> int:
    while path:
        if path in config.lines:
            return config.lines[path]
        path = path[:-1]
    return config.lines.get((), 1)


def _location(error: ValidationError) -> Path:
    path: Path = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        extra = _extra_keys(error)
        return (*path, extra[0]) if extra else path
    return path


def _extra_keys(error: ValidationError) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    allowed = schema.get("properties", {})
    instance = error.instance if isinstance(error.instance, dict) else {}
    return [key for key in instance if key not in allowed]


def _translate(error: ValidationError) -> tuple[Path, str, str | None]:
    path: Path = tuple(error.absolute_path)
    name = path_name(path) or "the configuration"
    instance = error.instance
    expected: Any = error.validator_value
    validator = error.validator
    if validator == "additionalProperties":
        key = (_extra_keys(error) or ["?"])[0]
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = sorted(schema.get("properties", {}))
        inside = f" in {name}" if path else ""
        hint = suggest(key, allowed) or f"known keys: {', '.join(allowed)}"
        if key.replace("_", "-") in allowed:
            hint = f"did you mean '{key.replace('_', '-')}'? keys are kebab-case"
        return (*path, key), f"unknown key '{key}'{inside}", hint
    got = f"got {json.dumps(instance)}" if not isinstance(instance, (dict, list)) else None
    if validator == "enum":
        close = suggest(instance, map(str, expected)) if isinstance(instance, str) else None
        return path, f"{name} must be one of {', '.join(map(str, expected))}", close or got
    if validator == "type":
        words = [_TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str)
                                                  else expected)]
        return path, f"{name} must be {' or '.join(words)}", got
    if validator in ("minProperties", "maxProperties", "required") or (
            validator == "minLength" and _x_error(error)):
        rule = _x_error(error) or f"needs the key '{expected[0]}'"
        return path, f"{name} {rule}", None
    if validator == "minLength":
        return path, f"{name} must not be empty", None
    if validator == "minItems":
        return path, f"{name} must not be empty", None
    if validator == "minimum":
        return path, f"{name} must be at least {expected}", got
    return path, f"{name}: {error.message}", None


def _x_error(error: ValidationError) -> str | None:
    schema = error.schema if isinstance(error.schema, dict) else {}
    text = schema.get("x-error")
    return text if isinstance(text, str) else None
