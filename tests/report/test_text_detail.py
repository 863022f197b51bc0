"""The default text view: a block per finding with `path:line`, the offending lines, the
rule's documentation; wrapped between words to a terminal's width; the gate's line."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from govern.model.finding import Notice, ScanReport, Suppression
from govern.report import text

from .factories import RULES, empty_report, finding

ANSI = re.compile(r"\x1b\[[0-9;]*m")
MAIN_TF = "".join(f"line {n} of main.tf\n" for n in range(1, 60))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text(MAIN_TF)
    return tmp_path


def report(repo: Path, *findings: object, **changes: object) -> ScanReport:
    base = empty_report(findings=tuple(findings), rules=RULES)
    return replace(base, root=str(repo), **changes)  # type: ignore[arg-type]


def test_a_finding_is_a_block_with_its_lines_and_documentation(repo: Path) -> None:
    one = finding("GOV-AWS-010", "critical", str(repo / "main.tf"), 3, 9,
                  address="aws_security_group.web", message="Security group allows SSH")
    assert text.render(report(repo, one)).split("\n\n")[0] == (
        "main.tf:3  critical  GOV-AWS-010  aws_security_group.web\n"
        "  Security group allows SSH\n"
        "  3 │ line 3 of main.tf\n"
        "  4 │ line 4 of main.tf\n"
        "  5 │ line 5 of main.tf\n"
        "  6 │ line 6 of main.tf\n"
        "    │ … 3 more lines\n"
        "  https://govern.dev/rules/GOV-AWS-010")


def test_line_numbers_line_up_and_a_missing_file_has_no_snippet(repo: Path) -> None:
    wide = finding("GOV-AWS-001", "high", str(repo / "main.tf"), 9, 10)
    gone = finding("GOV-AWS-004", "medium", str(repo / "gone.tf"), 2)
    past = finding("GOV-AWS-020", "low", str(repo / "main.tf"), 500)
    blocks = {block.split()[0]: block.splitlines()
              for block in text.render(report(repo, wide, gone, past)).split("\n\n")}
    assert blocks["main.tf:9"][2:4] == ["   9 │ line 9 of main.tf", "  10 │ line 10 of main.tf"]
    assert blocks["gone.tf:2"] == ["gone.tf:2  medium  GOV-AWS-004  aws_s3_bucket.logs",
                                   "  GOV-AWS-004 failed",
                                   "  https://govern.dev/rules/GOV-AWS-004"]
    assert blocks["main.tf:500"][1:] == ["  GOV-AWS-020 failed",
                                         "  https://govern.dev/rules/GOV-AWS-020"]


def test_no_word_is_ever_cut_at_any_width(repo: Path) -> None:
    message = ("Storage account firewall admits every network by default, "
               "including https://example.com/a-very-long-unbreakable-address-of-the-docs")
    long = finding("GOV-AWS-001", "high", str(repo / "main.tf"), 2,
                   address="module.storage.azurerm_storage_account.exports", message=message)
    (repo / "main.tf").write_text("x" * 200 + "\n" + "  key = " + "y" * 150 + "\n")
    unwrapped = text.render(report(repo, long), fail_on="low")
    words = unwrapped.split()
    for width in (20, 33, 47, 60, 80, 120, 200):
        out = text.render(report(repo, long), width=width, fail_on="low")
        for line in out.splitlines():
            if " │ " in line:  # code is cut, marked with …, never wrapped
                assert len(line) <= width
                continue
            # longer than the width only when it is one word alone
            assert len(line) <= width or len(line.split()) == 1, (width, line)
        code = [line for line in out.splitlines() if " │ " in line]
        prose = [line for line in out.splitlines() if " │ " not in line]
        assert " ".join(prose).split() == [w for w in words if "│" not in w and not any(
            w in c for c in code)] or " ".join(prose).split() == [
            w for line in unwrapped.splitlines() if " │ " not in line for w in line.split()]
    narrow = text.render(report(repo, long), width=40).splitlines()
    assert narrow[2:4] == ["  Storage account firewall admits every",
                           "  network by default, including"]
    assert narrow[4] == ("  https://example.com/a-very-long-unbreakable-address-of-the-docs")


def test_without_a_width_nothing_is_wrapped(repo: Path) -> None:
    long = finding("GOV-AWS-001", "high", str(repo / "main.tf"), 1,
                   message="word " * 59 + "word")
    out = text.render(report(repo, long))
    assert ("  " + "word " * 59 + "word\n") in out


def test_links_to_the_file_on_terminals_that_show_them(repo: Path) -> None:
    one = finding("GOV-AWS-001", "high", str(repo / "main.tf"), 41)
    linked = text.render(report(repo, one), color=True, links=True)
    uri = (repo / "main.tf").as_uri()
    assert f"\x1b]8;;{uri}\x1b\\main.tf:41\x1b]8;;\x1b\\  \x1b[31mhigh\x1b[0m  " in linked
    assert "\x1b]8" not in text.render(report(repo, one), color=True)


def test_colour_and_links_never_change_the_words(repo: Path) -> None:
    one = finding("GOV-AWS-001", "high", str(repo / "main.tf"), 41)
    plain = text.render(report(repo, one), width=50)
    styled = text.render(report(repo, one), width=50, color=True, links=True)
    assert re.sub(r"\x1b\]8;;[^\x1b]*\x1b\\", "", ANSI.sub("", styled)) == plain


def test_a_suppressed_finding_says_why(repo: Path) -> None:
    waived = replace(finding("GOV-AWS-001", "high", str(repo / "main.tf"), 1),
                     suppression=Suppression("external", "govern", "sandbox", None, "2999-12-31"))
    out = text.render(report(repo, waived))
    assert "Suppressed — 1\nmain.tf:1  high  GOV-AWS-001" in out
    assert "\n  suppressed (govern): sandbox; until 2999-12-31\n" in out


@pytest.mark.parametrize(("fail_on", "unknown", "findings", "notices", "line"), [
    ("low", False, ["high", "low"], [], "Exit 1: 2 findings block: status fail, severity low "
                                        "or above (--fail-on low)."),
    ("high", True, ["high", "low"], [], "Exit 1: 1 finding blocks: status fail or unknown, "
                                        "severity high or above (--fail-on high)."),
    ("critical", False, ["high", "low"], [], "Exit 0: no finding blocks: 2 findings below "
                                             "--fail-on critical."),
    ("low", False, ["unknown"], [], "Exit 0: no finding blocks; 1 unknown does not block "
                                    "without --fail-on-unknown."),
    ("none", False, ["high"], [], "Exit 0: --fail-on none: findings never block."),
    ("low", False, [], [], "Exit 0: no finding blocks."),
    ("low", False, ["high"], ["parse-error", "parse-error"],
     "Exit 3: 2 scan errors (see the notices above); findings do not change that."),
    ("low", False, ["high"], ["suppression-bad-date"],
     "Exit 2: a configuration error in a scanned file (see the notices above)."),
])
def test_the_last_line_says_why_the_exit_code_is_what_it_is(
        repo: Path, fail_on: str, unknown: bool, findings: list[str], notices: list[str],
        line: str) -> None:
    made = [finding("GOV-AWS-004", "medium", None, status="unknown") if s == "unknown"
            else finding("GOV-AWS-001", s, None, address=f"aws_s3_bucket.b{n}")  # type: ignore[arg-type]
            for n, s in enumerate(findings)]
    errors = tuple(Notice("error", "bad", file="x.tf", line=n + 1, code=code)
                   for n, code in enumerate(notices))
    out = text.render(report(repo, *made, notices=errors), fail_on=fail_on,
                      fail_on_unknown=unknown)
    assert out.endswith("\n\n" + line + "\n")
    assert text.render(report(repo, *made, notices=errors), compact=True, fail_on=fail_on,
                       fail_on_unknown=unknown).endswith("\n\n" + line + "\n")
