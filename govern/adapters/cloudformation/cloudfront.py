"""CloudFront: `AWS::CloudFront::Distribution`, as in the Terraform adapter
(`DistributionConfig.DefaultCacheBehavior` then `CacheBehaviors` as `cache_behaviors`;
`custom_certificate` from `ViewerCertificate.AcmCertificateArn` / `IamCertificateId`;
`MinimumProtocolVersion` defaults to `TLSv1` with a custom certificate)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.terraform.cloudfront import finish_certificate, set_behaviors
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

_CONFIG = "DistributionConfig."


def _finish(resource: Resource, native: NativeResource) -> None:
    set_behaviors(resource, native, ("DistributionConfig", "DefaultCacheBehavior"),
                  ("DistributionConfig", "CacheBehaviors"),
                  {"path_pattern": "PathPattern",
                   "viewer_protocol_policy": "ViewerProtocolPolicy"})
    finish_certificate(resource, native, ("DistributionConfig", "ViewerCertificate"))


MAPPINGS = {
    "AWS::CloudFront::Distribution": KindMapping("aws.cloudfront.distribution", (
        field("acm_certificate", _CONFIG + "ViewerCertificate.AcmCertificateArn"),
        field("iam_certificate", _CONFIG + "ViewerCertificate.IamCertificateId"),
        field("minimum_protocol_version", _CONFIG + "ViewerCertificate.MinimumProtocolVersion"),
    ), _finish),
}
