"""The JUnit XML report (`--format junit`): exact output, and parsed back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from govern.report import render
from govern.report.junit import SCAN_SUITE

from .factories import ROOT, empty_report, finding, rule, sample_report

EVALUATED = {"GOV-AWS-001": 9, "GOV-AWS-004": 3, "GOV-AWS-010": 1, "GOV-AWS-099": 0}

EXPECTED = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<testsuites name="govern" tests="10" failures="6" errors="1" skipped'
    '="1">\n'
    '  <testsuite name="GOV-AWS-001" tests="4" failures="3" errors="0" sk'
    'ipped="0">\n'
    '    <properties>\n'
    '      <property name="title" value="S3 bucket without default encryp'
    'tion at rest" />\n'
    '      <property name="severity" value="high" />\n'
    '      <property name="category" value="encryption" />\n'
    '      <property name="help" value="https://govern.dev/rules/GOV-AWS-'
    '001" />\n'
    '    </properties>\n'
    '    <testcase classname="aws_s3_bucket.logs" name="GOV-AWS-001">\n'
    '      <failure message="S3 bucket has no default server-side encrypt'
    'ion" type="high">main.tf:41-44\n'
    'resource: aws_s3_bucket.logs (aws.s3.bucket)\n'
    'S3 bucket has no default server-side encryption</failure>\n'
    '    </testcase>\n'
    '    <testcase classname="module.net.aws_s3_bucket.x[0]" name="GOV-AW'
    'S-001">\n'
    '      <failure message="S3 bucket has no default server-side encrypt'
    'ion" type="high">/opt/shared/modules/net/main.tf:2-6\n'
    'resource: module.net.aws_s3_bucket.x[0] (aws.s3.bucket)\n'
    'S3 bucket has no default server-side encryption</failure>\n'
    '    </testcase>\n'
    '    <testcase classname="arn:aws:s3:::live-bucket" name="GOV-AWS-001'
    '">\n'
    '      <failure message="S3 bucket has no default server-side encrypt'
    'ion" type="high">(no file)\n'
    'resource: arn:aws:s3:::live-bucket (aws.s3.bucket)\n'
    'S3 bucket has no default server-side encryption</failure>\n'
    '    </testcase>\n'
    '    <testcase classname="GOV-AWS-001" name="6 of 9 resources passed"'
    ' />\n'
    '  </testsuite>\n'
    '  <testsuite name="GOV-AWS-004" tests="2" failures="0" errors="0" sk'
    'ipped="1">\n'
    '    <properties>\n'
    '      <property name="title" value="S3 bucket without versioning" />\n'
    '      <property name="severity" value="medium" />\n'
    '      <property name="category" value="encryption" />\n'
    '      <property name="help" value="https://govern.dev/rules/GOV-AWS-'
    '004" />\n'
    '    </properties>\n'
    '    <testcase classname="aws_s3_bucket.data" name="GOV-AWS-004">\n'
    '      <skipped message="could not be decided: S3 bucket versioning c'
    'ould not be decided (var.versioning is unknown)">main.tf:57-60\n'
    'resource: aws_s3_bucket.data (aws.s3.bucket)\n'
    'S3 bucket versioning could not be decided (var.versioning is unknown'
    ')</skipped>\n'
    '    </testcase>\n'
    '    <testcase classname="GOV-AWS-004" name="2 of 3 resources passed"'
    ' />\n'
    '  </testsuite>\n'
    '  <testsuite name="GOV-AWS-010" tests="1" failures="1" errors="0" sk'
    'ipped="0">\n'
    '    <properties>\n'
    '      <property name="title" value="Security group open to SSH from '
    'anywhere" />\n'
    '      <property name="severity" value="critical" />\n'
    '      <property name="category" value="public-exposure" />\n'
    '      <property name="help" value="https://govern.dev/rules/GOV-AWS-'
    '010" />\n'
    '    </properties>\n'
    '    <testcase classname="aws_security_group.web" name="GOV-AWS-010">\n'
    '      <failure message="Security group allows SSH from anywhere (por'
    't 22 from 0.0.0.0/0)" type="critical">main.tf:3-9\n'
    'resource: aws_security_group.web (aws.s3.bucket)\n'
    'attribute: ingress.0.cidr_blocks\n'
    'Security group allows SSH from anywhere (port 22 from 0.0.0.0/0)</fa'
    'ilure>\n'
    '    </testcase>\n'
    '  </testsuite>\n'
    '  <testsuite name="GOV-AWS-020" tests="1" failures="1" errors="0" sk'
    'ipped="0">\n'
    '    <properties>\n'
    '      <property name="title" value="S3 bucket without owner tag" />\n'
    '      <property name="severity" value="low" />\n'
    '      <property name="category" value="tagging" />\n'
    '      <property name="help" value="https://govern.dev/rules/GOV-AWS-'
    '020" />\n'
    '    </properties>\n'
    '    <testcase classname="MyBucket" name="GOV-AWS-020">\n'
    '      <failure message="S3 bucket has no owner tag" type="low">cfn/t'
    'emplate.yaml:5\n'
    'resource: MyBucket (aws.s3.bucket)\n'
    'S3 bucket has no owner tag</failure>\n'
    '    </testcase>\n'
    '  </testsuite>\n'
    '  <testsuite name="GOV-AWS-099" tests="0" failures="0" errors="0" sk'
    'ipped="0">\n'
    '    <properties>\n'
    '      <property name="title" value="A rule that ran and found nothin'
    'g" />\n'
    '      <property name="severity" value="low" />\n'
    '      <property name="category" value="tagging" />\n'
    '      <property name="help" value="https://govern.dev/rules/GOV-AWS-'
    '099" />\n'
    '    </properties>\n'
    '  </testsuite>\n'
    '  <testsuite name="GOV-AZ-003" tests="1" failures="1" errors="0" ski'
    'pped="0">\n'
    '    <properties>\n'
    '      <property name="title" value="Storage account allows plain HTT'
    'P" />\n'
    '      <property name="severity" value="medium" />\n'
    '      <property name="category" value="encryption" />\n'
    '      <property name="help" value="https://govern.dev/rules/GOV-AZ-0'
    '03" />\n'
    '    </properties>\n'
    '    <testcase classname="Microsoft.Storage/storageAccounts/[paramete'
    'rs(\'name\')]" name="GOV-AZ-003">\n'
    '      <failure message="Storage account accepts HTTP" type="medium">'
    'azure/storage.json:12-20\n'
    "resource: Microsoft.Storage/storageAccounts/[parameters('name')] (aw"
    's.s3.bucket)\n'
    'Storage account accepts HTTP</failure>\n'
    '    </testcase>\n'
    '  </testsuite>\n'
    '  <testsuite name="govern: scan errors" tests="1" failures="0" error'
    's="1" skipped="0">\n'
    '    <testcase classname="broken.tf" name="parse-error">\n'
    '      <error message="Unexpected token \'}\'" type="parse-error">bro'
    "ken.tf:7: Unexpected token '}' (check the HCL syntax)</error>\n"
    '    </testcase>\n'
    '    <system-out>warning: module source git::https://example.com/net.'
    'git could not be fetched\n'
    'note: big.json: skipped: larger than 5 MB</system-out>\n'
    '  </testsuite>\n'
    '</testsuites>\n'
)


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert text.endswith("</testsuites>\n")
    return ET.fromstring(text.encode("utf-8"))


def counts(element: ET.Element) -> tuple[int, int, int, int]:
    return (int(element.get("tests", "-1")), int(element.get("failures", "-1")),
            int(element.get("errors", "-1")), int(element.get("skipped", "-1")))


def test_junit_report() -> None:
    assert render("junit", sample_report(evaluated=EVALUATED)) == EXPECTED


def test_parsed_back_counts_match_the_testcases() -> None:
    top = parse(render("junit", sample_report(evaluated=EVALUATED)))
    assert top.tag == "testsuites"
    suites = top.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-010", "GOV-AWS-020", "GOV-AWS-099",
        "GOV-AZ-003", SCAN_SUITE]
    total = [0, 0, 0, 0]
    for suite in suites:
        cases = suite.findall("testcase")
        expected = (len(cases), sum(c.find("failure") is not None for c in cases),
                    sum(c.find("error") is not None for c in cases),
                    sum(c.find("skipped") is not None for c in cases))
        assert counts(suite) == expected, suite.get("name")
        total = [a + b for a, b in zip(total, expected, strict=True)]
    assert counts(top) == tuple(total) == (10, 6, 1, 1)
    first = suites[0].findall("testcase")[0]
    assert (first.get("classname"), first.get("name")) == ("aws_s3_bucket.logs", "GOV-AWS-001")
    failure = first.find("failure")
    assert failure is not None and failure.get("type") == "high"
    assert (failure.text or "").splitlines()[0] == "main.tf:41-44"


def test_rules_without_counts_or_findings_pass_once() -> None:
    top = parse(render("junit", empty_report()))
    assert counts(top) == (6, 0, 0, 0)
    for suite in top.findall("testsuite"):
        (case,) = suite.findall("testcase")
        assert (case.get("classname"), case.get("name")) == (suite.get("name"),
                                                              "no resource failed")


def test_every_evaluated_resource_failed_means_no_passing_testcase() -> None:
    report = empty_report(
        rules=(rule("GOV-AWS-001", "s3", "high", "encryption", "S3"),),
        findings=(finding("GOV-AWS-001", "high", f"{ROOT}/a.tf", 1, address="a.x"),
                  finding("GOV-AWS-001", "high", f"{ROOT}/a.tf", 9, address="a.y")),
        evaluated={"GOV-AWS-001": 2})
    (suite,) = parse(render("junit", report)).findall("testsuite")
    assert counts(suite) == (2, 2, 0, 0)
    assert [c.get("classname") for c in suite.findall("testcase")] == ["a.x", "a.y"]
    one = empty_report(rules=report.rules, evaluated={"GOV-AWS-001": 1})
    (suite,) = parse(render("junit", one)).findall("testsuite")
    assert [c.get("name") for c in suite.findall("testcase")] == ["1 of 1 resource passed"]


def test_finding_of_a_rule_missing_from_the_report_gets_its_own_suite() -> None:
    report = empty_report(rules=(), findings=(
        finding("GOV-X-404", "low", None, address="arn:aws:s3:::b"),))
    (suite,) = parse(render("junit", report)).findall("testsuite")
    assert suite.get("name") == "GOV-X-404"
    assert counts(suite) == (1, 1, 0, 0)
    prop = suite.find("properties/property[@name='title']")
    assert prop is not None and prop.get("value") == "GOV-X-404"


def test_escaping_and_control_characters() -> None:
    bad = finding("GOV-AWS-001", "high", f"{ROOT}/main.tf", 2, address='a<b>&"c"',
                  message="bad ]]> <x/> & \"q\" 'a'\x1b[31m\x00 end\nsecond line")
    text = render("junit", empty_report(findings=(bad,)))
    top = parse(text)  # well-formed despite markup and control characters
    case = top.find("testsuite/testcase[@name='GOV-AWS-001']")
    assert case is not None and case.get("classname") == 'a<b>&"c"'
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == ("bad ]]> <x/> & \"q\" 'a'\\x1b[31m\\x00 end\n"
                                      "second line")
    assert (failure.text or "").splitlines()[-2:] == [
        "bad ]]> <x/> & \"q\" 'a'\\x1b[31m\\x00 end", "second line"]
    assert "&#10;" in text  # a newline in an attribute survives the round trip


def test_output_is_deterministic() -> None:
    report = sample_report(evaluated=EVALUATED)
    reversed_report = sample_report(findings=tuple(reversed(report.findings)),
                                    rules=tuple(reversed(report.rules)),
                                    notices=tuple(reversed(report.notices)),
                                    evaluated=EVALUATED)
    assert render("junit", reversed_report) == render("junit", report)
