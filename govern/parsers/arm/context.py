"""What template functions can ask about the deployment they run in.

`CallContext` is implemented by the evaluator (`govern/parsers/arm/evaluator.py`); the
function modules (`fn_*.py`) only see this interface.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from govern.parsers.arm.expression_parser import Node

# Deployment scope levels, named as the canonical `scope_level` values.
RESOURCE_GROUP = "resource_group"
SUBSCRIPTION = "subscription"
MANAGEMENT_GROUP = "management_group"
TENANT = "tenant"


@dataclass(frozen=True)
class Target:
    """Where a (nested) deployment deploys to: its level and what is known of its
    subscription id, resource group name and management group name (str or Unknown)."""

    level: str
    subscription_id: Any
    resource_group: Any
    management_group: Any
    location: Any


@dataclass(frozen=True)
class Lambda:
    """A `lambda('x', 'y', body)` value: parameter names and the body to evaluate."""

    parameters: tuple[str, ...]
    body: Node
    closure: tuple[tuple[str, Any], ...] = ()  # lambda variables of enclosing lambdas


class CallContext(ABC):
    """The evaluation environment of one function call."""

    @property
    @abstractmethod
    def target(self) -> Target: ...

    @abstractmethod
    def parameter(self, name: str) -> Any:
        """`parameters(name)`; raises EvalError when the template has no such parameter."""

    @abstractmethod
    def variable(self, name: str) -> Any:
        """`variables(name)`; raises EvalError when the template has no such variable."""

    @abstractmethod
    def copy_index(self, loop: str | None) -> Any:
        """The current index of the named copy loop (the resource loop when None)."""

    @abstractmethod
    def lambda_variable(self, name: str) -> Any:
        """`lambdaVariables(name)`."""

    @abstractmethod
    def call_lambda(self, function: Any, args: list[Any]) -> Any:
        """Apply a Lambda value to arguments."""

    @abstractmethod
    def address_of_id(self, resource_type: str, names: list[Any]) -> str | None:
        """The address of the resource of this template with this type and name path."""

    @abstractmethod
    def address_of(self, name_or_id: Any) -> str | None:
        """The address of the resource of this template that a `reference()`/`list*()`
        argument designates: a resource id, a resource name or a symbolic name."""

    @abstractmethod
    def call_text(self) -> str:
        """The text of the call being evaluated (`uniqueString(resourceGroup().id)`)."""

    @abstractmethod
    def warn(self, message: str, code: str) -> None:
        """A warning about the expression being evaluated (said once per message)."""
