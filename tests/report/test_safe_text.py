"""Every format writes a report whose file names are not UTF-8 (byte 0xff, decoded with a
surrogate escape) and whose names and values hold a lone surrogate: each becomes U+FFFD."""

from __future__ import annotations

import dataclasses
import json
import os
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from govern.model.finding import Notice
from govern.report import FORMATS, render
from govern.report.safe_text import clean_report, clean_text
from tests.report.factories import ROOT, finding, sample_report
from tests.report.test_sarif import SCHEMA_PATH

BAD_NAME = os.fsdecode(b"caf\xff.tf")  # 'caf\udcff.tf'
SHOWN_NAME = "caf\ufffd.tf"


def odd_report() -> object:
    bad = finding("GOV-AWS-001", "high", f"{ROOT}/{BAD_NAME}", 3, 4,
                  address="aws_s3_bucket.x\ud800y", message="bucket \ud800 has no encryption",
                  path="tags.\udcff")
    notice = Notice(level="error", message="cannot parse \ud800", file=f"{ROOT}/{BAD_NAME}",
                    line=2, hint="fix \udfff", code="parse-error")
    return sample_report(findings=(bad,), notices=(notice,))


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "compliance"])
def test_every_format_writes_lone_surrogates_as_replacement_characters(fmt: str) -> None:
    text = render(fmt, odd_report())  # type: ignore[arg-type]
    data = text.encode("utf-8")  # what the CLI writes; raised UnicodeEncodeError before
    assert "\ud800" not in text and "\\ud800" not in text.lower()
    assert "\\udcff" not in text.lower()
    if fmt in ("json", "sarif"):
        doc = json.loads(data)
        shown = json.dumps(doc, ensure_ascii=False)
        assert "aws_s3_bucket.x\ufffdy" in shown
        if fmt == "json":
            assert SHOWN_NAME in shown
        else:
            schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
            jsonschema.Draft4Validator(schema).validate(doc)
            location = doc["runs"][0]["results"][0]["locations"][0]
            assert location["logicalLocations"][0]["fullyQualifiedName"] == (
                "aws_s3_bucket.x\ufffdy")
            # URIs are percent-encoded UTF-8
            assert location["physicalLocation"]["artifactLocation"]["uri"] == "caf%EF%BF%BD.tf"
    else:
        assert SHOWN_NAME in text and "aws_s3_bucket.x\ufffdy" in text
    if fmt == "junit":
        ET.fromstring(data)  # well-formed XML


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_formats_written_item_by_item_clean_each_as_the_whole_report_would(fmt: str) -> None:
    odd = odd_report()
    clean = finding("GOV-AWS-002", "medium", f"{ROOT}/main.tf", 9, 9,
                    address="aws_s3_bucket.plain", message="plain \U0001f600")
    report = dataclasses.replace(odd, findings=(*odd.findings, clean))  # type: ignore
    assert render(fmt, report) == render(fmt, clean_report(report))  # type: ignore


def test_a_clean_report_is_left_as_it_is() -> None:
    report = sample_report()
    assert clean_report(report) == report
    assert render("json", report) == render("json", clean_report(report))


def test_characters_outside_the_bmp_are_kept() -> None:
    emoji = finding("GOV-AWS-001", "high", f"{ROOT}/main.tf", address="aws_s3_bucket.\U0001f600")
    text = render("json", sample_report(findings=(emoji,)))
    assert "aws_s3_bucket.\\ud83d\\ude00" in text  # a valid pair, escaped by ensure_ascii
    assert json.loads(text)["findings"][0]["resource"]["address"] == "aws_s3_bucket.\U0001f600"


def test_clean_text() -> None:
    assert clean_text("a\ud800b\udcffc") == "a\ufffdb\ufffdc"
    assert clean_text("plain é \U0001f600") == "plain é \U0001f600"


@pytest.mark.parametrize(("rendered", "expected"), [
    ("plain ascii report", False),
    ("caf\u00e9 and \U0001f600", False),  # non-ASCII, no surrogate
    ("raw \udcff here", True),
    ('escaped "\\udcff"', True),
    ('escaped upper "\\uDC00"', True),
    ('an escaped pair "\\ud83d\\ude00"', True),  # rendered again: comes out the same
    ('not a surrogate "\\ud7ff" nor "\\u00e9"', False),
    ('"\\\\ud800" is a backslash and text', True),  # conservative: rendered again
])
def test_may_hold_surrogates(rendered: str, expected: bool) -> None:
    from govern.report.safe_text import may_hold_surrogates

    assert may_hold_surrogates(rendered) is expected
