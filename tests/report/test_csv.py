"""`--format csv`: RFC 4180, a row per finding, read back by a CSV reader; no cell that a
spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from govern.model.finding import Suppression
from govern.report import csv_report, render

from .factories import ROOT, empty_report, finding, sample_report


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_a_header_and_a_row_per_finding_in_report_order() -> None:
    report = sample_report()
    text = render("csv", report)
    assert text.startswith(",".join(csv_report.COLUMNS) + "\r\n")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    read = rows(text)
    assert len(read) == len(report.findings)
    first = read[0]
    assert first["file"] == "azure/storage.json" and first["start_line"] == "12"
    assert {r["status"] for r in read} == {"fail", "unknown"}
    live = next(r for r in read if r["resource"] == "arn:aws:s3:::live-bucket")
    assert (live["file"], live["start_line"]) == ("", "")
    assert read[-1]["checkov"] == "CKV_X" and read[-1]["trivy"] == "AVD-X"


def test_commas_quotes_and_line_breaks_survive() -> None:
    tricky = finding("GOV-AWS-001", "high", f"{ROOT}/a,b.tf", 3,
                     message='has "quotes", commas\nand a line break')
    [row] = rows(render("csv", empty_report(findings=(tricky,))))
    assert row["message"] == 'has "quotes", commas\nand a line break'
    assert row["file"] == "a,b.tf"


def test_cells_a_spreadsheet_would_run_are_defused() -> None:
    evil = finding("GOV-AWS-001", "high", f"{ROOT}/x.tf", 1,
                   address='=HYPERLINK("http://evil.example","click")', message="-2+3")
    [row] = rows(render("csv", empty_report(findings=(evil,))))
    assert row["resource"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["message"] == "'-2+3"


def test_suppressed_findings_say_by_what() -> None:
    waived = replace(finding("GOV-AWS-001", "high", f"{ROOT}/x.tf", 1),
                     suppression=Suppression("external", "waiver", "accepted by risk board"))
    [row] = rows(render("csv", empty_report(findings=(waived,))))
    assert (row["suppressed_by"], row["suppression_reason"]) == ("waiver",
                                                                 "accepted by risk board")
