"""Rule loading: each validation layer's exact message, and what a loaded rule holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.engine.conditions import AttrTest
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.errors import ConfigError, RuleError
from tests.engine.helpers import RULE, rule_text, write_rule

NAME = "s3-bucket-without-encryption.yaml"


def error_of(tmp_path: Path, text: str, name: str = NAME) -> str:
    path = write_rule(tmp_path, text, name)
    with pytest.raises(RuleError) as caught:
        load_rules([str(tmp_path)])
    return str(caught.value).replace(str(path), "FILE")


def test_valid_rule(tmp_path: Path) -> None:
    path = write_rule(tmp_path / "aws" / "encryption", RULE)
    rules = load_rules([str(tmp_path)])
    assert len(rules) == 1
    rule = rules.rules[0]
    meta = rule.meta
    assert (meta.id, meta.slug, meta.severity, meta.category, meta.precision) == (
        "GOV-AWS-001", "s3-bucket-without-encryption", "high", "encryption", "high")
    assert meta.kinds == ("aws.s3.bucket",)
    assert meta.formats == ("aws-live", "cloudformation", "terraform", "tfplan")
    assert meta.tags == ("encryption", "aws", "security")
    assert meta.help_uri == ("https://github.com/govern-dev/govern/blob/main/docs/rules/"
                             "GOV-AWS-001.md")
    assert meta.description == ("Unencrypted objects can be read by anyone who gets the disks "
                                "or a copy.")
    assert meta.remediation == "Enable default encryption with SSE-S3 or SSE-KMS."
    assert meta.equivalents == {"checkov": ("CKV_AWS_19",), "trivy": ("AVD-AWS-0088",),
                                "kics": ()}
    assert meta.source_file == str(path)
    assert rule.message == "S3 bucket has no default server-side encryption"
    assert rule.examples == {"terraform": {"bad": 'resource "aws_s3_bucket" "bad" {}\n',
                                           "good": 'resource "aws_s3_bucket" "good" {}\n'}}
    assert rule.parameters == {} and rule.compliance == {} and rule.references == ()
    assert isinstance(rule.check, AttrTest)
    assert rule.check.path == ("encryption", "enabled") and rule.check.op.name == "is_true"
    assert meta.help_markdown.startswith(
        "## What it does\n\nChecks `aws.s3.bucket` resources (Terraform, Terraform plan JSON, "
        "CloudFormation, live AWS accounts) and reports: S3 bucket has no default server-side "
        "encryption.\n\n## Why is this bad?\n\n")


def test_rules_sorted_by_id_and_files_deduplicated(tmp_path: Path) -> None:
    write_rule(tmp_path / "a", rule_text(id="GOV-AWS-002"))
    second = write_rule(tmp_path / "b", rule_text(id="GOV-AWS-001", slug="other-rule"))
    rules = load_rules([str(tmp_path), str(second)])
    assert rules.ids() == ["GOV-AWS-001", "GOV-AWS-002"]
    assert rules.without(["GOV-AWS-001"]).ids() == ["GOV-AWS-002"]
    assert rules.get("GOV-AWS-002") is rules.rules[1]
    assert rules.get("GOV-AWS-404") is None


def test_yml_files_and_hidden_directories(tmp_path: Path) -> None:
    write_rule(tmp_path, RULE, "s3-bucket-without-encryption.yml")
    write_rule(tmp_path / ".hidden", "not: a rule", "x.yaml")
    write_rule(tmp_path, "ignored", "README.md")
    assert load_rules([str(tmp_path)]).ids() == ["GOV-AWS-001"]


def test_yaml_layer_duplicate_key(tmp_path: Path) -> None:
    assert error_of(tmp_path, RULE + "severity: low\n") == (
        "FILE:24: duplicate key 'severity' (first defined on line 4)")


def test_yaml_layer_syntax_error(tmp_path: Path) -> None:
    text = RULE.replace("kinds: [aws.s3.bucket]", "kinds: [aws.s3.bucket")
    assert error_of(tmp_path, text) == (
        "FILE:8: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
        "sequence on line 7)")


@pytest.mark.parametrize(("text", "message"), [
    (RULE.replace("severity:", "sevirity:"),
     "FILE:4: unknown key 'sevirity' (did you mean 'severity'?)"),
    (rule_text(severity="hihg"),
     "FILE:4: severity must be one of critical, high, medium, low (did you mean 'high'?)"),
    (rule_text(category="encrypt"),
     "FILE:5: category must be one of encryption, public-exposure, tagging, iam, "
     "logging, hardening, resilience (did you mean 'encryption'?)"),
    (rule_text(id="GOV-AWS-1"),
     "FILE:1: id must look like <NAMESPACE>-<PROVIDER>-<NNN>, e.g. GOV-AWS-001 (built-in) "
     "or ACME-AWS-001 (custom)"),
    (rule_text(slug="S3_Bucket"),
     "FILE:2: slug must be kebab-case: lowercase words and digits joined by '-'"),
    (rule_text(message="S3 bucket has no encryption."),
     "FILE:11: message must be one line without a trailing period"),
    (rule_text(kinds="[]"), "FILE:7: kinds must not be empty"),
    (rule_text(kinds="aws.s3.bucket"), "FILE:7: kinds must be a list"),
    (rule_text(remediation=""), "FILE:1: missing required key 'remediation'"),
    (rule_text(rationale="' '"), "FILE:12: rationale must not be empty"),
    (RULE.replace("  kics: []\n", "  kic: []\n"),
     "FILE:23: unknown key 'kic' in equivalents (did you mean 'kics'?)"),
    (rule_text("check:\n  attr: encryption.enabled\n  op: equls\n  value: true\n"),
     "FILE:10: check.op must be one of exists, absent, equals, not_equals, in, not_in, gt, "
     "gte, lt, lte, matches, not_matches, contains, not_contains, is_true, is_false, "
     "not_empty (did you mean 'equals'?)"),
    (rule_text("check:\n  atr: encryption.enabled\n  op: is_true\n"),
     "FILE:9: unknown key 'atr' in a condition (did you mean 'attr'?)"),
    (rule_text("check:\n  attr: encryption.enabled\n  op: equals\n"),
     "FILE:8: missing required key 'value' in check (op 'equals' compares with a value)"),
    (rule_text("check:\n  attr: encryption.enabled\n  op: exists\n  value: true\n"),
     "FILE:11: op 'exists' takes no value (remove 'value')"),
    (rule_text("check:\n  all:\n    - op: exists\n"),
     "FILE:10: check.all[0] needs one of all, any, not, attr, each, some, predicate, "
     "related, when (see docs/rule-format.md#conditions)"),
    (rule_text("check:\n  each: ingress\n  attr: from_port\n  op: exists\n"),
     "FILE:9: 'each' cannot be used with 'attr' in check (split them into separate "
     "conditions, e.g. under all:)"),
    (rule_text("check:\n  all: []\n"), "FILE:9: check.all must not be empty"),
    (rule_text("check:\n  related: {relation: references, dir: in}\n"
               "  every: {attr: a, op: exists}\n"),
     "FILE:9: unknown key 'dir' in check.related (did you mean 'direction'?)"),
    ("", "FILE:1: empty rule file"),
    ("- id: GOV-AWS-001\n", "FILE:1: the rule must be a mapping"),
])
def test_schema_layer_one_readable_error(tmp_path: Path, text: str, message: str) -> None:
    assert error_of(tmp_path, text) == message


@pytest.mark.parametrize(("text", "message"), [
    (rule_text(kinds="[aws.s3.bukcet]"),
     "FILE:7: unknown kind 'aws.s3.bukcet' (did you mean 'aws.s3.bucket'?)"),
    (rule_text(kinds="[aws.route53.record]"),
     "FILE:7: unknown kind 'aws.route53.record' (the kinds are listed in "
     "docs/canonical-model.md)"),
    (rule_text("check:\n  predicate: has_tags\n  args: {required: [owner]}\n"),
     "FILE:9: unknown predicate 'has_tags' (did you mean 'has_required_tags'?)"),
    (rule_text("check:\n  predicate: has_required_tags\n  attr: tags\n"
               "  args: {required: {param: tags}}\n"),
     "FILE:11: unknown parameter 'tags' (declared parameters: none)"),
    (rule_text(slug="s3-unencrypted"),
     "FILE:2: slug 's3-unencrypted' does not match the file name "
     "'s3-bucket-without-encryption.yaml' (rename the file to s3-unencrypted.yaml or change "
     "the slug)"),
    (rule_text(id="GOV-AZURE-001"),
     "FILE:1: id GOV-AZURE-001 does not name the provider of its kinds (use GOV-AWS-NNN)"),
    (rule_text(kinds="[aws.s3.bucket, azure.storage.account]"),
     "FILE:7: kinds mix providers aws and azure (write one rule per provider)"),
    (RULE.replace("equivalents:", "  arm:\n    bad: x\n    good: y\nequivalents:"),
     "FILE:20: aws.s3.bucket cannot come from arm (give examples for terraform, tfplan, "
     "cloudformation)"),
    (rule_text("check:\n  attr: name\n  op: matches\n  value: '[a-'\n"),
     "FILE:11: invalid regular expression: missing ]: [a- (RE2 syntax, as in Terraform: no "
     "backreferences or look-around; see https://github.com/google/re2/wiki/Syntax)"),
    (rule_text("check:\n  attr: name\n  op: matches\n  value: '^(?=a)'\n"),
     "FILE:11: invalid regular expression: invalid perl operator: (?= (RE2 syntax, as in "
     "Terraform: no backreferences or look-around; see "
     "https://github.com/google/re2/wiki/Syntax)"),
])
def test_meaning_layer(tmp_path: Path, text: str, message: str) -> None:
    assert error_of(tmp_path, text) == message


def test_meaning_problems_are_all_reported(tmp_path: Path) -> None:
    text = rule_text("check:\n  all:\n    - predicate: has_tags\n    - each: ingress.0\n"
                     "      check: {attr: a, op: exists}\n",
                     kinds="[aws.s3.bukcet]")
    assert error_of(tmp_path, text).splitlines() == [
        "FILE:7: unknown kind 'aws.s3.bukcet' (did you mean 'aws.s3.bucket'?)",
        "FILE:10: unknown predicate 'has_tags' (did you mean 'has_required_tags'?)",
        "FILE:11: check.all[1].each must name a list, not one of its elements "
        "(remove '.0')",
    ]


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    first = write_rule(tmp_path / "a", RULE)
    second = write_rule(tmp_path / "b", rule_text(slug="s3-bucket-unencrypted"))
    with pytest.raises(RuleError) as caught:
        load_rules([str(tmp_path)])
    assert str(caught.value) == (f"{second}:1: duplicate id GOV-AWS-001 (also in {first}:1)")


def test_duplicate_slug_in_two_directories(tmp_path: Path) -> None:
    first = write_rule(tmp_path / "a", RULE)
    second = write_rule(tmp_path / "b", rule_text(id="GOV-AWS-002"))
    with pytest.raises(RuleError) as caught:
        load_rules([str(tmp_path)])
    assert str(caught.value) == (
        f"{second}:2: duplicate slug s3-bucket-without-encryption (also in {first}:2)")


def test_errors_of_all_files_sorted_in_one_rule_error(tmp_path: Path) -> None:
    write_rule(tmp_path, rule_text(severity="urgent"), "b.yaml")
    write_rule(tmp_path, RULE + "id: GOV-AWS-009\n", "a.yaml")
    with pytest.raises(RuleError) as caught:
        load_rules([str(tmp_path / "missing"), str(tmp_path)])
    assert isinstance(caught.value, ConfigError)
    assert str(caught.value).replace(str(tmp_path), "DIR").splitlines() == [
        "DIR/a.yaml:24: duplicate key 'id' (first defined on line 1)",
        "DIR/b.yaml:4: severity must be one of critical, high, medium, low",
        "DIR/missing: no such rule file or directory",
    ]


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as caught:
        load_rules([str(tmp_path)])
    assert str(caught.value) == f"{tmp_path}: no rule files (*.yaml, *.yml) in this directory"


def test_unreadable_bytes(tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(b"id: \xff\xfe\n")
    with pytest.raises(RuleError) as caught:
        load_rules([str(tmp_path)])
    assert str(caught.value) == f"{tmp_path / NAME}: not UTF-8 text"


def test_default_rules_dir_is_the_checkout_rules_folder() -> None:
    repo = Path(__file__).resolve().parents[2]
    assert default_rules_dir() == str(repo / "rules")


# Id namespaces: GOV- for the built-in rules, any other prefix for custom rules.

@pytest.fixture
def builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the built-in rules directory, holding RULE (GOV-AWS-001)."""
    from govern.engine import rule_loader

    directory = tmp_path / "builtin"
    write_rule(directory / "aws" / "encryption", RULE)
    monkeypatch.setattr(rule_loader, "default_rules_dir", lambda: str(directory))
    return directory


def test_custom_namespace_loads_beside_the_builtin_rules(tmp_path: Path, builtin: Path
                                                         ) -> None:
    write_rule(tmp_path / "custom", rule_text(id="ACME-AWS-001"))
    rules = load_rules([str(builtin), str(tmp_path / "custom")], use_cache=False)
    assert rules.ids() == ["ACME-AWS-001", "GOV-AWS-001"]  # same slug, other namespace


def test_long_custom_ids_are_valid(tmp_path: Path) -> None:
    write_rule(tmp_path, rule_text(id="ACME2-AWS-1234"))
    assert load_rules([str(tmp_path)], use_cache=False).ids() == ["ACME2-AWS-1234"]


def test_gov_namespace_is_reserved_for_builtin_rules(tmp_path: Path, builtin: Path) -> None:
    custom = write_rule(tmp_path / "custom", rule_text(id="GOV-AWS-901", slug="mine"),
                        "mine.yaml")
    with pytest.raises(RuleError) as caught:
        load_rules([str(builtin), str(tmp_path / "custom")], use_cache=False)
    assert str(caught.value) == (
        f"{custom}:1: id GOV-AWS-901: the GOV- namespace is reserved for govern's built-in "
        f"rules (give custom rules your own prefix, e.g. ACME-AWS-901)")


def test_builtin_rules_use_the_gov_namespace(builtin: Path) -> None:
    other = write_rule(builtin / "aws" / "iam", rule_text(id="ACME-AWS-002", slug="x"),
                       "x.yaml")
    with pytest.raises(RuleError) as caught:
        load_rules([str(builtin)], use_cache=False)
    assert str(caught.value) == (f"{other}:1: id ACME-AWS-002: built-in rules use the GOV- "
                                 f"namespace (use GOV-AWS-002)")


def test_duplicate_slug_within_a_custom_namespace(tmp_path: Path) -> None:
    first = write_rule(tmp_path / "a", rule_text(id="ACME-AWS-001"))
    second = write_rule(tmp_path / "b", rule_text(id="ACME-AWS-002"))
    with pytest.raises(RuleError) as caught:
        load_rules([str(tmp_path)], use_cache=False)
    assert str(caught.value) == (
        f"{second}:2: duplicate slug s3-bucket-without-encryption (also in {first}:2)")


def test_provider_hint_keeps_the_namespace(tmp_path: Path) -> None:
    assert error_of(tmp_path, rule_text(id="ACME-AZURE-001")) == (
        "FILE:1: id ACME-AZURE-001 does not name the provider of its kinds "
        "(use ACME-AWS-NNN)")


def test_fixture_directories_beside_rules_are_not_rules(tmp_path: Path) -> None:
    write_rule(tmp_path, RULE)
    fixture = tmp_path / "s3-bucket-without-encryption.fixtures" / "cloudformation"
    fixture.mkdir(parents=True)
    (fixture / "template.yaml").write_text("Resources: {}\n")
    assert load_rules([str(tmp_path)], use_cache=False).ids() == ["GOV-AWS-001"]


PARTIAL = RULE + ("  partial:\n"
                  "    AVD-AWS-0088: Trivy accepts only SSE-KMS; this rule accepts SSE-S3 too.\n")


def test_partial_equivalents_are_carried_in_the_metadata(tmp_path: Path) -> None:
    write_rule(tmp_path, PARTIAL)
    meta = load_rules([str(tmp_path)], use_cache=False).rules[0].meta
    assert meta.equivalents == {"checkov": ("CKV_AWS_19",), "trivy": ("AVD-AWS-0088",),
                                "kics": ()}
    assert meta.partial_equivalents == {
        "AVD-AWS-0088": "Trivy accepts only SSE-KMS; this rule accepts SSE-S3 too."}
    assert ("- Equivalent checks: Checkov `CKV_AWS_19` (exact); Trivy `AVD-AWS-0088` "
            "(partial); KICS none\n  - Trivy `AVD-AWS-0088` is partial: Trivy accepts only "
            "SSE-KMS; this rule accepts SSE-S3 too.\n") in meta.help_markdown


def test_without_partial_every_equivalent_is_exact(tmp_path: Path) -> None:
    write_rule(tmp_path, RULE)
    meta = load_rules([str(tmp_path)], use_cache=False).rules[0].meta
    assert meta.partial_equivalents == {}
    assert meta.help_markdown.endswith(
        "- Equivalent checks: Checkov `CKV_AWS_19` (exact); Trivy `AVD-AWS-0088` (exact); "
        "KICS none\n")


@pytest.mark.parametrize(("text", "message"), [
    (RULE + "  partial:\n    AVD-AWS-0088: fine\n    AVD-AWS-0089: not listed\n",
     "FILE:26: partial equivalent 'AVD-AWS-0089' is not listed under checkov, trivy or kics "
     "(did you mean 'AVD-AWS-0088'?)"),
    (RULE + "  partial:\n    6726dcc0-5ff5-459d: a KICS query\n",
     "FILE:25: partial equivalent '6726dcc0-5ff5-459d' is not listed under checkov, trivy "
     "or kics (add it to its tool's list, or remove it from partial)"),
])
def test_partial_key_must_be_a_listed_id(tmp_path: Path, text: str, message: str) -> None:
    assert error_of(tmp_path, text) == message


@pytest.mark.parametrize(("text", "message"), [
    (RULE + "  partial:\n    AVD-AWS-0088: ''\n",
     "FILE:25: equivalents.partial.AVD-AWS-0088 must be one non-empty line"),
    (RULE + "  partial: [AVD-AWS-0088]\n", "FILE:24: equivalents.partial must be a mapping"),
])
def test_partial_schema(tmp_path: Path, text: str, message: str) -> None:
    assert error_of(tmp_path, text) == message
