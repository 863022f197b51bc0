"""AWS Redshift Serverless: workgroups."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.redshiftserverless.workgroup", "Redshift Serverless workgroup",
        string("name", "The workgroup's name: Terraform `workgroup_name`, CloudFormation "
               "`WorkgroupName`, live `workgroupName`."),
        boolean("publicly_accessible", "Whether the workgroup can be reached from a public "
                "network: Terraform `publicly_accessible`, CloudFormation "
                "`PubliclyAccessible`, live `publiclyAccessible`. False when not written: "
                "AWS's default, as CloudFormation's resource schema states (the AWS "
                "provider has no default of its own and sends nothing).",
                default=False)),
)
