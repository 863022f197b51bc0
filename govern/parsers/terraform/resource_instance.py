"""One resource (or data source) instance: its configured attributes, evaluated lazily,
and the reference other expressions hold to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.terraform.body import BodyValues
from govern.parsers.terraform.evaluator import Env
from govern.parsers.terraform.google_iam_policy import policy_data
from govern.parsers.terraform.module_loader import ResourceDecl
from govern.parsers.terraform.policy_document import POLICY_INPUTS, policy_json
from govern.parsers.terraform.values import EvalError, LazyValue, ResourceObject

if TYPE_CHECKING:
    from govern.parsers.terraform.instance import ModuleInstance

RESOURCE_META_ATTRS = frozenset({"count", "for_each", "provider", "depends_on"})
RESOURCE_META_BLOCKS = frozenset({"lifecycle", "provisioner", "connection"})


class ResourceInstance:
    """One instance of a resource or data block."""

    def __init__(self, owner: ModuleInstance, decl: ResourceDecl, address: str, env: Env,
                 expansion_refs: frozenset[str]) -> None:
        self.owner = owner
        self.decl = decl
        self.address = address
        self.env = env
        self.expansion_refs = expansion_refs
        self.values = BodyValues(decl.block.body, owner.evaluator, env, decl.file, address,
                                 RESOURCE_META_ATTRS, RESOURCE_META_BLOCKS)
        self._policy: dict[str, Any] = {}

    @property
    def range(self) -> SourceRange:
        block = self.decl.block
        return SourceRange(self.decl.file, block.line, block.end_line)

    def configured(self, name: str) -> Any:
        """A configured attribute's value; Unknown (known after apply) when it was not
        written, is null, or is not known."""
        if self.decl.mode == "data":
            return self._data_attr(name)
        found = self.values.get(name)
        if found is None or found.value is None or isinstance(found.value, Unknown):
            return Unknown("known after apply", ref=self.address)
        if self.values.is_block(name):
            return _computed_inside(found.value, self.address)
        return found.value

    def _data_attr(self, name: str) -> Any:
        if self.decl.type == "aws_iam_policy_document" and name in ("json", "minified_json"):
            if name not in self._policy:
                inputs: dict[str, Any] = {}
                for key in POLICY_INPUTS:
                    found = self.values.get(key)
                    if found is not None and found.value is not None:
                        inputs[key] = found.value
                self._policy[name] = policy_json(inputs, name == "minified_json", self.address)
            return self._policy[name]
        if self.decl.type == "google_iam_policy" and name == "policy_data":
            if name not in self._policy:
                found = self.values.get("binding")
                self._policy[name] = policy_data(
                    None if found is None else found.value, self.address)
            return self._policy[name]
        return Unknown("data source is read at plan time", ref=self.address)

    def as_object(self) -> ResourceObject:
        if self.decl.mode == "data":
            known = {}
            if self.decl.type == "aws_iam_policy_document":
                known = {n: self._data_attr(n) for n in ("json", "minified_json")}
            elif self.decl.type == "google_iam_policy":
                known = {"policy_data": self._data_attr("policy_data")}
            return ResourceObject(known, self.address)
        values: dict[str, Any] = {}
        for name in self.values.names():
            value = self.configured(name)
            if not isinstance(value, Unknown):
                values[name] = value
        return ResourceObject(values, self.address)


def _computed_inside(value: Any, address: str) -> Any:
    """Nested blocks as written, where attributes that were not written are computed
    (`aws_eks_cluster.x.vpc_config[0].cluster_security_group_id`)."""
    if isinstance(value, dict):
        return ResourceObject({k: _computed_inside(v, address) for k, v in value.items()},
                              address)
    if isinstance(value, list):
        return [_computed_inside(v, address) for v in value]
    return value


class InstanceRef(LazyValue):
    """A reference to one resource instance (`aws_s3_bucket.b`, `aws_s3_bucket.b[0]`)."""

    def __init__(self, instance: ResourceInstance) -> None:
        self.instance = instance

    def get_attr(self, name: str) -> Any:
        self.instance.owner.root.recorder.record(self.instance.address)
        return self.instance.configured(name)

    def get_index(self, key: Any) -> Any:
        raise EvalError(f"{self.instance.address} is a single instance and cannot be indexed")

    def materialize(self) -> Any:
        self.instance.owner.root.recorder.record(self.instance.address)
        return self.instance.as_object()
