"""Does a policy statement's `Condition` restrict who it admits?

AWS's definition of a public policy (S3 Block Public Access, "The meaning of public"; IAM
Access Analyzer reads policies the same way): a statement that allows `*` is not public
only when a condition limits the request to *fixed values* of a key that identifies the
caller or where the request comes from: the principal (`aws:PrincipalArn`,
`aws:PrincipalAccount`, `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`, `aws:userid`,
`aws:PrincipalServiceName`, `kms:CallerAccount`), the source (`aws:SourceArn`,
`aws:SourceAccount`, `aws:SourceOwner`, `aws:SourceOrgID`, `aws:SourceOrgPaths`), the
network (`aws:SourceVpc`, `aws:SourceVpce`, `aws:VpceAccount`, `aws:SourceIp` other than
`0.0.0.0/0` and `::/0`), the calling instance or function (`ec2:SourceInstanceArn`,
`ssm:SourceInstanceArn`, `lambda:SourceFunctionArn`), or an S3 access point
(`s3:DataAccessPointArn`, `s3:DataAccessPointAccount`).

A test restricts only with a positive operator on literal or pattern values
(`StringEquals`, `StringEqualsIgnoreCase`, `StringLike`, `ArnEquals`, `ArnLike`,
`IpAddress`, also under `ForAnyValue:`): a negated operator (`StringNotEquals`) admits
everyone else, an `...IfExists` operator admits every request without the key, and
`ForAllValues:` admits a request with no values. A value that is only `*` restricts
nothing, nor does a pattern that leaves the account or organization open (`1234*`, `o-*`,
`arn:aws:sns:eu-west-1:*:topic`); a pattern within one account (`arn:aws:s3:::bucket/*`,
`arn:aws:sns:eu-west-1:123456789012:*`) restricts. Other keys (`aws:SecureTransport`,
`sts:ExternalId`, `aws:RequestedRegion`, ...) say how the request is made, not who makes
it, and restrict nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import Part, Tri, as_list
from govern.model.resource import Path
from govern.model.unknown import PartialString, Unknown

IDENTITY_KEYS = frozenset(key.lower() for key in (
    "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths", "aws:userid", "aws:PrincipalServiceName", "kms:CallerAccount",
    "aws:SourceArn", "aws:SourceAccount", "aws:SourceOwner", "aws:SourceOrgID",
    "aws:SourceOrgPaths", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceIp",
    "s3:DataAccessPointArn", "s3:DataAccessPointAccount", "aws:VpceAccount",
    "ec2:SourceInstanceArn", "lambda:SourceFunctionArn", "ssm:SourceInstanceArn",
))
# keys whose value is an account or an organization: a wildcard in it admits any
ACCOUNT_KEYS = frozenset(key.lower() for key in (
    "aws:PrincipalAccount", "aws:SourceAccount", "aws:SourceOwner", "kms:CallerAccount",
    "aws:PrincipalOrgID", "aws:SourceOrgID", "s3:DataAccessPointAccount", "aws:VpceAccount",
))
_POSITIVE = re.compile(
    r"^(foranyvalue:)?(stringequals|stringequalsignorecase|stringlike|arnequals|arnlike|"
    r"ipaddress)$", re.IGNORECASE)
_PATTERN = re.compile(r"^(foranyvalue:)?(stringlike|arnlike|arnequals)$", re.IGNORECASE)
_EVERY_ADDRESS = frozenset({"0.0.0.0/0", "::/0"})


def _matches_everything(value: Any, pattern: bool, key: str) -> Tri:
    """Does one condition value admit every caller (`*` under a pattern operator, or a
    source IP range of the whole internet)?"""
    if isinstance(value, PartialString):
        text = value.text("").strip()
        return None if pattern and not text.strip("*") else False
    if isinstance(value, Unknown):
        return None if pattern or key == "aws:sourceip" else False
    if not isinstance(value, str):
        return False
    text = value.strip()
    if key == "aws:sourceip":
        return text in _EVERY_ADDRESS
    if not pattern:
        return False
    if not text.strip("*"):
        return bool(text)
    return _any_account(text, key)


def _any_account(text: str, key: str) -> bool:
    """Does a pattern leave the account or organization open (`1234*`, `o-*`, an ARN whose
    account field has a wildcard, `arn:aws:sns:eu-west-1:*:topic`)?"""
    if key in ACCOUNT_KEYS:
        return "*" in text or "?" in text
    fields = text.split(":")
    return text.startswith("arn:") and len(fields) > 4 and any(c in fields[4] for c in "*?")


def restricts_who(operator: str, key: str, values: Any) -> Tri:
    """Does one condition test (an operator on a key, with its ORed values) restrict who
    the statement admits?"""
    if key.lower() not in IDENTITY_KEYS or not _POSITIVE.match(operator):
        return False
    listed = as_list(values)
    pattern = bool(_PATTERN.match(operator))
    if isinstance(listed, Unknown):
        # fixed values, not known here: they restrict unless they could be a wildcard or
        # the whole internet
        return None if pattern or key.lower() == "aws:sourceip" else True
    if not listed:
        return False
    states = [_matches_everything(item, pattern, key.lower()) for item in listed]
    if any(state is True for state in states):
        return False
    return None if None in states else True


def condition_restricts(condition: Any) -> Part:
    """Does a `Condition` restrict who the statement admits? Its tests are ANDed: it
    restricts when one test does."""
    where: Path = ("Condition",)
    if isinstance(condition, Unknown):
        return Part(None, path=where, why=f"Condition: {condition.reason}")
    if not isinstance(condition, Mapping):
        return Part(False)
    state: Tri = False
    why = ""
    for operator, tests in condition.items():
        if isinstance(tests, Unknown):
            state, why = None, why or f"Condition.{operator}: {tests.reason}"
            continue
        if not isinstance(tests, Mapping):
            continue
        for key, values in tests.items():
            found = restricts_who(str(operator), str(key), values)
            if found is True:
                return Part(True)
            if found is None:
                state, why = None, why or f"Condition.{operator}.{key} is not known"
    return Part(state, path=where, why=why)
