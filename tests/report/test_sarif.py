from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import govern
from govern.model.finding import SECURITY_SEVERITY, Notice, Severity
from govern.report import sarif

from .factories import (
    F_CRITICAL,
    F_HIGH,
    F_NO_LOCATION,
    F_OUTSIDE,
    F_UNKNOWN,
    ROOT,
    RULES,
    empty_report,
    finding,
    rule,
    sample_report,
)

SCHEMA_PATH = Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def render(report: Any) -> dict[str, Any]:
    text = sarif.render(report)
    assert text.endswith("\n") and text.isascii()
    doc: dict[str, Any] = json.loads(text)
    return doc


def run_of(doc: dict[str, Any]) -> dict[str, Any]:
    assert len(doc["runs"]) == 1
    run: dict[str, Any] = doc["runs"][0]
    return run


def assert_valid(validator: jsonschema.Draft4Validator, doc: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_vendored_schema_is_the_official_copy() -> None:
    assert hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest() == SCHEMA_SHA256


@pytest.mark.parametrize("report", [
    sample_report(),
    empty_report(),
    empty_report(notices=sample_report().notices),
    empty_report(findings=(finding("GOV-X-404", "low", None, address="arn:aws:s3:::b"),)),
    empty_report(findings=(finding("GOV-AWS-001", "high",
                                   "git::https://example.com/net.git//main.tf", 3),)),
], ids=["sample", "empty", "notices-only", "unknown-rule", "remote-source"])
def test_validates_against_the_official_schema(
        validator: jsonschema.Draft4Validator, report: Any) -> None:
    assert_valid(validator, render(report))


def test_log_and_driver() -> None:
    doc = render(sample_report())
    assert list(doc) == ["$schema", "version", "runs"]
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert doc["version"] == "2.1.0"
    driver = run_of(doc)["tool"]["driver"]
    assert {k: v for k, v in driver.items() if k != "rules"} == {
        "name": "govern",
        "version": "0.1.0",
        "semanticVersion": "0.1.0",
        "informationUri": "https://github.com/govern-dev/govern",
    }


def test_version_falls_back_to_the_package_and_semver_only_when_valid() -> None:
    driver = run_of(render(empty_report(tool_version="")))["tool"]["driver"]
    assert driver["version"] == govern.__version__
    driver = run_of(render(empty_report(tool_version="0.2.0.dev3")))["tool"]["driver"]
    assert driver["version"] == "0.2.0.dev3" and "semanticVersion" not in driver
    driver = run_of(render(empty_report(tool_version="1.0.0-rc.1+g1a2b")))["tool"]["driver"]
    assert driver["semanticVersion"] == "1.0.0-rc.1+g1a2b"


def test_rules_are_exactly_the_rules_hit_sorted_by_id() -> None:
    driver = run_of(render(sample_report()))["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [
        "GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-010", "GOV-AWS-020", "GOV-AZ-003"]
    assert run_of(render(empty_report()))["tool"]["driver"]["rules"] == []


def test_rule_descriptor_exact() -> None:
    driver = run_of(render(sample_report()))["tool"]["driver"]
    assert driver["rules"][2] == {
        "id": "GOV-AWS-010",
        "name": "SecurityGroupOpenSsh",
        "shortDescription": {"text": "Security group open to SSH from anywhere"},
        "fullDescription": {"text": "Security group open to SSH from anywhere: why it matters."},
        "help": {"text": "Fix security-group-open-ssh.",
                 "markdown": "**Fix** `security-group-open-ssh`."},
        "helpUri": "https://govern.dev/rules/GOV-AWS-010",
        "defaultConfiguration": {"level": "error"},
        "properties": {
            "tags": ["aws", "public-exposure", "security"],
            "security-severity": "9.5",
            "precision": "high",
            "equivalents": {"checkov": ["CKV_X"], "trivy": ["AVD-X"], "kics": []},
        },
    }


def test_partial_equivalents_in_the_descriptor(validator: jsonschema.Draft4Validator) -> None:
    rules = tuple(replace(r, partial_equivalents={"AVD-X": "Trivy checks one flag of four."})
                  if r.id == "GOV-AWS-010" else r for r in RULES)
    document = render(sample_report(rules=rules))
    assert_valid(validator, document)
    properties = {r["id"]: r["properties"] for r in run_of(document)["tool"]["driver"]["rules"]}
    assert properties["GOV-AWS-010"]["equivalents"] == {
        "checkov": ["CKV_X"], "trivy": ["AVD-X"], "kics": []}
    assert properties["GOV-AWS-010"]["partialEquivalents"] == {
        "AVD-X": "Trivy checks one flag of four."}
    assert "partialEquivalents" not in properties["GOV-AWS-001"]


@pytest.mark.parametrize(("severity", "level", "security"), [
    ("critical", "error", "9.5"), ("high", "error", "8.0"),
    ("medium", "warning", "5.5"), ("low", "note", "2.0"),
])
def test_severity_mapping(severity: Severity, level: str, security: str) -> None:
    meta = rule("GOV-T-001", "t", severity, "iam", "T")
    report = empty_report(rules=(meta,), findings=(finding("GOV-T-001", severity,
                                                           f"{ROOT}/a.tf", 1),))
    run = run_of(render(report))
    descriptor = run["tool"]["driver"]["rules"][0]
    assert descriptor["properties"]["security-severity"] == security == SECURITY_SEVERITY[severity]
    assert descriptor["defaultConfiguration"] == {"level": level}
    assert run["results"][0]["level"] == level
    assert "kind" not in run["results"][0]


def test_result_exact() -> None:
    results = run_of(render(sample_report()))["results"]
    assert results[2] == {
        "ruleId": "GOV-AWS-010",
        "ruleIndex": 2,
        "level": "error",
        "message": {"text": "Security group allows SSH from anywhere (port 22 from 0.0.0.0/0)"},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": "main.tf", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 3, "endLine": 9},
            },
            "logicalLocations": [{"fullyQualifiedName": "aws_security_group.web",
                                  "kind": "resource"}],
        }],
        "partialFingerprints": {"governFingerprint/v1": "fp-GOV-AWS-010-aws_security_group.web"},
        "properties": {
            "severity": "critical",
            "category": "public-exposure",
            "resourceKind": "aws.s3.bucket",
            "sourceFormat": "terraform",
            "status": "fail",
            "attributePath": "ingress.0.cidr_blocks",
        },
    }


def test_every_result_meets_the_contract() -> None:
    report = sample_report()
    run = run_of(render(report))
    rules = run["tool"]["driver"]["rules"]
    fingerprints = sorted(f.fingerprint for f in report.findings)
    assert sorted(r["partialFingerprints"]["governFingerprint/v1"]
                  for r in run["results"]) == fingerprints
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        assert result["level"] in {"error", "warning", "note", "none"}
        # SARIF 3.27.9: a level other than "none" requires kind "fail" (or no kind)
        if result["level"] != "none":
            assert result.get("kind", "fail") == "fail"
        location = result["locations"][0]
        assert location["logicalLocations"][0]["fullyQualifiedName"]
        physical = location.get("physicalLocation")
        if physical is not None:
            uri = physical["artifactLocation"]["uri"]
            assert "git::" not in uri and ".." not in uri.split("/")
            if uri.startswith("file:///"):
                assert "uriBaseId" not in physical["artifactLocation"]
            else:
                assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            assert physical["region"]["startLine"] <= physical["region"]["endLine"]


def test_unknown_finding_is_a_review_result_with_level_none() -> None:
    run = run_of(render(empty_report(findings=(F_UNKNOWN,))))
    result = run["results"][0]
    assert result["kind"] == "review"
    assert result["level"] == "none"
    assert result["properties"]["status"] == "unknown"
    assert result["properties"]["severity"] == "medium"
    # the rule is still described, with its own default level
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"] == {"level": "warning"}


def test_file_outside_root_gets_an_absolute_file_uri() -> None:
    result = run_of(render(empty_report(findings=(F_OUTSIDE,))))["results"][0]
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "file:///opt/shared/modules/net/main.tf"},
        "region": {"startLine": 2, "endLine": 6},
    }


def test_finding_without_location_or_with_remote_source_keeps_the_logical_location() -> None:
    remote = finding("GOV-AWS-001", "high", "git::https://example.com/net.git//main.tf", 3,
                     address="module.net.aws_s3_bucket.b")
    results = run_of(render(empty_report(findings=(F_NO_LOCATION, remote))))["results"]
    assert [r["locations"] for r in results] == [
        [{"logicalLocations": [{"fullyQualifiedName": "module.net.aws_s3_bucket.b",
                                "kind": "resource"}]}],
        [{"logicalLocations": [{"fullyQualifiedName": "arn:aws:s3:::live-bucket",
                                "kind": "resource"}]}],
    ]


def test_rule_missing_from_the_report_is_still_described() -> None:
    orphan = finding("GOV-X-404", "low", f"{ROOT}/a.tf", 1)
    run = run_of(render(empty_report(findings=(orphan,))))
    assert run["tool"]["driver"]["rules"] == [{
        "id": "GOV-X-404",
        "name": "GOVX404",
        "shortDescription": {"text": "GOV-X-404"},
        "fullDescription": {"text": "GOV-X-404"},
        "help": {"text": "GOV-X-404", "markdown": "GOV-X-404"},
        "defaultConfiguration": {"level": "note"},
        "properties": {"tags": ["encryption", "security"], "security-severity": "2.0",
                       "precision": "medium",
                       "equivalents": {"checkov": ["CKV_X"], "trivy": ["AVD-X"], "kics": []}},
    }]


def test_original_uri_base_ids() -> None:
    run = run_of(render(sample_report()))
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///srv/repo/"}}


def test_notices_become_tool_execution_notifications() -> None:
    invocations = run_of(render(sample_report()))["invocations"]
    assert invocations == [{
        "executionSuccessful": False,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": "Unexpected token '}' (check the HCL syntax)"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "broken.tf", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 7},
                }}],
                "descriptor": {"id": "parse-error"},
            },
            {
                "level": "warning",
                "message": {"text": "module source git::https://example.com/net.git "
                                    "could not be fetched"},
                "descriptor": {"id": "unresolved-module"},
            },
            {
                "level": "note",
                "message": {"text": "skipped: larger than 5 MB"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "big.json", "uriBaseId": "%SRCROOT%"},
                }}],
                "descriptor": {"id": "skipped-huge"},
            },
        ],
    }]


def test_execution_is_successful_without_error_notices() -> None:
    warning = Notice("warning", "module not resolved", file=f"{ROOT}/main.tf", line=4)
    invocation = run_of(render(empty_report(notices=(warning,))))["invocations"][0]
    assert invocation == {
        "executionSuccessful": True,
        "toolExecutionNotifications": [{
            "level": "warning",
            "message": {"text": "module not resolved"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": "main.tf", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 4},
            }}],
        }],
    }
    empty = run_of(render(empty_report()))
    assert empty["invocations"] == [{"executionSuccessful": True,
                                     "toolExecutionNotifications": []}]
    assert empty["results"] == []


def test_byte_stable_and_independent_of_input_order() -> None:
    report = sample_report()
    first = sarif.render(report)
    assert sarif.render(report) == first
    shuffled = sample_report(findings=(*report.findings[3:], *report.findings[:3])[::-1],
                             notices=report.notices[::-1], rules=report.rules[::-1])
    assert sarif.render(shuffled) == first


def test_results_order() -> None:
    results = run_of(render(sample_report()))["results"]
    assert [(r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
            for r in results] == [
        ("GOV-AZ-003", "Microsoft.Storage/storageAccounts/[parameters('name')]"),
        ("GOV-AWS-020", "MyBucket"),
        ("GOV-AWS-010", "aws_security_group.web"),
        ("GOV-AWS-001", "aws_s3_bucket.logs"),
        ("GOV-AWS-004", "aws_s3_bucket.data"),
        ("GOV-AWS-001", "module.net.aws_s3_bucket.x[0]"),
        ("GOV-AWS-001", "arn:aws:s3:::live-bucket"),
    ]


def test_duplicate_rule_ids_give_one_descriptor() -> None:
    report = empty_report(rules=(*RULES, RULES[0]), findings=(F_HIGH, F_CRITICAL, F_HIGH))
    rules = run_of(render(report))["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["GOV-AWS-001", "GOV-AWS-010"]


@pytest.mark.parametrize(("slug", "name"), [
    ("s3-bucket-without-encryption", "S3BucketWithoutEncryption"),
    ("iam_policy-allows--admin", "IamPolicyAllowsAdmin"),
    ("GOV-AWS-001", "GOVAWS001"),
])
def test_pascal_case(slug: str, name: str) -> None:
    assert sarif.pascal_case(slug) == name


def test_the_validator_is_not_vacuous(validator: jsonschema.Draft4Validator) -> None:
    doc = render(sample_report())
    run_of(doc)["results"][0]["level"] = "critical"
    run_of(doc)["tool"]["driver"]["rules"][0]["properties"]["tags"].append("aws")
    messages = {e.message for e in validator.iter_errors(doc)}
    assert any("'critical' is not one of" in m for m in messages)
    assert any("non-unique" in m for m in messages)


def test_empty_address_and_fingerprint_are_omitted_not_written_empty(
        validator: jsonschema.Draft4Validator) -> None:
    bare = replace(finding("GOV-AWS-001", "high", f"{ROOT}/a.tf", 1, address=""),
                   fingerprint="")
    doc = render(empty_report(findings=(bare,)))
    assert_valid(validator, doc)
    result = run_of(doc)["results"][0]
    assert "partialFingerprints" not in result
    assert list(result["locations"][0]) == ["physicalLocation"]
