"""Encoding, hashing and identifier functions."""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
from typing import Any
from urllib.parse import quote_plus

from govern.model.unknown import PartialJson, Unknown
from govern.parsers.terraform.fn_base import FunctionContext, FunctionSpec, arg_str, fixed
from govern.parsers.terraform.fn_format import json_text
from govern.parsers.terraform.values import EvalError, first_unknown, normalize_number, to_string


def _jsonencode(args: list[Any], ctx: FunctionContext) -> Any:
    """The JSON text; for a structure with unknown parts, a PartialJson that keeps it."""
    found = first_unknown(args[0])
    if found is not None:
        return PartialJson(args[0], found.reason, found.ref)
    try:
        return json_text(args[0])
    except (TypeError, ValueError) as exc:
        raise EvalError(f"jsonencode: {exc}") from None


def _jsondecode(args: list[Any], ctx: FunctionContext) -> Any:
    text = arg_str(args[0])
    key = ("jsondecode", text)
    if key not in ctx.memo:
        try:
            ctx.memo[key] = json.loads(text, parse_float=lambda s: normalize_number(float(s)))
        except ValueError as exc:
            raise EvalError(f"jsondecode: invalid JSON: {exc}") from None
    return ctx.memo[key]


def _plain(value: Any) -> Any:
    """A YAML value as a Terraform value (keys become strings, dates text)."""
    if isinstance(value, dict):
        return {to_string(k) if k is not None else "null": _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return normalize_number(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def _yamldecode(args: list[Any], ctx: FunctionContext) -> Any:
    text = arg_str(args[0])
    key = ("yamldecode", text)
    if key not in ctx.memo:
        ctx.memo[key] = _plain(_bounded_yaml(text))
    return ctx.memo[key]


def _bounded_yaml(text: str) -> Any:
    """The value of a YAML document, read by the bounded composer (no recursion; nesting,
    recursive aliases and aliases expanding past the scan's value-size budget are an
    error: a "billion laughs" document would otherwise expand to 10^10 values)."""
    import yaml  # imported here, as uuid below: most scans call neither

    from govern.errors import SourceError
    from govern.parsers.cloudformation.yaml_composer import compose

    try:
        node = compose(text, "yamldecode")
    except yaml.YAMLError as exc:
        raise EvalError(f"yamldecode: invalid YAML: {exc}") from None
    except SourceError as exc:
        raise EvalError(f"yamldecode: {exc.message}") from None
    if node is None:
        return None
    constructor = getattr(yaml, "CSafeLoader", yaml.SafeLoader)("")
    try:
        return constructor.construct_document(node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        raise EvalError(f"yamldecode: invalid YAML: {exc}") from None
    finally:
        constructor.dispose()


def _base64encode(args: list[Any], ctx: FunctionContext) -> Any:
    return base64.b64encode(arg_str(args[0]).encode()).decode()


def _base64decode(args: list[Any], ctx: FunctionContext) -> Any:
    text = arg_str(args[0])
    try:
        return base64.b64decode(text, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        raise EvalError("base64decode: not valid base64 of UTF-8 text") from None


def _digest(name: str, encoding: str) -> FunctionSpec:
    def impl(args: list[Any], ctx: FunctionContext) -> Any:
        digest = hashlib.new(name, arg_str(args[0]).encode())
        if encoding == "hex":
            return digest.hexdigest()
        return base64.b64encode(digest.digest()).decode()

    return fixed(impl, 1)


def _urlencode(args: list[Any], ctx: FunctionContext) -> Any:
    return quote_plus(arg_str(args[0]), safe="")


def _uuidv5(args: list[Any], ctx: FunctionContext) -> Any:
    import uuid

    namespaces = {"dns": uuid.NAMESPACE_DNS, "url": uuid.NAMESPACE_URL,
                  "oid": uuid.NAMESPACE_OID, "x500": uuid.NAMESPACE_X500}
    namespace_text, name = arg_str(args[0], "namespace"), arg_str(args[1], "name")
    namespace = namespaces.get(namespace_text)
    if namespace is None:
        try:
            namespace = uuid.UUID(namespace_text)
        except ValueError:
            raise EvalError(f"uuidv5: invalid namespace {namespace_text!r}") from None
    return str(uuid.uuid5(namespace, name))


def _never_known(reason: str, count: int) -> FunctionSpec:
    def impl(args: list[Any], ctx: FunctionContext) -> Any:
        return Unknown(reason)

    return FunctionSpec(impl, count, count, "custom")


FUNCTIONS: dict[str, FunctionSpec] = {
    "jsonencode": fixed(_jsonencode, 1, "shallow"),
    "jsondecode": fixed(_jsondecode, 1),
    "yamldecode": fixed(_yamldecode, 1),
    "base64encode": fixed(_base64encode, 1),
    "base64decode": fixed(_base64decode, 1),
    "md5": _digest("md5", "hex"),
    "sha1": _digest("sha1", "hex"),
    "sha256": _digest("sha256", "hex"),
    "sha512": _digest("sha512", "hex"),
    "base64sha256": _digest("sha256", "base64"),
    "base64sha512": _digest("sha512", "base64"),
    "urlencode": fixed(_urlencode, 1),
    "uuidv5": fixed(_uuidv5, 2),
    "uuid": _never_known("uuid() is a new random value on every run", 0),
    "timestamp": _never_known("timestamp() is the time of the run", 0),
    "plantimestamp": _never_known("plantimestamp() is the time of the plan", 0),
    "bcrypt": FunctionSpec(lambda a, c: Unknown("bcrypt() uses a random salt"), 1, 2, "custom"),
}
