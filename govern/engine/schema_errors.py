"""Layer (b) of rule validation: the JSON Schema, with the single most useful error said in
plain words (`unknown key 'sevirity' (did you mean 'severity'?)`), not `oneOf` noise."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from govern.engine.hints import path_name, suggest
from govern.engine.yaml_loader import YamlDocument
from govern.model.resource import Path

DISCRIMINATORS = ("all", "any", "not", "attr", "each", "some", "predicate", "related", "when")
_TYPE_WORDS = {"object": "a mapping", "array": "a list", "string": "a string",
               "number": "a number", "integer": "an integer", "boolean": "true or false",
               "null": "null"}


@dataclass(frozen=True)
class SchemaProblem:
    """Where (a path in the rule document) and what is wrong, with an optional hint."""

    path: Path
    message: str
    hint: str | None = None


@lru_cache(maxsize=1)
def rule_schema() -> dict[str, Any]:
    """The rule file JSON Schema shipped with govern (`govern/engine/rule.schema.json`)."""
    text = resources.files("govern.engine").joinpath("rule.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(rule_schema())


def first_schema_problem(doc: YamlDocument) -> SchemaProblem | None:
    """The most useful schema violation in `doc`, or None when it is valid.

    Preference: an unknown key (usually a typo that also explains a "missing" key), then any
    specific error before a generic "needs one of" error, then the first in the file.
    """
    errors = list(_validator().iter_errors(doc.value))
    if not errors:
        return None

    def relevance(error: ValidationError) -> tuple[bool, bool, int]:
        return (_is_unknown_key(error), error.validator != "anyOf",
                -doc.line(_location(error)))

    best = best_match(errors, key=relevance)
    assert best is not None
    return _translate(best)


def _is_unknown_key(error: ValidationError) -> bool:
    return error.validator == "additionalProperties" or (
        "propertyNames" in error.absolute_schema_path and error.validator == "enum")


def _location(error: ValidationError) -> Path:
    path: Path = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        extra = _extra_keys(error)
        return (*path, extra[0]) if extra else path
    if "propertyNames" in error.absolute_schema_path and isinstance(error.instance, str):
        return (*path, error.instance)
    return path


def _extra_keys(error: ValidationError) -> list[str]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    allowed = schema.get("properties", {})
    instance = error.instance if isinstance(error.instance, dict) else {}
    return [key for key in instance if key not in allowed]


def _x_error(error: ValidationError) -> str | None:
    schema = error.schema if isinstance(error.schema, dict) else {}
    text = schema.get("x-error")
    return text if isinstance(text, str) else None


def _translate(error: ValidationError) -> SchemaProblem:
    path: Path = tuple(error.absolute_path)
    name = path_name(path) or "the rule"
    where = _location(error)
    validator = error.validator
    instance = error.instance
    expected: Any = error.validator_value

    if "propertyNames" in error.absolute_schema_path and isinstance(instance, str):
        if validator == "enum":
            return SchemaProblem(where, f"unknown key '{instance}' in a condition",
                                 suggest(instance, expected))
        rule = _x_error(error) or "is not allowed"
        return SchemaProblem(where, f"key '{instance}' of {name} {rule}")
    if validator == "additionalProperties":
        return _unknown_key(error, path, where)
    if validator == "required":
        return _missing_key(error, path, name)
    if validator == "enum":
        choices = ", ".join(str(c) for c in expected)
        hint = suggest(instance, map(str, expected)) if isinstance(
            instance, str) else None
        return SchemaProblem(where, f"{name} must be one of {choices}", hint)
    if validator == "type":
        words = [_TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str)
                                                  else expected)]
        return SchemaProblem(where, f"{name} must be {' or '.join(words)}")
    if validator in ("pattern", "minLength"):
        rule = _x_error(error) or ("must not be empty" if validator == "minLength"
                                   else f"must match {expected}")
        return SchemaProblem(where, f"{name} {rule}")
    if validator == "minItems":
        return SchemaProblem(where, f"{name} must not be empty")
    if validator == "uniqueItems":
        return SchemaProblem(where, f"{name} has duplicate items")
    if validator == "not" and expected == {"required": ["value"]}:
        op = instance.get("op") if isinstance(instance, dict) else None
        return SchemaProblem((*path, "value"), f"op '{op}' takes no value", "remove 'value'")
    if validator == "anyOf":
        return SchemaProblem(where, f"{name} needs one of {', '.join(DISCRIMINATORS)}",
                             "see docs/rule-format.md#conditions")
    return SchemaProblem(where, f"{name}: {error.message}")


def _unknown_key(error: ValidationError, path: Path, where: Path) -> SchemaProblem:
    extra = _extra_keys(error)
    key = extra[0] if extra else "?"
    schema = error.schema if isinstance(error.schema, dict) else {}
    allowed = list(schema.get("properties", {}))
    instance = error.instance if isinstance(error.instance, dict) else {}
    condition_keys = set(rule_schema()["$defs"]["condition"]["propertyNames"]["enum"])
    is_condition = "op" in allowed or any(k in allowed for k in DISCRIMINATORS)
    if is_condition and key in condition_keys:
        form = next((k for k in allowed if k in instance), None)
        if form is not None:
            return SchemaProblem(where, f"'{key}' cannot be used with '{form}' in "
                                        f"{path_name(path) or 'a condition'}",
                                 "split them into separate conditions, e.g. under all:")
    inside = f" in {path_name(path)}" if path else ""
    return SchemaProblem(where, f"unknown key '{key}'{inside}", suggest(key, allowed))


def _missing_key(error: ValidationError, path: Path, name: str) -> SchemaProblem:
    instance = error.instance if isinstance(error.instance, dict) else {}
    required: Any = error.validator_value
    missing = next((k for k in required if k not in instance), "?")
    inside = f" in {name}" if path else ""
    hint = None
    if missing == "value" and isinstance(instance.get("op"), str):
        hint = f"op '{instance['op']}' compares with a value"
    elif missing == "op":
        hint = "an attribute test needs an op, e.g. op: equals"
    elif missing == "check" and ("each" in instance or "some" in instance):
        hint = "each/some need a check for the elements"
    return SchemaProblem(path, f"missing required key '{missing}'{inside}", hint)
