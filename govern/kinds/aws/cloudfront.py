"""AWS CloudFront: distributions."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, objects, string

KINDS = (
    aws("aws.cloudfront.distribution", "CloudFront distribution, with its cache behaviors "
        "and viewer certificate",
        objects("cache_behaviors", "Every cache behavior: the default one first (Terraform "
                "`default_cache_behavior`, CloudFormation `DistributionConfig"
                ".DefaultCacheBehavior`), without `path_pattern`, then the ordered ones "
                "(Terraform `ordered_cache_behavior`, CloudFormation `CacheBehaviors`) in "
                "order; each entry has the keys that are set.",
                string("path_pattern", "The request paths the behavior applies to "
                       "(CloudFormation `PathPattern`); absent on the default behavior."),
                string("viewer_protocol_policy", "Which protocols viewers may use "
                       "(CloudFormation `ViewerProtocolPolicy`): `allow-all` admits plain "
                       "HTTP.",
                       values=("allow-all", "https-only", "redirect-to-https"))),
        string("acm_certificate", "The ACM certificate's ARN of the viewer certificate: "
               "Terraform `viewer_certificate.acm_certificate_arn`, CloudFormation "
               "`ViewerCertificate.AcmCertificateArn`; absent when not written."),
        string("iam_certificate", "The IAM server certificate's id of the viewer "
               "certificate: Terraform `viewer_certificate.iam_certificate_id`, "
               "CloudFormation `ViewerCertificate.IamCertificateId`; absent when not "
               "written."),
        boolean("custom_certificate", "True when an ACM or IAM certificate is written (a "
                "value known only after apply counts); false: the `*.cloudfront.net` "
                "certificate, which always accepts TLS 1.0."),
        string("minimum_protocol_version", "The oldest TLS security policy viewers may use, "
               "e.g. `TLSv1`, `TLSv1.2_2021`: `viewer_certificate.minimum_protocol_version`, "
               "CloudFormation `ViewerCertificate.MinimumProtocolVersion`. When not written, "
               "`TLSv1` with a custom certificate (CloudFront's default) and absent "
               "otherwise (live: always absent with the CloudFront certificate, whose "
               "protocols cannot be chosen).", default="TLSv1")),
)
