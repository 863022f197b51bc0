"""Encoding functions: `json`, base64, data URIs and URIs."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any
from urllib.parse import quote, unquote, urljoin

from govern.parsers.arm.context import CallContext
from govern.parsers.arm.fn_base import FunctionSpec, spec, want_str
from govern.parsers.arm.values import EvalError

_DATA_URI_PREFIX = "data:text/plain;charset=utf8;base64,"


def _json(args: list[Any], ctx: CallContext) -> Any:
    text = want_str(args[0], "the argument of json()")
    try:
        return json.loads(text)
    except ValueError as exc:
        raise EvalError(f"json() argument is not valid JSON: {exc.args[0]}") from None


def _base64(args: list[Any], ctx: CallContext) -> Any:
    text = want_str(args[0], "the argument of base64()")
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _decode(text: str) -> str:
    try:
        return base64.b64decode(text, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise EvalError("the argument is not base64-encoded UTF-8 text") from None


def _base64_to_string(args: list[Any], ctx: CallContext) -> Any:
    return _decode(want_str(args[0], "the argument of base64ToString()"))


def _base64_to_json(args: list[Any], ctx: CallContext) -> Any:
    return _json([_decode(want_str(args[0], "the argument of base64ToJson()"))], ctx)


def _data_uri(args: list[Any], ctx: CallContext) -> Any:
    return _DATA_URI_PREFIX + _base64(args, ctx)


def _data_uri_to_string(args: list[Any], ctx: CallContext) -> Any:
    text = want_str(args[0], "the argument of dataUriToString()")
    head, sep, data = text.partition(",")
    if not sep or not head.startswith("data:"):
        raise EvalError("the argument of dataUriToString() is not a data URI")
    if head.endswith(";base64"):
        return _decode(data)
    return unquote(data)


def _uri(args: list[Any], ctx: CallContext) -> Any:
    base = want_str(args[0], "the base URI")
    relative = want_str(args[1], "the relative URI")
    if "://" not in base:
        raise EvalError(f"uri() base {base!r} is not an absolute URI")
    return urljoin(base, relative)


def _uri_component(args: list[Any], ctx: CallContext) -> Any:
    return quote(want_str(args[0], "the argument of uriComponent()"), safe="-_.~")


def _uri_component_to_string(args: list[Any], ctx: CallContext) -> Any:
    return unquote(want_str(args[0], "the argument of uriComponentToString()"))


FUNCTIONS: dict[str, FunctionSpec] = {
    "json": spec(_json, 1),
    "base64": spec(_base64, 1),
    "base64tostring": spec(_base64_to_string, 1),
    "base64tojson": spec(_base64_to_json, 1),
    "datauri": spec(_data_uri, 1),
    "datauritostring": spec(_data_uri_to_string, 1),
    "uri": spec(_uri, 2),
    "uricomponent": spec(_uri_component, 1),
    "uricomponenttostring": spec(_uri_component_to_string, 1),
}
