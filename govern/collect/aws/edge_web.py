"""HTTP entry points of a region: load balancers (edge_balancers) and their listeners
(ELBv2 DescribeLoadBalancers, DescribeListeners) and API Gateway REST API methods
(GetRestApis, GetResources with the methods embedded, GetMethod when a method comes
without its authorization), their stages (edge_stages) and custom domain names
(GetDomainNames), with the attributes
of the Terraform and CloudFormation adapters (docs/canonical-model.md)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.edge_balancers import load_balancers
from govern.collect.aws.edge_stages import rest_stages
from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_optional, set_unknown, string_tags
from govern.model.resource import Resource
from govern.model.unknown import Unknown

NO_POLICY = "API Gateway did not report the domain's security policy"


def listeners(elbv2: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    """The load balancers (edge_balancers) and their listeners."""
    balancers = list(listed(reader.pages(elbv2, "DescribeLoadBalancers", region,
                                         "LoadBalancers")))
    found: list[Resource] = load_balancers(elbv2, reader, account, region, balancers)
    for balancer in balancers:
        arn = balancer["LoadBalancerArn"]
        listing = reader.pages(elbv2, "DescribeListeners", arn, "Listeners",
                               LoadBalancerArn=arn)
        if isinstance(listing, Failed):
            continue
        found.extend(_listener(item, account, region) for item in listing)
    return found


def _listener(item: dict[str, Any], account: str, region: str) -> Resource:
    """`protocol` (absent only on a Gateway Load Balancer's listener), `ssl_policy` (what
    AWS reports: HTTPS and TLS listeners), the first default action's type and, for a
    redirect, its protocol (`#{protocol}`, the request's own, when not set)."""
    listener = live_resource(item["ListenerArn"], "aws.elbv2.listener",
                             "AWS::ElasticLoadBalancingV2::Listener", account, region)
    set_optional(listener, "protocol", item.get("Protocol"))
    set_optional(listener, "ssl_policy", item.get("SslPolicy"))
    actions = item.get("DefaultActions") or []
    if actions:
        first = min(enumerate(actions), key=lambda pair: (pair[1].get("Order", 0), pair[0]))[1]
        listener.set("default_action_type", first.get("Type"))
        if first.get("Type") == "redirect":
            listener.set("redirect_protocol",
                         (first.get("RedirectConfig") or {}).get("Protocol") or "#{protocol}")
    return listener


def rest_methods(apigateway: Any, reader: Reader, account: str,
                 region: str) -> list[Resource]:
    apis = listed(reader.pages(apigateway, "GetRestApis", region, "items"))
    found = []
    for api in apis:
        prefix = f"arn:aws:apigateway:{region}::/restapis/{api['id']}"
        found.extend(rest_stages(apigateway, reader, account, region, str(api["id"])))
        resources = reader.pages(apigateway, "GetResources", prefix, "items",
                                 restApiId=api["id"], embed=["methods"])
        if isinstance(resources, Failed):
            continue
        for item in resources:
            for http_method, method in (item.get("resourceMethods") or {}).items():
                arn = f"{prefix}/resources/{item['id']}/methods/{http_method}"
                found.append(_method(apigateway, reader, arn, account, region,
                                     (api["id"], item["id"], http_method), method or {}))
    return found


def _method(apigateway: Any, reader: Reader, arn: str, account: str, region: str,
            ids: tuple[str, str, str], method: dict[str, Any]) -> Resource:
    """The method's authorization, from the embedded method or else from GetMethod."""
    api_id, resource_id, http_method = ids
    resource = live_resource(arn, "aws.apigateway.method", "AWS::ApiGateway::Method",
                             account, region)
    resource.set("rest_api_id", api_id)
    resource.set("http_method", http_method)
    if "authorizationType" not in method:
        answer = reader.call(apigateway, "GetMethod", arn, restApiId=api_id,
                             resourceId=resource_id, httpMethod=http_method)
        if isinstance(answer, Failed):
            set_unknown(resource, answer.unknown, "authorization", "api_key_required")
            return resource
        method = answer or {}
    resource.set("authorization", method.get("authorizationType") or "NONE")
    set_optional(resource, "authorizer_id", method.get("authorizerId"))
    resource.set("api_key_required", bool(method.get("apiKeyRequired", False)))
    return resource


def domain_names(apigateway: Any, reader: Reader, account: str,
                 region: str) -> list[Resource]:
    listing = listed(reader.pages(apigateway, "GetDomainNames", region, "items"))
    return [_domain_name(item, account, region) for item in listing]


def _domain_name(item: dict[str, Any], account: str, region: str) -> Resource:
    name = item["domainName"]
    arn = item.get("domainNameArn") or f"arn:aws:apigateway:{region}::/domainnames/{name}"
    domain = live_resource(arn, "aws.apigateway.domain_name", "AWS::ApiGateway::DomainName",
                           account, region)
    domain.set("name", name)
    domain.set("security_policy", item.get("securityPolicy") or Unknown(NO_POLICY))
    domain.set("tags", string_tags(item.get("tags")))
    return domain
