"""GOV-AWS-210 on a live account (moto): Glue security configurations read with
GetSecurityConfigurations, judged on their S3, CloudWatch and job bookmark encryption."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.live_scan import scan, statuses

KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/glue"
CONFIGURATIONS: dict[str, dict[str, Any]] = {
    "nothing": {},
    "s3_only": {"S3Encryption": [{"S3EncryptionMode": "SSE-S3"}]},
    "everything": {
        "S3Encryption": [{"S3EncryptionMode": "SSE-KMS", "KmsKeyArn": KEY}],
        "CloudWatchEncryption": {"CloudWatchEncryptionMode": "SSE-KMS", "KmsKeyArn": KEY},
        "JobBookmarksEncryption": {"JobBookmarksEncryptionMode": "CSE-KMS",
                                   "KmsKeyArn": KEY}},
}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    glue = client(moto_endpoint, "glue")
    out = {}
    for role, encryption in CONFIGURATIONS.items():
        name = f"live-{role.replace('_', '-')}"
        glue.create_security_configuration(Name=name, EncryptionConfiguration=encryption)
        out[role] = f"arn:aws:glue:{REGION}:{ACCOUNT}:securityConfiguration/{name}"
    return out


def test_security_configurations_need_all_three_encrypted(moto_endpoint: str,
                                                          made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule == "GOV-AWS-210"}
    assert found == {("GOV-AWS-210", "nothing", "fail"), ("GOV-AWS-210", "s3_only", "fail")}
