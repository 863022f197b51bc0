"""Is a KMS key customer managed?

A key named by a string is customer managed unless it is an AWS managed key's alias
(`alias/aws/<service>`, also inside an alias ARN); a key given by a reference to a KMS
key resource of the configuration (`aws_kms_key`, `AWS::KMS::Key`) is one. The ARN or id
of an AWS managed key cannot be told apart from a customer's without asking KMS: the live
readers do (`kms:DescribeKey`) and leave such a key out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown

KMS_KEY = "aws.kms.key"
_AWS_MANAGED = re.compile(r"(?:^|[:/])alias/aws/")


def customer_managed_key(value: Any, args: Mapping[str, Any],
                         ctx: PredicateContext) -> Verdict:
    """The key is written and is not an AWS managed key's alias, or refers to a KMS key
    resource of the configuration.

    `value` is a key identifier (key id, key ARN, alias, alias ARN). Absent (or `""`):
    fails, the service's default key is used. A string holding `alias/aws/` fails. A value
    known only at apply time passes when it refers to an `aws.kms.key` the resource is
    connected to by a `references` edge (Terraform `aws_kms_key.data.arn`, CloudFormation
    `!GetAtt DataKey.Arn`), and is unknown otherwise (a variable or a data source may name
    an AWS managed alias). Detail: `no key: the default (AWS managed) key` or `an AWS
    managed key (alias/aws/rds)`."""
    del args
    if value is None or value == "":
        return failed((), "no key: the default (AWS managed) key")
    if isinstance(value, str):
        if _AWS_MANAGED.search(value):
            return failed((), f"an AWS managed key ({value})")
        return passed()
    if isinstance(value, Unknown):
        if value.ref is not None and any(
                _names(key.address, value.ref)
                for key in ctx.graph.related(ctx.resource, "references")
                if key.kind == KMS_KEY):
            return passed()
        return unknown((), f"the key: {value.reason}")
    return unknown((), "the key is not a string")


def _names(address: str, ref: str) -> bool:
    """Whether a resource's address is what a reference names: the same address, the
    address inside a module (`module.m.aws_kms_key.data`), or an instance of it (`[0]`)."""
    return any(address == name or address.startswith(name + "[")
               or address.endswith("." + name) or ("." + name + "[") in address
               for name in (ref,))


PREDICATES = (declare(customer_managed_key),)
