"""The shipped JSON Schema is itself valid and matches the engine's vocabulary."""

from __future__ import annotations

from pathlib import Path

from jsonschema import Draft202012Validator

from govern.engine.operators import OPERATORS
from govern.engine.predicates import PREDICATES
from govern.engine.schema_errors import DISCRIMINATORS, rule_schema
from govern.model.finding import SEVERITIES

DOC = Path(__file__).resolve().parents[2] / "docs" / "rule-format.md"


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(rule_schema())


def test_schema_enums_match_the_engine() -> None:
    schema = rule_schema()
    assert schema["properties"]["severity"]["enum"] == list(SEVERITIES)
    assert schema["$defs"]["attr_form"]["properties"]["op"]["enum"] == list(OPERATORS)
    assert [branch["required"][0] for branch in schema["$defs"]["condition"]["anyOf"]] == list(
        DISCRIMINATORS)
    assert schema["additionalProperties"] is False
    forms = [k for k in schema["$defs"] if k.endswith("_form")]
    assert all(schema["$defs"][k]["additionalProperties"] is False for k in forms)


def test_rule_format_doc_lists_every_predicate_and_operator() -> None:
    text = DOC.read_text()
    assert [name for name in PREDICATES if f"| `{name}` |" not in text] == []
    assert [op for op in OPERATORS if f"`{op}`" not in text] == []
