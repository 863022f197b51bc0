"""AWS Systems Manager (SSM): Parameter Store parameters and documents. CloudFormation
cannot create a `SecureString` parameter nor share a document, so these kinds come from
Terraform, plans and live accounts only."""

from __future__ import annotations

from govern.kinds.declare import aws, string, strings

_FORMATS = ("terraform", "tfplan", "aws-live")

KINDS = (
    aws("aws.ssm.parameter", "SSM Parameter Store parameter",
        string("name", "The parameter's name: Terraform `name`, live `Name`."),
        string("type", "The parameter's type: Terraform `type` (required), live `Type`.",
               values=("String", "StringList", "SecureString")),
        string("kms_key", "The KMS key encrypting a `SecureString` value: Terraform "
               "`key_id`, live `KeyId`; the AWS managed key `alias/aws/ssm` when not "
               "written.", default="alias/aws/ssm"),
        formats=_FORMATS),
    aws("aws.ssm.document", "SSM document",
        string("name", "The document's name: Terraform `name`, live `Name`."),
        strings("shared_with", "The accounts the document is shared with: Terraform "
                "`permissions.account_ids` (a comma-separated list, with `permissions.type` "
                "`Share`), live DescribeDocumentPermission `AccountIds` (type `Share`); "
                "`All` (written in any case) for every AWS account, a public document. "
                "Empty when not written: shared with no one.", default=[]),
        formats=_FORMATS),
)
