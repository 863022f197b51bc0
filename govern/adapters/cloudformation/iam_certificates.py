"""IAM server certificates: `AWS::IAM::ServerCertificate`, its expiry read from
`CertificateBody`."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.x509 import expiration

MAPPINGS = {
    "AWS::IAM::ServerCertificate": KindMapping("aws.iam.server_certificate", (
        field("name", "ServerCertificateName"),
        field("expiration", "CertificateBody", function=expiration),
    )),
}
