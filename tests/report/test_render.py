from __future__ import annotations

import pytest

from govern.errors import UsageError
from govern.report import FORMATS, json_report, render, sarif, text

from .factories import sample_report


def test_formats() -> None:
    assert FORMATS == ("text", "json", "sarif", "markdown", "junit", "csv", "sonarqube",
                       "github", "compliance")


def test_render_dispatches_to_the_format_module() -> None:
    report = sample_report()
    assert render("text", report) == text.render(report)
    assert render("text", report, color=True) == text.render(report, color=True)
    assert render("json", report) == json_report.render(report)
    assert render("json", report, color=True) == json_report.render(report)
    assert render("sarif", report) == sarif.render(report)
    assert render("sarif", report, color=True) == sarif.render(report)


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"unknown report format 'xml' \(choose one of: "
                                         r"text, json, sarif, markdown, junit, csv, "
                                         r"sonarqube, github, compliance\)"):
        render("xml", sample_report())


def test_default_annotation_limit_matches_the_github_reporter() -> None:
    from govern.report import GITHUB_DEFAULT_LIMIT, github

    assert GITHUB_DEFAULT_LIMIT == github.DEFAULT_LIMIT
