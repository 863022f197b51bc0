"""Account-level settings: EBS encryption by default (per region) as
`aws.ec2.ebs_encryption_by_default`, and the account's S3 public access block (s3control,
global) as `aws.s3.account_public_access_block`, with the attributes the Terraform adapter
writes for `aws_ebs_encryption_by_default` and `aws_s3_account_public_access_block`."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.reader import IAM_ACTIONS, Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.s3 import PUBLIC_ACCESS_BLOCK_FLAGS
from govern.model.resource import Resource

EBS_KIND = "aws.ec2.ebs_encryption_by_default"
EBS_NATIVE_TYPE = "AWS::EC2::EBSEncryptionByDefault"  # no such CloudFormation type: a label
S3_KIND = "aws.s3.account_public_access_block"
S3_NATIVE_TYPE = "AWS::S3::AccountPublicAccessBlock"  # no such CloudFormation type: a label


def ebs_encryption_by_default_arn(account: str, region: str) -> str:
    return f"arn:aws:ec2:{region}:{account}:ebs-encryption-by-default"


def account_public_access_block_arn(account: str) -> str:
    return f"arn:aws:s3::{account}:account-public-access-block"


def collect_ebs_encryption_by_default(ec2: Any, reader: Reader, account: str,
                                      region: str) -> Resource:
    """`enabled` (Unknown when the call fails). The default KMS key
    (GetEbsDefaultKmsKeyId) is not read: no adapter maps `aws_ebs_default_kms_key`, so no
    rule could read it on templates and live alike (and moto does not implement it)."""
    arn = ebs_encryption_by_default_arn(account, region)
    setting = live_resource(arn, EBS_KIND, EBS_NATIVE_TYPE, account, region)
    answer = reader.call(ec2, "GetEbsEncryptionByDefault", arn)
    if isinstance(answer, Failed):
        setting.set("enabled", answer.unknown)
    else:
        setting.set("enabled", bool((answer or {}).get("EbsEncryptionByDefault", False)))
    return setting


def without_account_host_prefix(s3control: Any, account: str) -> Any:
    """`s3control` sending to its endpoint URL as given when that is not AWS's (an
    emulator such as moto has no `<account>.` host): botocore's endpoint rules prepend the
    account id to the host whatever `inject_host_prefix` says, so a `before-sign` hook
    removes it again. Against AWS the client is left as it is."""
    endpoint = str(getattr(s3control.meta, "endpoint_url", "") or "")
    if endpoint.startswith("https://") and ".amazonaws.com" in endpoint:
        return s3control
    prefix = f"//{account}."

    def strip(request: Any, **_: Any) -> None:
        if prefix in request.url:
            request.url = request.url.replace(prefix, "//", 1)

    s3control.meta.events.register("before-sign.s3-control.*", strip)
    return s3control


def collect_account_public_access_block(s3control: Any, reader: Reader,
                                        account: str) -> Resource | None:
    """None when the account has no public access block (as a configuration without an
    `aws_s3_account_public_access_block`); flags Unknown when the call fails."""
    arn = account_public_access_block_arn(account)
    answer = reader.call(_AccountBlock(s3control), "GetAccountPublicAccessBlock", arn,
                         frozenset({"NoSuchPublicAccessBlockConfiguration"}),
                         AccountId=account)
    if answer is None:
        return None
    block = live_resource(arn, S3_KIND, S3_NATIVE_TYPE, account, "global")
    if isinstance(answer, Failed):
        for canonical in PUBLIC_ACCESS_BLOCK_FLAGS.values():
            block.set(canonical, answer.unknown)
        return block
    config = answer.get("PublicAccessBlockConfiguration", {})
    for native, canonical in PUBLIC_ACCESS_BLOCK_FLAGS.items():
        block.set(canonical, bool(config.get(native, False)))
    return block


class _AccountBlock:
    """s3control's GetPublicAccessBlock under its IAM action's name, so that its failures
    are reported apart from the bucket-level GetPublicAccessBlock of s3."""

    def __init__(self, s3control: Any) -> None:
        self._s3control = s3control

    def get_account_public_access_block(self, **params: Any) -> Any:
        return self._s3control.get_public_access_block(**params)


def collect_account(client: Any, reader: Reader, account: str, home: str,
                    regions: list[str]) -> list[Resource]:
    """`client(service, region)` makes a client. The account's S3 public access block
    (read once, from `home`) and each region's EBS encryption-by-default setting."""
    found: list[Resource] = []
    block = collect_account_public_access_block(
        without_account_host_prefix(client("s3control", home), account), reader, account)
    if block is not None:
        found.append(block)
    for region in regions:
        found.append(collect_ebs_encryption_by_default(client("ec2", region), reader,
                                                       account, region))
    return found


# the IAM actions for the hints of failed calls (reader.IAM_ACTIONS lists the others)
IAM_ACTIONS.update({"GetEbsEncryptionByDefault": "ec2:GetEbsEncryptionByDefault",
                    "GetAccountPublicAccessBlock": "s3:GetAccountPublicAccessBlock"})
