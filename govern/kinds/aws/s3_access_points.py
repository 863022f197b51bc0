"""AWS S3 access points (of general purpose buckets): their own policy, public access block
and network origin.

Not taggable here: S3 tags access points since 2025 (CloudFormation `Tags`, s3control
TagResource), but the AWS provider's `aws_s3_access_point` (5.x) has no `tags` argument, so
a tagging rule could never be met in Terraform.
"""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, obj, policy, string

_FLAG_DEFAULT = ("; true when not written: CreateAccessPoint enables all four flags when "
                 "no configuration is given, and Terraform's block defaults each flag to "
                 "true. A flag left out of a written CloudFormation "
                 "`PublicAccessBlockConfiguration` is Unknown (what S3 makes of it is not "
                 "documented).")

KINDS = (
    aws("aws.s3.access_point", "S3 access point of a bucket, with its policy (an "
        "`aws_s3control_access_point_policy` folded in), public access block and network "
        "origin",
        string("name", "The access point's name: Terraform `name`, CloudFormation `Name` "
               "(absent when CloudFormation generates it), live `Name`."),
        string("bucket", "The bucket it serves: Terraform `bucket`, CloudFormation "
               "`Bucket`, live `Bucket`."),
        policy("policy", "The access point policy, normalized: Terraform `policy` (on the "
               "access point, or an `aws_s3control_access_point_policy` naming it by "
               "`access_point_arn`), CloudFormation `Policy`, live GetAccessPointPolicy; "
               "absent: no access point policy."),
        obj("public_access_block", "The access point's own public access block: Terraform "
            "`public_access_block_configuration`, CloudFormation "
            "`PublicAccessBlockConfiguration`, live GetAccessPoint "
            "`PublicAccessBlockConfiguration`. Set at creation and never changed (AWS has "
            "no call to change it). Always present: every flag is true when the "
            "configuration is not written.",
            boolean("block_public_acls", "Reject requests that set public ACLs through the "
                    "access point" + _FLAG_DEFAULT, default=True),
            boolean("block_public_policy", "Reject an access point policy that grants "
                    "public access (PutAccessPointPolicy fails)" + _FLAG_DEFAULT,
                    default=True),
            boolean("ignore_public_acls", "Ignore public ACLs for requests through the "
                    "access point" + _FLAG_DEFAULT, default=True),
            boolean("restrict_public_buckets", "Only AWS services and the owner account "
                    "may use the access point when its policy is public" + _FLAG_DEFAULT,
                    default=True)),
        string("network_origin", "Where requests may come from: `VPC` when a VPC "
               "configuration is given (Terraform `vpc_configuration`, CloudFormation "
               "`VpcConfiguration`; only requests from that VPC are accepted, so S3 never "
               "counts the access point as public), else `Internet`. Live: GetAccessPoint "
               "`NetworkOrigin`.", values=("Internet", "VPC"), default="Internet"),
        formats=("terraform", "cloudformation", "tfplan", "aws-live"), taggable=False),
)
