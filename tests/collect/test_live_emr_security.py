"""GOV-AWS-207, GOV-AWS-208, GOV-AWS-209 and GOV-AWS-211 on a live account (moto, with
ListSecurityConfigurations answered by tests/collect/emr_api.py): EMR security
configurations read with DescribeSecurityConfiguration, judged on their encryption."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.emr_api import SecurityConfigurations
from tests.collect.live_scan import scan, statuses

S3 = {"EncryptionMode": "SSE-S3"}
DISK = {"EncryptionKeyProviderType": "AwsKms",
        "AwsKmsKey": f"arn:aws:kms:{REGION}:{ACCOUNT}:key/emr"}
TLS = {"TLSCertificateConfiguration": {"CertificateProviderType": "PEM",
                                       "S3Object": "s3://certs/emr.zip"}}
CONFIGURATIONS: dict[str, dict[str, Any]] = {
    "nothing": {},
    "at_rest_s3_only": {"EnableAtRestEncryption": True, "EnableInTransitEncryption": False,
                        "AtRestEncryptionConfiguration": {"S3EncryptionConfiguration": S3}},
    "local_disk_without_ebs": {"EnableAtRestEncryption": True,
                               "EnableInTransitEncryption": True,
                               "AtRestEncryptionConfiguration": {
                                   "LocalDiskEncryptionConfiguration": DISK},
                               "InTransitEncryptionConfiguration": TLS},
    "everything": {"EnableAtRestEncryption": True, "EnableInTransitEncryption": True,
                   "AtRestEncryptionConfiguration": {
                       "S3EncryptionConfiguration": S3,
                       "LocalDiskEncryptionConfiguration": {**DISK,
                                                            "EnableEbsEncryption": True}},
                   "InTransitEncryptionConfiguration": TLS},
}


@pytest.fixture(scope="module")
def made(moto_endpoint: str, _emr_api: SecurityConfigurations) -> Iterator[dict[str, str]]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    emr = client(moto_endpoint, "emr")
    out = {}
    for role, encryption in CONFIGURATIONS.items():
        name = f"live-{role.replace('_', '-')}"
        emr.create_security_configuration(
            Name=name, SecurityConfiguration=json.dumps(
                {"EncryptionConfiguration": encryption} if encryption else {}))
        _emr_api.names.append(name)
        out[role] = (f"arn:aws:elasticmapreduce:{REGION}:{ACCOUNT}:"
                     f"security-configuration/{name}")
    yield out
    _emr_api.names.clear()


def test_security_configurations_need_encryption(moto_endpoint: str,
                                                 made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule in ("GOV-AWS-207", "GOV-AWS-208", "GOV-AWS-209", "GOV-AWS-211")}
    assert found == {("GOV-AWS-207", "nothing", "fail"),
                     ("GOV-AWS-208", "nothing", "fail"),
                     ("GOV-AWS-208", "at_rest_s3_only", "fail"),
                     ("GOV-AWS-209", "nothing", "fail"),
                     ("GOV-AWS-209", "at_rest_s3_only", "fail"),
                     ("GOV-AWS-211", "nothing", "fail"),
                     ("GOV-AWS-211", "at_rest_s3_only", "fail"),
                     ("GOV-AWS-211", "local_disk_without_ebs", "fail")}
