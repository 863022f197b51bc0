"""AWS rules that no other live test names, run on resources made in moto: per rule, the
resources that must fail it (for the reason the rule states) and the ones that must not be
reported for it, from one `govern scan --aws`."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govern.adapters.iam_document import normalize_policy_document
from govern.cli import cli
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client

IAM = f"arn:aws:iam::{ACCOUNT}:"
VERSION = "2012-10-17"


def document(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": VERSION, "Statement": list(statements)})


def allow(action: str | list[str], resource: str | list[str]) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource}


def trust(principal: Any, **condition: Any) -> str:
    statement = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    if condition:
        statement["Condition"] = condition
    return document(statement)


TRUST_EC2 = trust({"Service": "ec2.amazonaws.com"})
FULL_S3 = document(allow("s3:*", "*"))
ONE_TABLE = document(allow(["dynamodb:GetItem", "dynamodb:Query"],
                           f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/orders"))
PASS_ANY = document(allow(["ec2:RunInstances", "iam:PassRole"], "*"))
PASS_ONE = document({**allow("iam:PassRole", f"{IAM}role/app"),
                     "Condition": {"StringEquals": {"iam:PassedToService":
                                                    "ec2.amazonaws.com"}}})
PUBLIC_KEY_POLICY = document({"Sid": "Anyone", "Effect": "Allow", "Principal": {"AWS": "*"},
                              "Action": "kms:*", "Resource": "*"})
CONDITIONED_KEY_POLICY = document({
    "Sid": "AnyoneOfTheAccount", "Effect": "Allow", "Principal": {"AWS": "*"},
    "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*",
    "Condition": {"StringEquals": {"kms:CallerAccount": ACCOUNT}}})


def bucket_policy(bucket: str, principal: Any) -> str:
    return document({"Effect": "Allow", "Principal": principal, "Action": "s3:GetObject",
                     "Resource": f"arn:aws:s3:::{bucket}/*"})


def _iam(endpoint: str) -> dict[str, str]:
    iam = client(endpoint, "iam")

    def policy(name: str, text: str) -> str:
        return str(iam.create_policy(PolicyName=name, PolicyDocument=text)["Policy"]["Arn"])

    def role(name: str, trust_policy: str, *attached: str) -> str:
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust_policy)
        for arn in attached:
            iam.attach_role_policy(RoleName=name, PolicyArn=arn)
        return f"{IAM}role/{name}"

    def user(name: str, inline: str) -> str:
        iam.create_user(UserName=name)
        iam.put_user_policy(UserName=name, PolicyName="deploy", PolicyDocument=inline)
        return f"{IAM}user/{name}"

    made = {"full_s3_policy": policy("full-s3", FULL_S3),
            "one_table_policy": policy("one-table", ONE_TABLE),
            "pass_any_policy": policy("pass-any", PASS_ANY),
            "pass_one_policy": policy("pass-one", PASS_ONE)}
    iam.create_group(GroupName="s3-admins")
    iam.put_group_policy(GroupName="s3-admins", PolicyName="s3", PolicyDocument=FULL_S3)
    made.update(
        s3_admins_group=f"{IAM}group/s3-admins",
        # full service access through an attached customer managed policy
        s3_role=role("s3-role", TRUST_EC2, made["full_s3_policy"]),
        # PassRole on * through an attached customer managed policy, and inline
        deployer_role=role("deployer", TRUST_EC2, made["pass_any_policy"]),
        passer_user=user("passer", PASS_ANY),
        scoped_passer_user=user("scoped-passer", PASS_ONE),
        app_role=role("app", TRUST_EC2, made["one_table_policy"], made["pass_one_policy"]),
        public_trust_role=role("public-trust", trust({"AWS": "*"})),
        # the partner's account restricts who; an external id alone does not
        partner_role=role("partner", trust({"AWS": "*"}, StringEquals={
            "aws:PrincipalAccount": "210987654321",
            "sts:ExternalId": "a-secret-shared-with-the-partner"})),
        external_id_role=role("external-id", trust({"AWS": "*"}, StringEquals={
            "sts:ExternalId": "a-secret-shared-with-the-partner"})),
        account_trust_role=role("account-trust", trust({"AWS": f"{IAM}root"})))
    return made


def _kms_and_trails(endpoint: str) -> dict[str, str]:
    kms = client(endpoint, "kms")
    public = kms.create_key(Description="public")["KeyMetadata"]
    kms.put_key_policy(KeyId=public["KeyId"], PolicyName="default", Policy=PUBLIC_KEY_POLICY)
    conditioned = kms.create_key(Description="conditioned",
                                 Policy=CONDITIONED_KEY_POLICY)["KeyMetadata"]
    default = kms.create_key(Description="default policy")["KeyMetadata"]
    client(endpoint, "s3").create_bucket(Bucket="govern-rules-trails")
    cloudtrail = client(endpoint, "cloudtrail")
    plain = cloudtrail.create_trail(Name="plain", S3BucketName="govern-rules-trails")
    sealed = cloudtrail.create_trail(Name="sealed", S3BucketName="govern-rules-trails",
                                     KmsKeyId=default["Arn"])
    return {"public_key": public["Arn"], "conditioned_key": conditioned["Arn"],
            "default_key": default["Arn"], "plain_trail": plain["TrailARN"],
            "sealed_trail": sealed["TrailARN"]}


def _buckets(endpoint: str) -> dict[str, str]:
    s3 = client(endpoint, "s3")
    made = {}
    for role, principal in (("public_policy_bucket", "*"),
                            ("restricted_public_bucket", {"AWS": "*"}),
                            ("account_policy_bucket", {"AWS": "arn:aws:iam::111122223333:root"})):
        name = "govern-rules-" + role.replace("_", "-")
        s3.create_bucket(Bucket=name)
        s3.put_bucket_policy(Bucket=name, Policy=bucket_policy(name, principal))
        made[role] = f"arn:aws:s3:::{name}"
    # a public policy confined by the bucket's public access block to the owner's account
    s3.put_public_access_block(Bucket="govern-rules-restricted-public-bucket",
                               PublicAccessBlockConfiguration={
                                   "BlockPublicAcls": False, "IgnorePublicAcls": False,
                                   "BlockPublicPolicy": False, "RestrictPublicBuckets": True})
    return made


def _security_groups(endpoint: str) -> dict[str, str]:
    ec2 = client(endpoint, "ec2")
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]

    def group(name: str, *permissions: dict[str, Any]) -> str:
        group_id = ec2.create_security_group(GroupName=name, Description=name,
                                             VpcId=vpc)["GroupId"]
        ec2.authorize_security_group_ingress(GroupId=group_id, IpPermissions=list(permissions))
        return world.group_arn(group_id)

    def outbound_https() -> str:
        """AWS's allow-all egress rule replaced by HTTPS and all traffic to 10.0.0.0/8."""
        group_id = ec2.create_security_group(GroupName="https-out", Description="https out",
                                             VpcId=vpc)["GroupId"]
        world.close_default_egress(ec2, group_id)
        ec2.authorize_security_group_egress(GroupId=group_id, IpPermissions=[
            tcp(443, 443, "0.0.0.0/0"),
            {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
        return world.group_arn(group_id)

    def tcp(low: int, high: int, cidr: str) -> dict[str, Any]:
        ranges = ({"Ipv6Ranges": [{"CidrIpv6": cidr}]} if ":" in cidr
                  else {"IpRanges": [{"CidrIp": cidr}]})
        return {"IpProtocol": "tcp", "FromPort": low, "ToPort": high, **ranges}

    return {"rdp_sg": group("rdp-open", tcp(3389, 3389, "0.0.0.0/0")),
            "all_traffic_sg": group("all-open", {"IpProtocol": "-1",
                                                 "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}),
            "every_port_sg": group("every-port-v6", tcp(0, 65535, "::/0")),
            "http_sg": group("http-open", tcp(80, 80, "0.0.0.0/0")),
            "closed_sg": group("closed", tcp(3389, 3389, "10.0.0.0/8"),
                               tcp(443, 443, "0.0.0.0/0"),
                               {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}),
            "https_out_sg": outbound_https()}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    return {**_iam(moto_endpoint), **_kms_and_trails(moto_endpoint),
            **_buckets(moto_endpoint), **_security_groups(moto_endpoint)}


@pytest.fixture(scope="module")
def scanned(moto_endpoint: str, made: dict[str, str],
            tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    """The JSON report and the saved inventory's resources by id, from one scan."""
    inventory = tmp_path_factory.mktemp("live") / "inventory.json"
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", moto_endpoint,
                                      "--format", "json", "--save-inventory", str(inventory)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code == 1, result.output
    doc: dict[str, Any] = json.loads(result.output)
    resources = {r["id"]: r for r in json.loads(inventory.read_text())["resources"]}
    return doc, resources


# rule -> (the resources that fail it, the ones of its kinds that must not be reported)
EXPECTED = {
    "GOV-AWS-019": ({"plain_trail"}, {"sealed_trail"}),
    "GOV-AWS-013": ({"public_trust_role", "external_id_role"},
                    {"partner_role", "account_trust_role", "app_role", "s3_role"}),
    "GOV-AWS-017": ({"full_s3_policy"},
                    {"one_table_policy", "pass_any_policy", "pass_one_policy"}),
    "GOV-AWS-018": ({"s3_admins_group", "s3_role"},
                    {"app_role", "deployer_role", "passer_user", "scoped_passer_user",
                     "public_trust_role"}),
    "GOV-AWS-067": ({"pass_any_policy"},
                    {"pass_one_policy", "full_s3_policy", "one_table_policy"}),
    "GOV-AWS-068": ({"deployer_role", "passer_user"},
                    {"app_role", "scoped_passer_user", "s3_admins_group", "s3_role",
                     "public_trust_role"}),
    "GOV-AWS-056": ({"public_key"}, {"conditioned_key", "default_key"}),
    "GOV-AWS-003": ({"public_policy_bucket"},
                    {"restricted_public_bucket", "account_policy_bucket"}),
    # all traffic includes 3389; TCP 0-65535 from ::/0 is every port too
    "GOV-AWS-006": ({"rdp_sg", "all_traffic_sg", "every_port_sg"}, {"closed_sg"}),
    "GOV-AWS-007": ({"all_traffic_sg", "every_port_sg"}, {"rdp_sg", "closed_sg"}),
    # HTTP (80): all traffic and every port include it; the closed group's 443 does not
    "GOV-AWS-075": ({"http_sg", "all_traffic_sg", "every_port_sg"}, {"rdp_sg", "closed_sg"}),
    # every new group keeps AWS's egress rule for all traffic to 0.0.0.0/0 unless removed
    "GOV-AWS-100": ({"rdp_sg", "all_traffic_sg", "every_port_sg", "http_sg", "closed_sg"},
                    {"https_out_sg"}),
}


@pytest.mark.parametrize("rule_id", sorted(EXPECTED))
def test_each_rule_fails_exactly_the_bad_resources(
        rule_id: str, made: dict[str, str],
        scanned: tuple[dict[str, Any], dict[str, Any]]) -> None:
    doc, _ = scanned
    bad, good = EXPECTED[rule_id]
    by_arn = {arn: role for role, arn in made.items()}
    reported = {(by_arn[f["resource"]["address"]], f["status"]) for f in doc["findings"]
                if f["rule_id"] == rule_id and f["resource"]["address"] in by_arn}
    assert reported == {(role, "fail") for role in bad}
    assert not {role for role, _ in reported} & good


def test_a_key_policy_is_read_and_normalized_as_in_a_template(
        made: dict[str, str], scanned: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _, resources = scanned
    public = resources[made["public_key"]]["attributes"]
    assert public["policy"] == normalize_policy_document(PUBLIC_KEY_POLICY)
    assert public["policy"]["Statement"][0]["Principal"] == {"AWS": ["*"]}
    # a key created without a policy has the default one: the account root only
    default = resources[made["default_key"]]["attributes"]["policy"]
    assert {json.dumps(s.get("Principal"), sort_keys=True) for s in default["Statement"]} \
        == {json.dumps({"AWS": [f"{IAM}root"]})}


def test_the_bad_resources_fail_for_the_reason_the_rules_state(
        made: dict[str, str], scanned: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """What separates each bad resource from its good counterpart, as read."""
    _, resources = scanned

    def attributes(role: str) -> dict[str, Any]:
        found: dict[str, Any] = resources[made[role]]["attributes"]
        return found

    assert "kms_key" not in attributes("plain_trail")
    assert attributes("sealed_trail")["kms_key"] == made["default_key"]
    assert attributes("public_trust_role")["trust_policy"]["Statement"][0] == {
        "Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"AWS": ["*"]}}
    assert "Condition" in attributes("partner_role")["trust_policy"]["Statement"][0]
    assert attributes("full_s3_policy")["document"]["Statement"][0]["Action"] == ["s3:*"]
    assert attributes("pass_any_policy")["document"]["Statement"][0]["Resource"] == ["*"]
    assert [p["source"] for p in attributes("s3_role")["policies"]] == ["managed"]
    assert [p["source"] for p in attributes("passer_user")["policies"]] == ["inline"]
    assert attributes("public_policy_bucket")["policy"]["Statement"][0]["Principal"] == "*"
    assert "public_access_block" not in attributes("public_policy_bucket")
    assert attributes("restricted_public_bucket")["public_access_block"][
        "restrict_public_buckets"] is True
    assert [(r["protocol"], r["from_port"], r["to_port"], r["cidr_blocks"])
            for r in attributes("all_traffic_sg")["ingress"]] == [
        ("-1", 0, 65535, ["0.0.0.0/0"])]
    assert [(r["protocol"], r["from_port"], r["cidr_blocks"])
            for r in attributes("rdp_sg")["ingress"]] == [("tcp", 3389, ["0.0.0.0/0"])]


def test_a_key_policy_that_cannot_be_read_is_unknown_not_a_pass() -> None:
    """GetKeyPolicy denied: whether the key has a public policy is unknown (maybe absent,
    as `policy` of values.py), and GOV-AWS-056 reports unknown, never a pass."""
    from types import SimpleNamespace

    from botocore.exceptions import ClientError

    from govern.collect.aws.reader import Reader
    from govern.collect.aws.regional import _kms_keys
    from govern.engine.evaluate import evaluate
    from govern.engine.rule import RuleSet
    from govern.engine.rule_loader import default_rules_dir, load_rules
    from govern.model.graph import ResourceGraph
    from govern.model.unknown import Unknown

    arn = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/k1"

    class FakeKms:
        meta = SimpleNamespace(service_model=SimpleNamespace(signing_name="kms"))

        def get_paginator(self, operation: str) -> Any:
            assert operation == "list_keys"
            return self

        def paginate(self, **_: Any) -> Any:
            return [{"Keys": [{"KeyId": "k1", "KeyArn": arn}]}]

        def describe_key(self, **_: Any) -> Any:
            return {"KeyMetadata": {"KeyManager": "CUSTOMER", "KeyState": "Enabled",
                                    "KeySpec": "SYMMETRIC_DEFAULT"}}

        def get_key_rotation_status(self, **_: Any) -> Any:
            return {"KeyRotationEnabled": True}

        def get_key_policy(self, **params: Any) -> Any:
            assert params == {"KeyId": "k1", "PolicyName": "default"}
            raise ClientError({"Error": {"Code": "AccessDeniedException", "Message": "no"}},
                              "GetKeyPolicy")

        def list_resource_tags(self, **_: Any) -> Any:
            return {"Tags": []}

    reader = Reader()
    (key,) = _kms_keys(FakeKms(), reader, ACCOUNT, REGION)
    denied = Unknown("access denied: GetKeyPolicy")
    assert key.attributes["policy"] == Unknown(denied.reason, alternatives=(denied, None))
    assert [n.hint for n in reader.notices()] == [
        "grant kms:GetKeyPolicy to the scanning role (docs/live-aws.md)"]
    rule = load_rules([default_rules_dir()]).get("GOV-AWS-056")
    assert rule is not None
    (finding,) = evaluate(ResourceGraph([key]), RuleSet((rule,)))
    assert (finding.resource_id, finding.status) == (arn, "unknown")
