"""Rule lifecycle (docs/rule-format.md, "Lifecycle"): a renamed rule keeps every reference to
its former ids working (inline suppressions, waivers, configuration, baselines), and a
deprecated rule stays known but runs only when it is enabled by id."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from govern.config.load import load_config
from govern.engine.catalogue import rules_to_json, rules_to_text
from govern.engine.rule_loader import load_rules
from govern.errors import RuleError
from govern.model.finding import Finding
from govern.report.sarif import render as render_sarif
from govern.scan import ScanOptions, run_scan
from govern.suppress.baseline import entries_of, write_baseline

OLD, NEW = "ACME-AWS-001", "ACME-AWS-101"
RULE = """\
id: {id}
slug: bucket-without-owner-tag
title: S3 bucket without an owner tag
severity: medium
category: tagging
precision: high
kinds: [aws.s3.bucket]
check:
  attr: tags.owner
  op: exists
message: S3 bucket has no owner tag
rationale: Every bucket needs an owner.
remediation: Add an `owner` tag.
examples:
  terraform:
    bad: |
      resource "aws_s3_bucket" "b" {{}}
    good: |
      resource "aws_s3_bucket" "b" {{
        tags = {{ owner = "x" }}
      }}
equivalents: {{checkov: [], trivy: [], kics: []}}
{extra}"""
BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n'
TODAY = date(2026, 12, 7)


def write_rule(where: Path, rule_id: str, extra: str = "") -> Path:
    where.mkdir(parents=True, exist_ok=True)
    (where / "bucket-without-owner-tag.yaml").write_text(RULE.format(id=rule_id, extra=extra))
    return where


def renamed(tmp_path: Path) -> Path:
    return write_rule(tmp_path / "rules-v2", NEW, f"aliases: [{OLD}]\n")


def scan(tmp_path: Path, rules: Path, config: str | None = None, **options: object
         ) -> list[Finding]:
    infra = tmp_path / "infra"
    if not infra.exists():
        infra.mkdir()
        (infra / "main.tf").write_text(BUCKET)
    loaded = None
    if config is not None:
        (tmp_path / ".govern.yaml").write_text(config)
        loaded = load_config(str(tmp_path / ".govern.yaml"))
    report = run_scan(ScanOptions(
        paths=(str(infra),), extra_rule_paths=(str(rules),), today=TODAY,
        **({"config": loaded} if loaded else {}), **options)).report  # type: ignore[arg-type]
    return [f for f in report.findings if f.rule_id in (OLD, NEW)]


def test_a_renamed_rule_keeps_its_fingerprints_and_the_baseline_still_matches(
        tmp_path: Path) -> None:
    before = scan(tmp_path, write_rule(tmp_path / "rules-v1", OLD))
    assert [f.rule_id for f in before] == [OLD]
    baseline = tmp_path / "baseline.json"
    write_baseline(str(baseline), entries_of(before, str(tmp_path)))

    after = scan(tmp_path, renamed(tmp_path))
    assert [(f.rule_id, f.fingerprint) for f in after] == [(NEW, before[0].fingerprint)]
    assert scan(tmp_path, renamed(tmp_path), baseline=str(baseline)) == []


def test_an_inline_suppression_naming_the_former_id_still_suppresses(tmp_path: Path) -> None:
    infra = tmp_path / "infra"
    infra.mkdir()
    (infra / "main.tf").write_text(
        f'# govern:ignore {OLD} reason="owned by the platform team"\n{BUCKET}')
    [finding] = scan(tmp_path, renamed(tmp_path))
    assert finding.rule_id == NEW
    assert finding.suppression is not None and finding.suppression.source == "govern"


def test_a_waiver_naming_the_former_id_is_valid_and_still_covers(tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(f"- rule: {OLD}\n  resource: aws_s3_bucket.logs\n  reason: legacy\n"
                       f"  owner: platform\n  expires: 2027-06-30\n")
    [finding] = scan(tmp_path, renamed(tmp_path), waivers=str(waivers))
    assert finding.suppression is not None and finding.suppression.source == "waiver"


def test_configuration_naming_the_former_id_applies_to_the_rule(tmp_path: Path) -> None:
    rules = renamed(tmp_path)
    [finding] = scan(tmp_path, rules, f"severity:\n  {OLD}: critical\n")
    assert (finding.rule_id, finding.severity) == (NEW, "critical")
    assert scan(tmp_path, rules, f"rules:\n  disable: [{OLD}]\n") == []
    assert [f.rule_id for f in scan(tmp_path, rules, f"rules:\n  enable: [{OLD}]\n")] == [NEW]


def test_a_deprecated_rule_stays_known_but_runs_only_when_enabled(tmp_path: Path) -> None:
    rules = write_rule(tmp_path / "rules", NEW, f"aliases: [{OLD}]\nstatus: deprecated\n")
    assert scan(tmp_path, rules) == []
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(f"- rule: {OLD}\n  path: '*'\n  reason: legacy\n  owner: platform\n"
                       f"  expires: 2027-06-30\n")
    assert scan(tmp_path, rules, waivers=str(waivers)) == []  # named, and no error
    enabled = scan(tmp_path, rules, f"rules:\n  enable: [{NEW}]\n")
    assert [f.rule_id for f in enabled] == [NEW]


def test_an_alias_may_not_name_another_rule(tmp_path: Path) -> None:
    rules = write_rule(tmp_path / "rules" / "a", NEW, f"aliases: [{OLD}]\n")
    clash = (RULE.format(id=OLD, extra="").replace("bucket-without-owner-tag",
                                                   "bucket-without-owner-tag-2"))
    (tmp_path / "rules" / "b").mkdir()
    (tmp_path / "rules" / "b" / "bucket-without-owner-tag-2.yaml").write_text(clash)
    with pytest.raises(RuleError, match=f"duplicate id {OLD}"):
        load_rules([str(tmp_path / "rules")], use_cache=False)
    assert rules.exists()


def test_status_and_former_ids_are_reported(tmp_path: Path) -> None:
    rules = load_rules([str(write_rule(tmp_path / "r", NEW,
                                       f"aliases: [{OLD}]\nstatus: experimental\n"))],
                       use_cache=False)
    [listed] = rules_to_json(rules)
    assert (listed["status"], listed["aliases"]) == ("experimental", [OLD])
    assert "S3 bucket without an owner tag [experimental]" in rules_to_text(rules)
    sarif = json.loads(render_sarif_of(tmp_path))
    [descriptor] = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["deprecatedIds"] == [OLD]
    assert descriptor["properties"]["status"] == "experimental"


def render_sarif_of(tmp_path: Path) -> str:
    report = run_scan(ScanOptions(paths=(str(_infra(tmp_path)),),
                                  extra_rule_paths=(str(tmp_path / "r"),),
                                  config=load_config(str(_only(tmp_path))))).report
    return render_sarif(report)


def _infra(tmp_path: Path) -> Path:
    infra = tmp_path / "infra"
    infra.mkdir(exist_ok=True)
    (infra / "main.tf").write_text(BUCKET)
    return infra


def _only(tmp_path: Path) -> Path:
    config = tmp_path / ".govern.yaml"
    config.write_text(f"rules:\n  enable: [{NEW}]\n")
    return config


def test_every_built_in_rule_is_stable_or_says_why_not() -> None:
    from govern.engine.rule_loader import default_rules_dir

    rules = load_rules([default_rules_dir()])
    statuses = {r.meta.status for r in rules}
    assert statuses <= {"stable", "experimental", "deprecated"}
    current = rules.current_ids()
    assert not current.keys() & set(rules.ids())
