"""AWS CloudFront: distributions, with their access logging."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, obj, objects, string

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
                       values=("allow-all", "https-only", "redirect-to-https")),
                string("target_origin_id", "The id of the origin or origin group the "
                       "behavior sends requests to (CloudFormation `TargetOriginId`).")),
        objects("origins", "Every origin (Terraform `origin` blocks, CloudFormation "
                "`DistributionConfig.Origins`, live `Origins.Items`), in order.",
                string("id", "The origin's id (Terraform `origin_id`, CloudFormation "
                       "`Id`)."),
                string("domain_name", "The origin's domain name (CloudFormation "
                       "`DomainName`)."),
                string("protocol_policy", "How CloudFront connects to the origin: a "
                       "custom origin's `custom_origin_config.origin_protocol_policy` "
                       "(CloudFormation `CustomOriginConfig.OriginProtocolPolicy`); "
                       "`match-viewer` for an S3 origin (no custom or VPC origin "
                       "configuration: CloudFront uses the viewer's protocol); absent for a "
                       "VPC origin (its policy is set on the VPC origin).",
                       values=("http-only", "https-only", "match-viewer")),
                boolean("plain_http", "Whether CloudFront can send the origin requests over "
                        "plain HTTP: always with `http-only`, never with `https-only`, and "
                        "with `match-viewer` when a cache behavior targeting the origin "
                        "(directly or through an origin group holding it: Terraform "
                        "`origin_group`, CloudFormation `OriginGroups`) has "
                        "`viewer_protocol_policy` `allow-all`. Unknown when a deciding "
                        "value is not known, and for a VPC origin.")),
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
               "protocols cannot be chosen).", default="TLSv1"),
        obj("logging", "Standard (legacy) access logging to S3: Terraform's "
            "`logging_config` block, CloudFormation `DistributionConfig.Logging`, live "
            "GetDistributionConfig `Logging` when `Enabled`; absent when not configured.",
            boolean("enabled", "True whenever the block is written (Unknown when the block "
                    "is)."),
            string("bucket", "The S3 bucket receiving the logs, as "
                   "`<name>.s3.amazonaws.com` (Terraform `bucket`, CloudFormation "
                   "`Bucket`)."),
            string("prefix", "The prefix of the log objects (Terraform `prefix`, "
                   "CloudFormation `Prefix`).")),
        boolean("access_log_delivery", "True when a CloudWatch Logs delivery source of type "
                "`ACCESS_LOGS` names the distribution (standard logging v2): Terraform an "
                "`aws_cloudwatch_log_delivery_source` whose `resource_arn` refers to it, "
                "CloudFormation an `AWS::Logs::DeliverySource` whose `ResourceArn` refers to "
                "it, live DescribeDeliverySources (in the home region); absent otherwise.")),
)
