"""Edge services read from moto: subnets, EKS clusters, ECR repositories, Lambda function
URLs and permissions, ELBv2 listeners, API Gateway methods and domain names, CloudFront
distributions (global); access denied makes their values unknown."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.collector import collect
from govern.collect.aws.edge_lambda import lambda_access
from govern.collect.aws.options import AwsOptions
from govern.collect.aws.reader import Reader
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls

TAGS = world.TAGS
TAG_MAP = {t["Key"]: t["Value"] for t in TAGS}
FUNCTIONS = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function"
LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
KMS_KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
# the operations edge.py calls (other collectors' notices are not this test's business)
EDGE_OPERATIONS = ("DescribeSubnets", "ListClusters", "DescribeCluster", "DescribeRepositories",
                   "GetRepositoryPolicy", "ListTagsForResource", "ListFunctions",
                   "ListFunctionUrlConfigs", "GetFunctionUrlConfig", "GetPolicy",
                   "GetFunctionCodeSigningConfig",
                   "DescribeLoadBalancers", "DescribeListeners", "GetRestApis", "GetResources",
                   "GetMethod", "GetDomainNames", "ListDistributions",
                   "DescribeLoadBalancerAttributes", "DescribeTags", "GetDistributionConfig",
                   "DescribeDeliverySources")


def _subnets(ec2: Any) -> dict[str, str]:
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    spec = [{"ResourceType": "subnet", "Tags": TAGS}]
    private = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24",
                                TagSpecifications=spec)["Subnet"]
    public = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.2.0/24")["Subnet"]
    ec2.modify_subnet_attribute(SubnetId=public["SubnetId"],
                                MapPublicIpOnLaunch={"Value": True})
    return {"private_subnet": private["SubnetArn"], "public_subnet": public["SubnetArn"]}


def _clusters(eks: Any) -> dict[str, str]:
    role = f"arn:aws:iam::{ACCOUNT}:role/eks"
    sealed = eks.create_cluster(
        name="sealed", roleArn=role, tags=TAG_MAP,
        resourcesVpcConfig={"subnetIds": ["subnet-1"], "endpointPublicAccess": False,
                            "endpointPrivateAccess": True},
        logging={"clusterLogging": [{"types": LOG_TYPES, "enabled": True}]},
        encryptionConfig=[{"resources": ["secrets"], "provider": {"keyArn": KMS_KEY}}])
    open_ = eks.create_cluster(name="open", roleArn=role,
                               resourcesVpcConfig={"subnetIds": ["subnet-1"]})
    # public to one range only (GOV-AWS-101 passes); two log types off (GOV-AWS-102)
    office = eks.create_cluster(
        name="office", roleArn=role, tags=TAG_MAP,
        resourcesVpcConfig={"subnetIds": ["subnet-1"], "publicAccessCidrs": ["203.0.113.0/24"]},
        logging={"clusterLogging": [{"types": LOG_TYPES[:3], "enabled": True},
                                    {"types": LOG_TYPES[3:], "enabled": False}]},
        encryptionConfig=[{"resources": ["secrets"], "provider": {"keyArn": KMS_KEY}}])
    return {"sealed_cluster": sealed["cluster"]["arn"], "open_cluster": open_["cluster"]["arn"],
            "office_cluster": office["cluster"]["arn"]}


def _policy(condition: dict[str, Any] | None) -> str:
    statement: dict[str, Any] = {"Sid": "pull", "Effect": "Allow", "Principal": "*",
                                 "Action": ["ecr:BatchGetImage"]}
    if condition:
        statement["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


def _repositories(ecr: Any) -> dict[str, str]:
    private = ecr.create_repository(repositoryName="private", tags=TAGS,
                                    encryptionConfiguration={"encryptionType": "KMS"},
                                    imageTagMutability="IMMUTABLE")["repository"]
    ecr.set_repository_policy(repositoryName="private", policyText=_policy(
        {"StringEquals": {"aws:PrincipalOrgID": "o-abc123def4"}}))
    public = ecr.create_repository(repositoryName="public")["repository"]
    ecr.set_repository_policy(repositoryName="public", policyText=_policy(None))
    return {"private_repo": private["repositoryArn"], "public_repo": public["repositoryArn"]}


def _functions(endpoint: str) -> dict[str, str]:
    role = client(endpoint, "iam").create_role(
        RoleName="lambda", AssumeRolePolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": []}))["Role"]["Arn"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return 1\n")
    lam = client(endpoint, "lambda")
    for name, auth in (("hook", "NONE"), ("signed", "AWS_IAM")):
        lam.create_function(FunctionName=name, Runtime="python3.11", Role=role,
                            Handler="index.handler", Code={"ZipFile": code.getvalue()})
        lam.create_function_url_config(FunctionName=name, AuthType=auth)
    grants: list[dict[str, str]] = [
        {"StatementId": "anyone", "Principal": "*"},
        {"StatementId": "bucket", "Principal": "s3.amazonaws.com",
         "SourceArn": "arn:aws:s3:::uploads", "SourceAccount": ACCOUNT},
        {"StatementId": "org", "Principal": "*", "PrincipalOrgID": "o-abc123def4"},
        {"StatementId": "partner", "Principal": "111122223333"}]
    for grant in grants:
        lam.add_permission(FunctionName="hook", Action="lambda:InvokeFunction", **grant)
    return {"public_url": f"{FUNCTIONS}:hook/url", "signed_url": f"{FUNCTIONS}:signed/url",
            **{f"{grant['StatementId']}_permission":
               f"{FUNCTIONS}:hook/permission/{grant['StatementId']}" for grant in grants}}


def _listeners(endpoint: str, ec2: Any, certificate: str) -> dict[str, str]:
    elbv2 = client(endpoint, "elbv2")
    subnets = [s["SubnetId"] for s in ec2.describe_subnets(Filters=[
        {"Name": "default-for-az", "Values": ["true"]}])["Subnets"]][:2]
    balancer = elbv2.create_load_balancer(Name="web", Subnets=subnets)["LoadBalancers"][0]
    group = elbv2.create_target_group(Name="web", Protocol="HTTP", Port=80,
                                      VpcId=balancer["VpcId"])["TargetGroups"][0]
    forward = [{"Type": "forward", "TargetGroupArn": group["TargetGroupArn"]}]
    redirect = [{"Type": "redirect", "RedirectConfig": {
        "Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}]
    tls = {"Certificates": [{"CertificateArn": certificate}]}
    specs = {"http_listener": dict(Protocol="HTTP", Port=80, DefaultActions=forward),
             "redirect_listener": dict(Protocol="HTTP", Port=8080, DefaultActions=redirect),
             "old_tls_listener": dict(Protocol="HTTPS", Port=443, DefaultActions=forward,
                                      SslPolicy="ELBSecurityPolicy-2016-08", **tls),
             "tls12_listener": dict(Protocol="HTTPS", Port=8443, DefaultActions=forward,
                                    SslPolicy="ELBSecurityPolicy-TLS13-1-2-2021-06", **tls)}
    return {role: elbv2.create_listener(LoadBalancerArn=balancer["LoadBalancerArn"],
                                        **spec)["Listeners"][0]["ListenerArn"]
            for role, spec in specs.items()}


def _api(apigateway: Any, certificate: str) -> dict[str, str]:
    api = apigateway.create_rest_api(name="pets")["id"]
    root = apigateway.get_resources(restApiId=api)["items"][0]["id"]
    pets = apigateway.create_resource(restApiId=api, parentId=root, pathPart="pets")["id"]
    methods = {"open_method": ("GET", "NONE", False), "iam_method": ("POST", "AWS_IAM", False),
               "keyed_method": ("PUT", "NONE", True), "cors_method": ("OPTIONS", "NONE", False)}
    made = {}
    for role, (verb, authorization, key) in methods.items():
        apigateway.put_method(restApiId=api, resourceId=pets, httpMethod=verb,
                              authorizationType=authorization, apiKeyRequired=key)
        made[role] = (f"arn:aws:apigateway:{REGION}::/restapis/{api}/resources/{pets}"
                      f"/methods/{verb}")
    for role, name, policy, tags in (("old_domain", "old.example.com", "TLS_1_0", {}),
                                     ("tls12_domain", "api.example.com", "TLS_1_2", TAG_MAP)):
        apigateway.create_domain_name(domainName=name, securityPolicy=policy, tags=tags,
                                      certificateArn=certificate)
        made[role] = f"arn:aws:apigateway:{REGION}::/domainnames/{name}"
    return made


def _distribution(cloudfront: Any, reference: str, policy: str, version: str,
                  certificate: str, tags: list[dict[str, str]]) -> str:
    cache = {"TargetOriginId": "site", "MinTTL": 0, "ForwardedValues": {
        "QueryString": False, "Cookies": {"Forward": "none"}}}
    config = {
        "CallerReference": reference, "Comment": "", "Enabled": True,
        "Origins": {"Quantity": 1, "Items": [{"Id": "site", "DomainName":
                                              "site.s3.amazonaws.com", "S3OriginConfig":
                                              {"OriginAccessIdentity": ""}}]},
        "DefaultCacheBehavior": dict(cache, ViewerProtocolPolicy=policy),
        "CacheBehaviors": {"Quantity": 1, "Items": [
            dict(cache, PathPattern="/api/*", ViewerProtocolPolicy="https-only")]},
        "ViewerCertificate": {"ACMCertificateArn": certificate, "SSLSupportMethod": "sni-only",
                              "MinimumProtocolVersion": version}}
    if tags:  # the strict one logs its viewers' requests (GOV-AWS-159)
        config["Logging"] = {"Enabled": True, "IncludeCookies": False,
                             "Bucket": "cdn-logs.s3.amazonaws.com", "Prefix": reference}
    made = cloudfront.create_distribution_with_tags(DistributionConfigWithTags={
        "DistributionConfig": config, "Tags": {"Items": tags}})
    return str(made["Distribution"]["ARN"])


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    ec2 = client(moto_endpoint, "ec2")
    certificate = client(moto_endpoint, "acm").request_certificate(
        DomainName="example.com")["CertificateArn"]
    cloudfront = client(moto_endpoint, "cloudfront")
    return {**_subnets(ec2), **_clusters(client(moto_endpoint, "eks")),
            **_repositories(client(moto_endpoint, "ecr")), **_functions(moto_endpoint),
            **_listeners(moto_endpoint, ec2, certificate),
            **_api(client(moto_endpoint, "apigateway"), certificate),
            "plain_distribution": _distribution(cloudfront, "plain", "allow-all",
                                                "TLSv1.1_2016", certificate, []),
            "strict_distribution": _distribution(cloudfront, "strict", "redirect-to-https",
                                                 "TLSv1.2_2021", certificate, TAGS)}


def scan(endpoint: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--region", REGION, "--format", "json",
                                      "--allow-partial"])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, Any]] = json.loads(result.output)["findings"]
    return findings


def read(endpoint: str) -> tuple[dict[str, Resource], list[Any]]:
    """The resources by id, and the warnings about edge.py's operations."""
    graph, notices = collect(AwsOptions(regions=(REGION,), endpoint_url=endpoint))
    return {r.id: r for r in graph}, [n for n in notices if n.level == "warning"
                                       and _about_edge(n.message)]


def _about_edge(message: str) -> bool:
    """A failure of an operation edge.py calls (ListTagsForResource, which other services
    have too, only on an ECR repository or a CloudFront distribution)."""
    words = set(message.replace(":", " ").replace("(", " ").replace(";", " ").split())
    if "ListTagsForResource" in words:
        return ":ecr:" in message or ":cloudfront:" in message
    return bool(words & set(EDGE_OPERATIONS))


def test_edge_resources_fire_exactly_their_rules(moto_endpoint: str,
                                                 made: dict[str, str]) -> None:
    by_address: dict[str, set[str]] = {}
    for finding in scan(moto_endpoint):
        address = finding["resource"]["address"]
        if address in made.values() and finding["status"] == "fail":
            by_address.setdefault(address, set()).add(finding["rule_id"])
    fired = {role: by_address.get(arn, set()) for role, arn in made.items()}
    assert fired == {
        "private_subnet": set(), "public_subnet": {"GOV-AWS-058", "GOV-AWS-015"},
        "sealed_cluster": set(),
        "open_cluster": {"GOV-AWS-032", "GOV-AWS-029", "GOV-AWS-015", "GOV-AWS-101",
                         "GOV-AWS-102"},
        "office_cluster": {"GOV-AWS-032", "GOV-AWS-102"},
        "private_repo": {"GOV-AWS-246"},
        "public_repo": {"GOV-AWS-034", "GOV-AWS-057", "GOV-AWS-015", "GOV-AWS-245",
                        "GOV-AWS-246"},
        "public_url": {"GOV-AWS-061"}, "signed_url": set(),
        "anyone_permission": {"GOV-AWS-062"}, "bucket_permission": set(),
        "org_permission": set(), "partner_permission": set(),
        "http_listener": {"GOV-AWS-050"}, "redirect_listener": set(),
        "old_tls_listener": {"GOV-AWS-051"}, "tls12_listener": set(),
        "open_method": {"GOV-AWS-059"}, "iam_method": set(), "keyed_method": set(),
        "cors_method": set(), "old_domain": {"GOV-AWS-049", "GOV-AWS-015"},
        "tls12_domain": set(),
        "plain_distribution": {"GOV-AWS-052", "GOV-AWS-053", "GOV-AWS-015", "GOV-AWS-159",
                               "GOV-AWS-163"},
        "strict_distribution": set()}


def test_canonical_values_match_the_adapters(moto_endpoint: str,
                                             made: dict[str, str]) -> None:
    resources, notices = read(moto_endpoint)
    assert [n.message for n in notices] == []
    sealed = resources[made["sealed_cluster"]]
    assert sealed.attributes == {"name": "sealed", "endpoint_public_access": False,
                                 "endpoint_private_access": True,
                                 "enabled_log_types": LOG_TYPES,
                                 "encrypted_resources": ["secrets"],
                                 "encryption_kms_key": KMS_KEY, "tags": TAG_MAP}
    assert "encrypted_resources" not in resources[made["open_cluster"]].attributes
    assert "enabled_log_types" not in resources[made["open_cluster"]].attributes
    office = resources[made["office_cluster"]].attributes
    assert (office["public_access_cidrs"], office["enabled_log_types"]) == (
        ["203.0.113.0/24"], ["api", "audit", "authenticator"])
    public = resources[made["public_repo"]].attributes
    assert (public["encryption_type"], public["image_tag_mutability"], public["scan_on_push"],
            public["tags"]) == ("AES256", "MUTABLE", False, {})
    assert public["policy"]["Statement"][0]["Principal"] == "*"
    assert resources[made["bucket_permission"]].attributes == {
        "function_name": "hook", "action": "lambda:InvokeFunction",
        "principal": "s3.amazonaws.com", "source_arn": "arn:aws:s3:::uploads",
        "source_account": ACCOUNT}
    assert resources[made["public_url"]].attributes == {"function_name": "hook",
                                                        "authorization_type": "NONE"}
    assert resources[made["redirect_listener"]].attributes == {
        "protocol": "HTTP", "ssl_policy": "ELBSecurityPolicy-2016-08",  # moto reports one
        "default_action_type": "redirect", "redirect_protocol": "HTTPS"}
    assert resources[made["keyed_method"]].attributes["api_key_required"] is True
    plain = resources[made["plain_distribution"]]
    assert (plain.context, plain.native_type) == (f"aws:{ACCOUNT}:global",
                                                  "AWS::CloudFront::Distribution")
    assert plain.attributes["cache_behaviors"] == [
        {"viewer_protocol_policy": "allow-all", "target_origin_id": "site"},
        {"path_pattern": "/api/*", "viewer_protocol_policy": "https-only",
         "target_origin_id": "site"}]
    # an S3 origin gets the viewer's protocol: plain HTTP through the default behavior
    assert plain.attributes["origins"] == [
        {"id": "site", "domain_name": "site.s3.amazonaws.com",
         "protocol_policy": "match-viewer", "plain_http": True}]
    assert (plain.attributes["custom_certificate"],
            plain.attributes["minimum_protocol_version"]) == (True, "TLSv1.1_2016")


def test_default_subnets_are_public_as_in_aws(moto_endpoint: str,
                                              made: dict[str, str]) -> None:
    resources, _ = read(moto_endpoint)
    defaults = [r for r in resources.values() if r.kind == "aws.ec2.subnet"
                and r.id not in made.values()]
    assert defaults and all(r.attributes["map_public_ip_on_launch"] is True for r in defaults)


def test_access_denied_makes_values_unknown_not_passing(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "eks.DescribeCluster", "ecr.GetRepositoryPolicy",
            "api-gateway.GetDomainNames", "cloudfront.ListDistributions")
    resources, notices = read(moto_endpoint)
    describe = Unknown("access denied: DescribeCluster")
    assert resources[made["open_cluster"]].attributes == {
        "name": "open", "endpoint_public_access": describe,
        "endpoint_private_access": describe, "public_access_cidrs": describe,
        "enabled_log_types": describe, "encrypted_resources": describe,
        "encryption_kms_key": describe, "tags": describe}
    policy = Unknown("access denied: GetRepositoryPolicy")
    assert resources[made["public_repo"]].attributes["policy"] == Unknown(
        policy.reason, alternatives=(policy, None))  # a repository may have no policy
    assert made["old_domain"] not in resources
    assert made["plain_distribution"] not in resources
    warnings = {(n.message.split(" (")[0], n.hint) for n in notices}
    assert warnings == {
        ("access denied: DescribeCluster",
         "grant eks:DescribeCluster to the scanning role (docs/live-aws.md)"),
        ("access denied: GetRepositoryPolicy",
         "grant ecr:GetRepositoryPolicy to the scanning role (docs/live-aws.md)"),
        (f"apigateway in {REGION}",  # listings: their resources are unknown
         "grant apigateway:GET to the scanning role (docs/live-aws.md)"),
        ("cloudfront in global",
         "grant cloudfront:ListDistributions to the scanning role (docs/live-aws.md)")}
    statuses = {(f["rule_id"], f["resource"]["address"], f["status"])
                for f in scan(moto_endpoint)
                if f["resource"]["address"] in (made["open_cluster"], made["public_repo"])}
    assert {("GOV-AWS-032", made["open_cluster"], "unknown"),
            ("GOV-AWS-029", made["open_cluster"], "unknown"),
            ("GOV-AWS-057", made["public_repo"], "unknown")} <= statuses
    assert not {s for s in statuses if s[0] in ("GOV-AWS-032", "GOV-AWS-029", "GOV-AWS-057")
                and s[2] != "unknown"}


class _Pages:
    def __init__(self, pages: list[dict[str, Any]]) -> None:
        self._pages = pages

    def paginate(self, **_: Any) -> list[dict[str, Any]]:
        return self._pages


class _AwsLambda:
    """Answers as AWS gives them (moto differs): a listing of function URLs with an alias,
    an account's root as an ARN principal, the URL auth type as a condition."""

    def __init__(self) -> None:
        self.arn = f"{FUNCTIONS}:hook"
        statements = [
            {"Sid": "partner", "Effect": "Allow", "Action": "lambda:InvokeFunction",
             "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Resource": self.arn},
            {"Sid": "url", "Effect": "Allow", "Action": "lambda:InvokeFunctionUrl",
             "Principal": "*", "Resource": self.arn, "Condition": {"StringEquals": {
                 "lambda:FunctionUrlAuthType": "NONE"}}}]
        self.policy = json.dumps({"Version": "2012-10-17", "Statement": statements})

    def get_paginator(self, operation: str) -> _Pages:
        assert operation == "list_functions"
        return _Pages([{"Functions": [{"FunctionName": "hook", "FunctionArn": self.arn,
                                       "PackageType": "Zip", "Runtime": "python3.12"}]}])

    def list_function_url_configs(self, **params: Any) -> dict[str, Any]:
        if "Marker" not in params:
            return {"FunctionUrlConfigs": [{"FunctionArn": self.arn, "AuthType": "AWS_IAM"}],
                    "NextMarker": "next"}
        return {"FunctionUrlConfigs": [{"FunctionArn": f"{self.arn}:live", "AuthType": "NONE"}]}

    def get_policy(self, **_: Any) -> dict[str, Any]:
        return {"Policy": self.policy}

    def get_function_code_signing_config(self, **_: Any) -> dict[str, Any]:
        return {"CodeSigningConfigArn": "", "FunctionName": "hook"}  # none: an empty ARN

    def list_tags(self, **_: Any) -> dict[str, Any]:
        return {"Tags": {"owner": "web"}}


def test_lambda_as_aws_answers() -> None:
    fake = _AwsLambda()
    found = {r.id: r.attributes for r in lambda_access(fake, Reader(), ACCOUNT, REGION)}
    assert found == {
        fake.arn: {"function_name": "hook", "environment_variables": [],
                   "package_type": "Zip", "runtime": "python3.12", "tags": {"owner": "web"}},
        f"{fake.arn}/url": {"function_name": "hook", "authorization_type": "AWS_IAM"},
        f"{fake.arn}:live/url": {"function_name": "hook", "qualifier": "live",
                                 "authorization_type": "NONE"},
        f"{fake.arn}/permission/partner": {"function_name": "hook",
                                           "action": "lambda:InvokeFunction",
                                           "principal": "111122223333"},
        f"{fake.arn}/permission/url": {"function_name": "hook",
                                       "action": "lambda:InvokeFunctionUrl", "principal": "*",
                                       "function_url_auth_type": "NONE"}}


def test_an_unreadable_repository_policy_may_be_absent() -> None:
    """GetRepositoryPolicy failing: the repository has a policy or none; a plain Unknown
    would count as a policy for `op: exists`."""
    from botocore.exceptions import ClientError

    from govern.collect.aws.edge_containers import ecr_repositories

    class FakeEcr:
        def get_paginator(self, operation: str) -> Any:
            assert operation == "describe_repositories"
            return self

        def paginate(self, **_: Any) -> Any:
            return [{"repositories": [{"repositoryName": "app", "registryId": ACCOUNT}]}]

        def get_repository_policy(self, **_: Any) -> Any:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "no"}},
                              "GetRepositoryPolicy")

        def list_tags_for_resource(self, **_: Any) -> Any:
            return {"tags": []}

    (repository,) = ecr_repositories(FakeEcr(), Reader(), ACCOUNT, REGION)
    denied = Unknown("access denied: GetRepositoryPolicy")
    assert repository.attributes["policy"] == Unknown(denied.reason,
                                                      alternatives=(denied, None))
