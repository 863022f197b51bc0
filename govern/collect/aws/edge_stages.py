"""API Gateway stages as `aws.apigateway.stage`, with the `access_logs` and tags of the
adapters: a REST API's (GetStages of the `apigateway` API, one call per API, answering
`item`) and an HTTP or WebSocket API's (GetStages of `apigatewayv2`, paginated, answering
`Items`). Both are authorized by the IAM action `apigateway:GET`."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import string_tags
from govern.model.resource import Resource

KIND = "aws.apigateway.stage"


def rest_stages(apigateway: Any, reader: Reader, account: str, region: str,
                api_id: str) -> list[Resource]:
    prefix = f"arn:aws:apigateway:{region}::/restapis/{api_id}"
    answer = reader.call(apigateway, "GetStages", prefix, restApiId=api_id)
    if isinstance(answer, Failed):
        return []  # reported; the stages are not known
    found = []
    for item in (answer or {}).get("item") or ():
        stage = live_resource(f"{prefix}/stages/{item['stageName']}", KIND,
                              "AWS::ApiGateway::Stage", account, region)
        _set(stage, api_id, item["stageName"],
             (item.get("accessLogSettings") or {}).get("destinationArn"), item.get("tags"))
        found.append(stage)
    return found


def api_stages(apigatewayv2: Any, reader: Reader, account: str, region: str,
               api_id: str) -> list[Resource]:
    prefix = f"arn:aws:apigateway:{region}::/apis/{api_id}"
    listing = reader.pages(apigatewayv2, "GetStages", prefix, "Items", ApiId=api_id)
    if isinstance(listing, Failed):
        return []
    found = []
    for item in listing:
        stage = live_resource(f"{prefix}/stages/{item['StageName']}", KIND,
                              "AWS::ApiGatewayV2::Stage", account, region)
        _set(stage, api_id, item["StageName"],
             (item.get("AccessLogSettings") or {}).get("DestinationArn"), item.get("Tags"))
        found.append(stage)
    return found


def _set(stage: Resource, api_id: str, name: str, destination: Any, tags: Any) -> None:
    stage.set("api_id", api_id)
    stage.set("name", name)
    if destination:
        stage.set("access_logs", {"enabled": True, "destination": destination})
    stage.set("tags", string_tags(tags))
