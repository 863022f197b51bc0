"""Adapting one hand-built azurerm native resource."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from tests.adapters.terraform.natives import native


def adapt_one(address: str, attributes: dict[str, Any], **kwargs: Any) -> Resource:
    [resource] = adapt_terraform([native(address, attributes, **kwargs)]).resources
    return resource
