"""Compliant and non-compliant resources created in moto with boto3."""

from __future__ import annotations

import json
from typing import Any

from tests.collect.conftest import ACCOUNT, REGION, client

__all__ = ["ACCOUNT", "REGION", "TAGS", "bad_bucket", "build", "good_bucket", "reset"]

TAGS = [{"Key": "owner", "Value": "team"}, {"Key": "cost-center", "Value": "42"}]
DATA_KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
ALL_BLOCKED = {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True,
               "RestrictPublicBuckets": True}


def reset(endpoint: str) -> None:
    import urllib.request

    request = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")
    with urllib.request.urlopen(request, timeout=10):
        pass


def good_bucket(s3: Any, name: str) -> str:
    """Encrypted with a customer managed key, logging its access into itself (the S3
    logging service may write there), TLS required, public access blocked, tagged."""
    s3.create_bucket(Bucket=name)
    s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": [
        {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms",
                                                "KMSMasterKeyID": DATA_KEY}}]})
    s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration=ALL_BLOCKED)
    allow_log_delivery(s3, name)
    s3.put_bucket_logging(Bucket=name, BucketLoggingStatus={"LoggingEnabled": {
        "TargetBucket": name, "TargetPrefix": "access/"}})
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": TAGS})
    return f"arn:aws:s3:::{name}"


def allow_log_delivery(s3: Any, name: str) -> None:
    """A bucket policy letting the S3 logging service deliver access logs to `name` and
    denying requests without TLS (GOV-AWS-162)."""
    s3.put_bucket_policy(Bucket=name, Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Sid": "S3ServerAccessLogs", "Effect": "Allow",
                       "Principal": {"Service": "logging.s3.amazonaws.com"},
                       "Action": ["s3:PutObject"], "Resource": f"arn:aws:s3:::{name}/*"},
                      {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*",
                       "Action": "s3:*",
                       "Resource": [f"arn:aws:s3:::{name}", f"arn:aws:s3:::{name}/*"],
                       "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}))


def bad_bucket(s3: Any, name: str) -> str:
    """No encryption configuration, no public access block, a public-read ACL, no access
    logging, no bucket policy (TLS not required), no tags."""
    s3.create_bucket(Bucket=name)
    s3.put_bucket_acl(Bucket=name, ACL="public-read")
    return f"arn:aws:s3:::{name}"


def ec2_in(endpoint: str, region: str) -> Any:
    return _in_region(endpoint, region)("ec2")


def group_arn(group_id: str) -> str:
    return f"arn:aws:ec2:{REGION}:{ACCOUNT}:security-group/{group_id}"


def settle_account_defaults(endpoint: str, regions: tuple[str, ...]) -> None:
    """Make compliant what every account has before anything is created (real AWS and
    moto alike), so that the findings of a scan are exactly those of the resources a test
    makes: EBS encryption by default, the default subnets (public IPs on launch, no tags),
    the password policy (AWS's default one is weak), the default network ACLs (AWS's entry
    100 lets all traffic in; no tags), the default security groups' egress rule (all
    traffic to the internet) and ingress rule (all traffic from the group itself,
GOV-AWS-195), the default VPCs (no flow log, no tags), the Glue Data
    Catalog encryption and Athena's `primary` workgroup (unencrypted results, untagged;
    moto cannot update it)."""
    client(endpoint, "iam").update_account_password_policy(
        MinimumPasswordLength=14, PasswordReusePrevention=24, MaxPasswordAge=90,
        RequireUppercaseCharacters=True, RequireLowercaseCharacters=True,
        RequireNumbers=True, RequireSymbols=True)
    for region in regions:
        ec2 = ec2_in(endpoint, region)
        ec2.enable_ebs_encryption_by_default()
        for subnet in ec2.describe_subnets()["Subnets"]:
            ec2.modify_subnet_attribute(SubnetId=subnet["SubnetId"],
                                        MapPublicIpOnLaunch={"Value": False})
            ec2.create_tags(Resources=[subnet["SubnetId"]], Tags=TAGS)
        close_default_network_acls(ec2)
        close_default_egress(ec2)
        close_default_ingress(ec2)
        log_default_vpcs(ec2)
        regional = _in_region(endpoint, region)
        regional("glue").put_data_catalog_encryption_settings(DataCatalogEncryptionSettings={
            "EncryptionAtRest": {"CatalogEncryptionMode": "SSE-KMS",
                                 "SseAwsKmsKeyId": "alias/catalog"},
            "ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": True,
                                             "AwsKmsKeyId": "alias/catalog"}})
        regional("athena").delete_work_group(WorkGroup="primary")


def close_default_network_acls(ec2: Any) -> None:
    """Remove the inbound allow-all entry 100 AWS gives a VPC's default network ACL, and
    tag the ACL."""
    for acl in ec2.describe_network_acls(Filters=[{"Name": "default",
                                                   "Values": ["true"]}])["NetworkAcls"]:
        ec2.create_tags(Resources=[acl["NetworkAclId"]], Tags=TAGS)
        if any(e["RuleNumber"] == 100 and not e["Egress"] for e in acl["Entries"]):
            ec2.delete_network_acl_entry(NetworkAclId=acl["NetworkAclId"], RuleNumber=100,
                                         Egress=False)


def close_default_egress(ec2: Any, *group_ids: str) -> None:
    """Remove the egress rule for all traffic to the internet that AWS gives every new
    security group (GOV-AWS-100) from `group_ids`, or from the default groups of every
    VPC when none is given."""
    filters = ([{"Name": "group-id", "Values": list(group_ids)}] if group_ids
               else [{"Name": "group-name", "Values": ["default"]}])
    for group in ec2.describe_security_groups(Filters=filters)["SecurityGroups"]:
        if group["IpPermissionsEgress"]:
            ec2.revoke_security_group_egress(GroupId=group["GroupId"],
                                             IpPermissions=group["IpPermissionsEgress"])


def close_default_ingress(ec2: Any) -> None:
    """Remove the ingress rule AWS gives the default group of every VPC (all traffic from
    the group itself), which GOV-AWS-195 fails."""
    filters = [{"Name": "group-name", "Values": ["default"]}]
    for group in ec2.describe_security_groups(Filters=filters)["SecurityGroups"]:
        if group["IpPermissions"]:
            ec2.revoke_security_group_ingress(GroupId=group["GroupId"],
                                              IpPermissions=group["IpPermissions"])


def log_default_vpcs(ec2: Any) -> None:
    """Tag the default VPCs and give each a flow log of rejected traffic (GOV-AWS-103)."""
    for vpc in ec2.describe_vpcs(Filters=[{"Name": "is-default",
                                           "Values": ["true"]}])["Vpcs"]:
        ec2.create_tags(Resources=[vpc["VpcId"]], Tags=TAGS)
        ec2.create_flow_logs(ResourceIds=[vpc["VpcId"]], ResourceType="VPC",
                             TrafficType="REJECT", LogGroupName="flow-logs",
                             DeliverLogsPermissionArn=f"arn:aws:iam::{ACCOUNT}:role/flow-logs")


def _in_region(endpoint: str, region: str) -> Any:
    import boto3

    return lambda service: boto3.client(service, region_name=region, endpoint_url=endpoint,
                                        aws_access_key_id="testing",
                                        aws_secret_access_key="testing")


def build(endpoint: str) -> dict[str, str]:
    """The resources by role: good_bucket, bad_bucket, good_sg, bad_sg, default_sg."""
    reset(endpoint)
    s3 = client(endpoint, "s3")
    ec2 = client(endpoint, "ec2")
    made = {"good_bucket": good_bucket(s3, "govern-good"),
            "bad_bucket": bad_bucket(s3, "govern-bad")}
    settle_account_defaults(endpoint, (REGION, "eu-west-1"))
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
    # every new group gets AWS's allow-all egress rule (GOV-AWS-100): removed below
    good = ec2.create_security_group(GroupName="good", Description="https inside", VpcId=vpc,
                                     TagSpecifications=[{"ResourceType": "security-group",
                                                         "Tags": TAGS}])["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=good, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
        "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
    bad = ec2.create_security_group(GroupName="bad", Description="ssh open",
                                    VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=bad, IpPermissions=[{
        "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
        "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    default = ec2.describe_security_groups(Filters=[
        {"Name": "group-name", "Values": ["default"]},
        {"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"][0]["GroupId"]
    close_default_egress(ec2, good, bad)
    made.update(good_sg=group_arn(good), bad_sg=group_arn(bad), default_sg=group_arn(default))
    return made
