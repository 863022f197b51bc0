"""Edge and exposure services, read into the canonical kinds of the Terraform and
CloudFormation adapters:

- per region: EC2 subnets (DescribeSubnets, here), EKS clusters and ECR repositories
  (edge_containers), Lambda function URLs and permissions (edge_lambda), Classic Load
  Balancers (edge_classic), ELBv2 listeners
  and API Gateway REST methods and custom domain names (edge_web), API Gateway v2 (HTTP and
  WebSocket API) routes (edge_routes);
- once per account (global, context `aws:<account>:global`): CloudFront distributions
  (ListDistributions, ListTagsForResource, here; their access logging:
  edge_cloudfront_logs).
"""

from __future__ import annotations

from typing import Any

from govern.collect.aws.edge_classic import classic_load_balancers
from govern.collect.aws.edge_cloudfront_logs import live_origins, read_logging
from govern.collect.aws.edge_containers import ecr_repositories, eks_clusters
from govern.collect.aws.edge_lambda import lambda_access
from govern.collect.aws.edge_routes import api_routes
from govern.collect.aws.edge_web import domain_names, listeners, rest_methods
from govern.collect.aws.paging import listed, marker_pages
from govern.collect.aws.reader import IAM_ACTIONS, Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import tag_map
from govern.model.resource import Resource

GLOBAL = "global"
DEFAULT_MIN_VERSION = "TLSv1"  # CloudFront's default with a custom certificate


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return [*_subnets(clients("ec2"), reader, account, region),
            *eks_clusters(clients("eks"), reader, account, region),
            *ecr_repositories(clients("ecr"), reader, account, region),
            *lambda_access(clients("lambda"), reader, account, region),
            *listeners(clients("elbv2"), reader, account, region),
            *classic_load_balancers(clients("elb"), reader, account, region),
            *rest_methods(clients("apigateway"), reader, account, region),
            *domain_names(clients("apigateway"), reader, account, region),
            *api_routes(clients("apigatewayv2"), reader, account, region)]


def collect_global(clients: Any, reader: Reader, account: str,
                   home: str) -> list[Resource]:
    """CloudFront distributions (CloudFront's endpoint is global, whatever the region) and
    their access logging."""
    del home
    distributions = _distributions(clients("cloudfront"), reader, account)
    read_logging(clients("cloudfront"), clients("logs"), reader, distributions)
    return distributions


def _subnets(ec2: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    listing = listed(reader.pages(ec2, "DescribeSubnets", region, "Subnets"))
    found = []
    for item in listing:
        arn = item.get("SubnetArn") or \
            f"arn:aws:ec2:{region}:{account}:subnet/{item['SubnetId']}"
        subnet = live_resource(arn, "aws.ec2.subnet", "AWS::EC2::Subnet", account, region)
        subnet.set("vpc_id", item.get("VpcId"))
        subnet.set("cidr_block", item.get("CidrBlock"))
        subnet.set("map_public_ip_on_launch", bool(item.get("MapPublicIpOnLaunch", False)))
        subnet.set("tags", tag_map(item.get("Tags")))
        found.append(subnet)
    return found


def _distributions(cloudfront: Any, reader: Reader, account: str) -> list[Resource]:
    listing = marker_pages(reader, cloudfront, "ListDistributions", GLOBAL,
                           ("DistributionList", "Items"),
                           ("Marker", ("DistributionList", "NextMarker")))
    if not isinstance(listing, list):
        return []
    found = []
    for item in listing:
        arn = item.get("ARN") or f"arn:aws:cloudfront::{account}:distribution/{item['Id']}"
        distribution = live_resource(arn, "aws.cloudfront.distribution",
                                     "AWS::CloudFront::Distribution", account, GLOBAL)
        distribution.set("cache_behaviors", _cache_behaviors(item))
        distribution.set("origins", live_origins(item, distribution.attributes[
            "cache_behaviors"]))
        _viewer_certificate(distribution, item.get("ViewerCertificate") or {})
        tags = reader.call(cloudfront, "ListTagsForResource", arn, Resource=arn)
        distribution.set("tags", tags.unknown if isinstance(tags, Failed)
                         else tag_map(((tags or {}).get("Tags") or {}).get("Items")))
        found.append(distribution)
    return found


def _cache_behaviors(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The default cache behavior (without a path pattern), then the ordered ones."""
    default = item.get("DefaultCacheBehavior") or {}
    behaviors = [{"viewer_protocol_policy": default.get("ViewerProtocolPolicy"),
                  "target_origin_id": default.get("TargetOriginId")}]
    for ordered in (item.get("CacheBehaviors") or {}).get("Items") or []:
        behaviors.append({"path_pattern": ordered.get("PathPattern"),
                          "viewer_protocol_policy": ordered.get("ViewerProtocolPolicy"),
                          "target_origin_id": ordered.get("TargetOriginId")})
    return [{k: v for k, v in behavior.items() if v is not None} for behavior in behaviors]


def _viewer_certificate(distribution: Resource, certificate: dict[str, Any]) -> None:
    """`custom_certificate` when an ACM or IAM certificate is set (an empty string is none),
    with its `minimum_protocol_version`; with the `*.cloudfront.net` certificate the
    version AWS reports is not the one viewers get (TLS 1.0 is always accepted): absent."""
    acm = certificate.get("ACMCertificateArn") or None
    iam = certificate.get("IAMCertificateId") or None
    if acm:
        distribution.set("acm_certificate", acm)
    if iam:
        distribution.set("iam_certificate", iam)
    distribution.set("custom_certificate", bool(acm or iam))
    if acm or iam:
        distribution.set("minimum_protocol_version",
                         certificate.get("MinimumProtocolVersion") or DEFAULT_MIN_VERSION)


# API Gateway's read operations are all authorized by the action apigateway:GET
IAM_ACTIONS.update({operation: "apigateway:GET" for operation in
                    ("GetRestApis", "GetResources", "GetMethod", "GetDomainNames",
                     "GetStages")})
