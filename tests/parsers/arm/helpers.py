"""Evaluating ARM expressions and parsing small templates in tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from govern.model.finding import Notice
from govern.parsers.arm import parse_arm
from govern.parsers.arm.context import RESOURCE_GROUP
from govern.parsers.arm.deployments import top_target
from govern.parsers.arm.evaluator import Evaluator
from govern.parsers.arm.registry import Registry
from govern.parsers.arm.template_scope import TemplateScope
from govern.parsers.json_positions import parse_json_positions
from govern.parsers.native import NativeResource, ParseResult

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
SUBSCRIPTION_SCHEMA = ("https://schema.management.azure.com/schemas/2018-05-01/"
                       "subscriptionDeploymentTemplate.json#")


class Expressions:
    """Evaluates template strings against a template's parameters and variables."""

    def __init__(self, template: dict[str, Any] | None = None,
                 supplied: dict[str, Any] | None = None, level: str = RESOURCE_GROUP) -> None:
        text = json.dumps(template or {}, indent=1)
        self.evaluator = Evaluator("t.json", Registry())
        self.scope = TemplateScope(self.evaluator, parse_json_positions(text, "t.json"),
                                   top_target(level), supplied)

    def __call__(self, text: str) -> Any:
        return self.evaluator.string_value(text, self.scope.env(), 7)

    @property
    def notices(self) -> list[Notice]:
        return self.evaluator.notices


def value(text: str, **template: Any) -> Any:
    """The value of one template string (`"[concat('a', 'b')]"`)."""
    return Expressions(template or None)(text)


def template(*resources: dict[str, Any], schema: str = SCHEMA, **sections: Any
             ) -> dict[str, Any]:
    return {"$schema": schema, "contentVersion": "1.0.0.0", **sections,
            "resources": list(resources)}


def write(directory: Path, body: dict[str, Any] | str, name: str = "azuredeploy.json") -> str:
    path = directory / name
    path.write_text(body if isinstance(body, str) else json.dumps(body, indent=2))
    return str(path)


def parse(directory: Path, body: dict[str, Any] | str, name: str = "azuredeploy.json",
          parameter_files: tuple[str, ...] = ()) -> ParseResult:
    return parse_arm([write(directory, body, name)], parameter_files)


def by_address(result: ParseResult) -> dict[str, NativeResource]:
    return {native.address: native for native in result.resources}
