"""SARIF `runs[0].automationDetails.id` from `--sarif-category` (schema-valid, `category/`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from govern.report import render, sarif

from .factories import empty_report, sample_report

SCHEMA_PATH = Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def run_of(text: str) -> dict[str, Any]:
    run: dict[str, Any] = json.loads(text)["runs"][0]
    return run


@pytest.mark.parametrize(("category", "expected"), [
    ("govern/terraform", "govern/terraform/"),
    ("govern", "govern/"),
    ("govern/terraform/", "govern/terraform/"),
    ("  iac  ", "iac/"),
])
def test_automation_details_id(validator: jsonschema.Draft4Validator, category: str,
                               expected: str) -> None:
    for report in (sample_report(), empty_report()):
        text = render("sarif", report, sarif_category=category)
        doc = json.loads(text)
        assert not list(validator.iter_errors(doc))
        assert run_of(text)["automationDetails"] == {"id": expected}


def test_omitted_by_default() -> None:
    assert "automationDetails" not in run_of(render("sarif", sample_report()))
    assert "automationDetails" not in run_of(sarif.render(sample_report(), category=""))


def test_only_the_run_changes() -> None:
    plain = json.loads(sarif.render(sample_report()))
    with_id = json.loads(sarif.render(sample_report(), category="govern/terraform"))
    del with_id["runs"][0]["automationDetails"]
    assert with_id == plain
    assert list(run_of(sarif.render(sample_report(), category="c"))) == [
        "tool", "invocations", "originalUriBaseIds", "results", "automationDetails"]
