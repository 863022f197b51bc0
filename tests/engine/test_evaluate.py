"""evaluate() on a small hand-built graph: findings, messages, locations, fingerprints."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from govern.engine.evaluate import evaluate, fingerprint
from govern.engine.rule import RuleSet
from govern.engine.rule_loader import load_rules
from govern.errors import ConfigError
from govern.model.finding import Finding
from govern.model.graph import ResourceGraph
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from tests.engine.helpers import RULE, resource, rule_text, write_rule

SG_RULE = rule_text(
    "check:\n"
    "  each: ingress\n"
    "  check:\n"
    "    predicate: sg_rule_not_open_to_internet\n"
    "    args: {ports: {param: ports}}\n",
    id="GOV-AWS-002", slug="security-group-open-to-internet",
    title="Security group open to the internet on admin ports", category="public-exposure",
    kinds="[aws.ec2.security_group]", message="Security group allows admin ports from the "
                                              "internet") + "parameters:\n  ports: [22, 3389]\n"
TAG_RULE = rule_text(
    "check:\n"
    "  predicate: has_required_tags\n"
    "  attr: tags\n"
    "  args: {required: {param: required_tags}}\n",
    id="GOV-AWS-003", slug="resource-without-required-tags", title="Resource without required "
    "tags", category="tagging", severity="low", kinds="[aws.s3.bucket, aws.ec2.security_group]",
    message="Resource lacks required tags") + "parameters:\n  required_tags: [owner]\n"


@pytest.fixture
def rules(tmp_path: Path) -> RuleSet:
    for text in (RULE, SG_RULE, TAG_RULE):
        write_rule(tmp_path, text)
    return load_rules([str(tmp_path)])


def graph() -> ResourceGraph:
    bucket_ok = resource({"encryption": {"enabled": True}, "tags": {"owner": "a"}},
                         address="aws_s3_bucket.ok", start=1, end=3)
    bucket_bad = resource({"encryption": {"enabled": False}, "tags": {"owner": "a"}},
                          address="aws_s3_bucket.bad", start=5, end=9,
                          locations={("encryption", "enabled"): SourceRange("main.tf", 7, 7)})
    bucket_unknown = resource({"encryption": {"enabled": Unknown("var.encrypt")},
                               "tags": Unknown("merge(var.tags)")},
                              address="aws_s3_bucket.maybe", start=11, end=12)
    sg = resource({"tags": {}, "ingress": [
        {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]},
        {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}]},
        address="aws_security_group.web", kind="aws.ec2.security_group", file="net.tf",
        start=1, end=20, locations={("ingress", 1): SourceRange("net.tf", 10, 15),
                                    ("ingress", 1, "cidr_blocks"): SourceRange("net.tf", 14, 14)})
    return ResourceGraph([bucket_ok, bucket_bad, bucket_unknown, sg])


def summary(findings: list[Finding]) -> list[tuple[str, str, str, str, str, str]]:
    return [(f.rule_id, f.status, f.resource_address, f.path, str(f.location), f.message)
            for f in findings]


def test_findings(rules: RuleSet) -> None:
    findings = evaluate(graph(), rules)
    assert summary(findings) == [
        ("GOV-AWS-001", "fail", "aws_s3_bucket.bad", "encryption.enabled", "main.tf:7",
         "S3 bucket has no default server-side encryption"),
        ("GOV-AWS-001", "unknown", "aws_s3_bucket.maybe", "encryption.enabled",
         "main.tf:11-12", "S3 bucket has no default server-side encryption "
                          "(encryption.enabled: var.encrypt)"),
        ("GOV-AWS-003", "unknown", "aws_s3_bucket.maybe", "tags", "main.tf:11-12",
         "Resource lacks required tags (tags: merge(var.tags))"),
        ("GOV-AWS-003", "fail", "aws_security_group.web", "tags", "net.tf:1-20",
         "Resource lacks required tags (missing tags: owner)"),
        ("GOV-AWS-002", "fail", "aws_security_group.web", "ingress.1.cidr_blocks", "net.tf:14",
         "Security group allows admin ports from the internet (tcp 22 from 0.0.0.0/0)"),
    ]
    first = findings[0]
    assert (first.severity, first.category, first.resource_kind, first.source_format,
            first.resource_id) == ("high", "encryption", "aws.s3.bucket", "terraform",
                                   "terraform:.:aws_s3_bucket.bad")
    assert first.equivalents == {"checkov": ("CKV_AWS_19",), "trivy": ("AVD-AWS-0088",),
                                 "kics": ()}
    assert first.fingerprint == fingerprint("GOV-AWS-001", graph().get(
        "terraform:.:aws_s3_bucket.bad"), "encryption.enabled")  # type: ignore[arg-type]
    assert len(first.fingerprint) == 32
    assert evaluate(graph(), rules) == findings


def test_parameter_overrides(rules: RuleSet) -> None:
    findings = evaluate(graph(), rules, {"GOV-AWS-003": {"required_tags": ["owner", "team"]},
                                         "GOV-AWS-002": {"ports": [3389]},
                                         "GOV-AWS-999": {"anything": 1}})
    assert [(f.rule_id, f.resource_address, f.message) for f in findings
            if f.status == "fail"] == [
        ("GOV-AWS-003", "aws_s3_bucket.ok", "Resource lacks required tags (missing tags: team)"),
        ("GOV-AWS-003", "aws_s3_bucket.bad", "Resource lacks required tags (missing tags: team)"),
        ("GOV-AWS-001", "aws_s3_bucket.bad", "S3 bucket has no default server-side encryption"),
        ("GOV-AWS-003", "aws_security_group.web",
         "Resource lacks required tags (missing tags: owner, team)"),
    ]


@pytest.mark.parametrize(("overrides", "message"), [
    ({"required_tag": ["x"]},
     "rule GOV-AWS-003 has no parameter 'required_tag' (did you mean 'required_tags'?)"),
    ({"required_tags": "owner"},
     "parameter 'required_tags' of rule GOV-AWS-003 must be a list (its default is "
     "['owner'])"),
    ({"required_tags": [1]},
     "parameters of rule GOV-AWS-003: argument 'required' of has_required_tags must list "
     "tag keys, {key, values: [...]} or {key, pattern: RE}"),
])
def test_bad_parameter_overrides(rules: RuleSet, overrides: dict[str, object],
                                 message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        evaluate(graph(), rules, {"GOV-AWS-003": overrides})
    assert str(caught.value) == message


def test_fingerprint_ignores_lines_but_not_identity() -> None:
    bucket = resource({}, address="aws_s3_bucket.logs", start=10, end=20)
    moved = replace(bucket, range=SourceRange("main.tf", 42, 52))
    renamed = replace(bucket, address="aws_s3_bucket.audit")
    other_file = replace(bucket, range=SourceRange("storage.tf", 10, 20))
    base = fingerprint("GOV-AWS-001", bucket, "encryption.enabled")
    assert fingerprint("GOV-AWS-001", moved, "encryption.enabled") == base
    assert fingerprint("GOV-AWS-001", renamed, "encryption.enabled") != base
    assert fingerprint("GOV-AWS-001", other_file, "encryption.enabled") != base
    assert fingerprint("GOV-AWS-002", bucket, "encryption.enabled") != base
    assert fingerprint("GOV-AWS-001", bucket, "encryption") != base
    # sha256 of rule id, format, context, file, address and path joined by "\x1f"
    assert base == "d25a4868eb22a256f51b0216d1192f9f"


def test_fingerprint_tells_contexts_apart_and_ignores_where_govern_ran(tmp_path: Path
                                                                       ) -> None:
    in_a = resource({}, address="module.eks.aws_iam_role.this")
    in_a = replace(in_a, context=str(tmp_path / "examples" / "a"),
                   range=SourceRange(str(tmp_path / "main.tf"), 1, 3))
    in_b = replace(in_a, context=str(tmp_path / "examples" / "b"))
    assert fingerprint("GOV-AWS-012", in_a, "", str(tmp_path)) != fingerprint(
        "GOV-AWS-012", in_b, "", str(tmp_path))
    elsewhere = tmp_path / "clone"
    moved = replace(in_a, context=str(elsewhere / "examples" / "a"),
                    range=SourceRange(str(elsewhere / "main.tf"), 1, 3))
    assert fingerprint("GOV-AWS-012", in_a, "", str(tmp_path)) == fingerprint(
        "GOV-AWS-012", moved, "", str(elsewhere))


def test_findings_keep_fingerprints_when_lines_shift(rules: RuleSet) -> None:
    before = evaluate(graph(), rules)
    shifted = ResourceGraph([replace(r, range=SourceRange(r.range.file, r.range.start_line + 5,
                                                          r.range.end_line + 5),
                                     locations={})
                             for r in graph() if r.range is not None])
    after = evaluate(shifted, rules)
    assert sorted(f.fingerprint for f in after) == sorted(f.fingerprint for f in before)
    assert {f.location.start_line for f in after if f.location} != {
        f.location.start_line for f in before if f.location}
