"""GOV-AWS-205 and GOV-AWS-206 on a live account (moto): SSM parameters read with
DescribeParameters (judged on the key of a SecureString) and the account's documents
with DescribeDocumentPermission (judged on public sharing)."""

from __future__ import annotations

import json

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.live_scan import scan, statuses

CONTENT = json.dumps({"schemaVersion": "2.2", "description": "uptime", "mainSteps": [
    {"action": "aws:runShellScript", "name": "uptime",
     "inputs": {"runCommand": ["uptime"]}}]})


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    ssm = client(moto_endpoint, "ssm")
    key = client(moto_endpoint, "kms").create_key(Description="parameters")["KeyMetadata"]
    out = {}
    for role, extra in (("plain_parameter", {"Type": "String"}),
                        ("default_key_parameter", {"Type": "SecureString"}),
                        ("cmk_parameter", {"Type": "SecureString", "KeyId": key["Arn"]})):
        name = f"/live/{role}"
        ssm.put_parameter(Name=name, Value="value", **extra)
        out[role] = f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/live/{role}"
    for role, accounts in (("private_document", []),
                           ("public_document", ["all"]),
                           ("shared_document", ["111122223333"])):
        name = f"live-{role.replace('_', '-')}"
        ssm.create_document(Name=name, Content=CONTENT, DocumentType="Command",
                            DocumentFormat="JSON")
        if accounts:
            ssm.modify_document_permission(Name=name, PermissionType="Share",
                                           AccountIdsToAdd=accounts)
        out[role] = f"arn:aws:ssm:{REGION}:{ACCOUNT}:document/{name}"
    return out


def test_parameters_and_documents(moto_endpoint: str, made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule in ("GOV-AWS-205", "GOV-AWS-206")}
    # a String parameter is not encrypted: nothing for GOV-AWS-205 to judge
    assert found == {("GOV-AWS-205", "default_key_parameter", "fail"),
                     ("GOV-AWS-206", "public_document", "fail")}
