"""GOV-AWS-154 (Lambda permission for an AWS service without a source ARN or account) on
the statements of a function's resource policy read live from moto
(govern/collect/aws/edge_lambda.py): `aws:SourceArn` and `aws:SourceAccount` conditions."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.live_scan import read, scan, statuses

RULE = "GOV-AWS-154"
FUNCTION = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:worker"
GRANTS: tuple[dict[str, str], ...] = (
    {"StatementId": "sns", "Principal": "sns.amazonaws.com"},
    {"StatementId": "topic", "Principal": "sns.amazonaws.com",
     "SourceArn": f"arn:aws:sns:{REGION}:{ACCOUNT}:orders"},
    {"StatementId": "bucket", "Principal": "s3.amazonaws.com", "SourceAccount": ACCOUNT},
    {"StatementId": "partner", "Principal": "111122223333"})


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    role = client(moto_endpoint, "iam").create_role(
        RoleName="worker", AssumeRolePolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": []}))["Role"]["Arn"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return 1\n")
    lam = client(moto_endpoint, "lambda")
    lam.create_function(FunctionName="worker", Runtime="python3.11", Role=role,
                        Handler="index.handler", Code={"ZipFile": code.getvalue()})
    for grant in GRANTS:
        lam.add_permission(FunctionName="worker", Action="lambda:InvokeFunction", **grant)
    return {grant["StatementId"]: f"{FUNCTION}/permission/{grant['StatementId']}"
            for grant in GRANTS}


def test_a_service_permission_without_a_source_fails(moto_endpoint: str,
                                                     made: dict[str, str]) -> None:
    found = {(role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule == RULE}
    assert found == {("sns", "fail")}  # the others pass: no finding


def test_the_sources_are_read_from_the_conditions(moto_endpoint: str,
                                                  made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    assert resources[made["bucket"]].attributes["source_account"] == ACCOUNT
    assert resources[made["topic"]].attributes["source_arn"] == GRANTS[1]["SourceArn"]
    assert "source_arn" not in resources[made["sns"]].attributes
