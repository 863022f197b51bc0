"""IAM server certificates: TLS certificates uploaded to IAM for load balancers and
CloudFront."""

from __future__ import annotations

from govern.kinds.declare import aws, string

KINDS = (
    aws("aws.iam.server_certificate", "IAM server certificate",
        string("name", "The certificate's name: Terraform `name` (absent with "
               "`name_prefix`), CloudFormation `ServerCertificateName` (absent when "
               "generated); live, `ServerCertificateName`."),
        string("expiration", "When the certificate expires, in UTC, as "
               "`YYYY-MM-DDTHH:MM:SSZ`: the X.509 `notAfter` of Terraform "
               "`certificate_body` / CloudFormation `CertificateBody` (the first "
               "certificate of the PEM text); live, ListServerCertificates' `Expiration`. "
               "Unknown when the body is not known statically or holds no certificate "
               "govern can read.")),
)
