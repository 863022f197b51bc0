"""IAM server certificates: `aws_iam_server_certificate`, its expiry read from
`certificate_body`."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping
from govern.adapters.x509 import expiration

MAPPINGS = {
    "aws_iam_server_certificate": KindMapping("aws.iam.server_certificate", (
        field("name"),
        field("expiration", "certificate_body", function=expiration),
    )),
}
