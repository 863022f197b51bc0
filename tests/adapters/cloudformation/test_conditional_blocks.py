"""A block written under a condition (`Fn::If` around a whole property) is read per
branch: each canonical value below it is conditional, not the whole block."""

from __future__ import annotations

from pathlib import Path

from govern.adapters.reading import MISSING, value_in
from govern.model.unknown import Unknown
from govern.scan import ScanOptions, run_scan

TEMPLATE = """\
Parameters:
  Zone: {Type: String}
Conditions:
  HasZone: !Not [!Equals [!Ref Zone, ""]]
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: redirect-to-https}
        ViewerCertificate: !If
          - HasZone
          - AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc
            MinimumProtocolVersion: TLSv1.2_2021
            SslSupportMethod: sni-only
          - !Ref AWS::NoValue
"""


def test_reading_below_a_conditional_block_reads_each_branch() -> None:
    block = Unknown("depends on condition C", None, ({"a": {"b": 1}}, None, {"a": {}}))
    found = value_in({"x": block}, "x.a.b")
    assert isinstance(found, Unknown)
    assert found.alternatives == (1, None, None) and found.reason == "depends on condition C"
    assert value_in({"x": Unknown("r")}, "x.a") == Unknown("r")
    assert value_in({"x": {}}, "x.a") is MISSING


def test_a_conditional_viewer_certificate(tmp_path: Path) -> None:
    (tmp_path / "template.yaml").write_text(TEMPLATE)
    result = run_scan(ScanOptions(paths=(str(tmp_path),), keep_graph=True))
    (site,) = result.graph.of_kind("aws.cloudfront.distribution")
    certificate = site.attributes["acm_certificate"]
    assert isinstance(certificate, Unknown)
    assert certificate.alternatives == (
        "arn:aws:acm:us-east-1:123456789012:certificate/abc", None)
    custom = site.attributes["custom_certificate"]
    assert isinstance(custom, Unknown) and custom.alternatives == (True, False)
    version = site.attributes["minimum_protocol_version"]
    assert isinstance(version, Unknown) and version.alternatives == ("TLSv1.2_2021", None)
    # TLS 1.2 with the certificate, the *.cloudfront.net certificate (TLS 1.0) without it
    statuses = {f.rule_id: f.status for f in result.report.findings}
    assert statuses["GOV-AWS-053"] == "unknown"
