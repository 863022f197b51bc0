"""Rules that find resources anywhere in the scan by name are judged on every unit's
resources: a trail in one template and the bucket it names in another give the verdict
one graph of both gives, with one process or a pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from govern.config import Config
from govern.engine.predicates import PREDICATES
from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.scan import ScanOptions, run_scan
from govern.units.scanwide import split_rules

TRAIL = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: central-trail-logs
"""
BUCKET = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: central-trail-logs
      AccessControl: PublicRead
"""


def _statuses(tmp_path: Path, jobs: int, *names: str) -> dict[str, str]:
    report = run_scan(ScanOptions(paths=tuple(str(tmp_path / n) for n in names),
                                  config=Config(jobs=jobs))).report
    return {f.rule_id: f.status for f in report.findings if f.resource_address == "Trail"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bucket_in_another_template_decides(tmp_path: Path, jobs: int) -> None:
    (tmp_path / "trail.yaml").write_text(TRAIL)
    (tmp_path / "bucket.yaml").write_text(BUCKET)
    alone = _statuses(tmp_path, jobs, "trail.yaml")
    assert alone["GOV-AWS-167"] == "unknown"  # the bucket is not in the scanned resources
    both = _statuses(tmp_path, jobs, "trail.yaml", "bucket.yaml")
    assert both["GOV-AWS-167"] == "fail"  # its ACL is public
    assert "GOV-AWS-167" in split_names()


def split_names() -> set[str]:
    _, wide, kinds = split_rules(tuple(load_rules([default_rules_dir()])))
    assert {"aws.cloudtrail.trail", "aws.s3.bucket", "aws.logs.log_group"} <= kinds
    return {rule.meta.id for rule in wide}


def test_every_predicate_that_looks_across_the_graph_says_so() -> None:
    """A predicate reading `graph.of_kind` finds resources beyond the resource's edges:
    it must declare the kinds (`looks_up`), or a split scan would judge it on one unit."""
    import inspect

    for predicate in PREDICATES.values():
        source = inspect.getsource(inspect.getmodule(predicate.function))  # type: ignore[arg-type]
        if "of_kind(" in source or "with_value(" in source or "in_context(" in source:
            assert predicate.looks_up, predicate.name
