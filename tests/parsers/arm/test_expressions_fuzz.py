"""Property tests of ARM template expressions: whatever the text of an expression, parsing
it gives a syntax tree or an ExpressionSyntaxError at a column of the text, evaluating it
gives a value (problems are notices) or goes over the budget (BudgetExceeded, which the
template turns into an error), both bounded; and a template using such expressions in
every place (names, properties, parameters, variables, copy loops, conditions, outputs,
user-defined functions) scanned beside the sentinel leaves the sentinel's finding reported
and is read or named in an error."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govern.parsers.arm.context import Lambda
from govern.parsers.arm.expression_lexer import ExpressionSyntaxError
from govern.parsers.arm.expression_parser import expression_text, parse_expression, unparse
from govern.parsers.budget import BudgetExceeded, Limits, unit_budget
from tests.parsers.arm.helpers import SCHEMA, Expressions
from tests.parsers.robustness import alarm, edited, scan_fuzzed

ALARM = 15
LIMITS = Limits(instances=200, total_instances=1_000, value_size=20_000, steps=50_000)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SCAN_SETTINGS = settings(SETTINGS, max_examples=40)

FUNCTIONS = (
    "concat", "format", "string", "int", "float", "bool", "add", "sub", "mul", "div", "mod",
    "range", "length", "createArray", "createObject", "json", "base64", "base64ToString",
    "base64ToJson", "dataUri", "dataUriToString", "substring", "padLeft", "replace", "split",
    "join", "trim", "toLower", "TOUPPER", "startsWith", "indexOf", "lastIndexOf", "union",
    "intersection", "take", "skip", "first", "last", "min", "max", "flatten", "contains",
    "empty", "coalesce", "equals", "not", "and", "or", "if", "greater", "less", "items",
    "objectKeys", "shallowMerge", "tryGet", "uri", "uriComponent", "uriComponentToString",
    "uniqueString", "guid", "newGuid", "utcNow", "dateTimeAdd", "dateTimeFromEpoch",
    "dateTimeToEpoch", "cidrSubnet", "cidrHost", "parseCidr", "resourceId",
    "subscriptionResourceId", "extensionResourceId", "reference", "listKeys",
    "resourceGroup", "subscription", "tenant", "managementGroup", "deployment",
    "environment", "providers", "pickZones", "parameters", "Variables", "copyIndex",
    "lambda", "lambdaVariables", "map", "filter", "reduce", "sort", "toObject", "groupBy",
    "mapValues", "fn.double", "fn.missing", "notAFunction", "true", "null")
ATOMS = (
    "'a'", "''", "''''", "'it''s'", "'{0}-{1:D3}-{2}'", "'{'", "'10.0.0.0/16'", "'::/0'",
    "'p'", "'arr'", "'obj'", "'allowed'", "'missing'", "'v'", "'vs'", "'vo'", "'loop'",
    "'c'", "'r'", "'i'", "'acc'", "'x'", "'[concat(1)]'", "'[['",
    "'{\"a\": [1, {\"b\": null}]}'", "'e30='", "'2020-01-01T00:00:00Z'", "'P1D'",
    "'Microsoft.Storage/storageAccounts'", "'%41'", "'" + "x" * 200 + "'", "0", "1", "-1",
    "3", "800", "801", "10000", "100000000", "9223372036854775807", "-9223372036854775808",
    "9" * 30, "9" * 31, "1.5", "0.0000001", "true", "false", "null", "parameters('p')",
    "parameters('n')", "parameters('arr')", "parameters('obj')", "parameters('allowed')",
    "parameters('missing')", "variables('v')", "variables('vs')", "variables('vo')",
    "variables('vexp')", "variables('loop')", "variables('c')", "copyIndex()",
    "copyIndex('c')", "copyIndex('r', 1)", "lambdaVariables('i')", "resourceGroup()",
    "subscription().subscriptionId", "deployment().name", "fn.double(2)", "range(0, 3)",
    "createArray(1, 'a', null)", "createObject('a', 1, 'b', createArray(true))",
    "resourceId('Microsoft.Storage/storageAccounts', 'st')", "utcNow()")
PROPERTIES = ("a", "b", "id", "name", "properties", "location", "subscriptionId", "x",
              "length", "primaryEndpoints", "blob")
LAMBDA_FUNCTIONS = ("map", "filter", "sort", "groupBy", "toObject", "mapValues", "reduce")


def call(name: str, args: list[str]) -> str:
    return f"{name}({', '.join(args)})"


def with_lambda(name: str, over: str, body: str) -> str:
    if name == "reduce":
        return f"reduce({over}, 0, lambda('acc', 'i', {body}))"
    if name == "sort":
        return f"sort({over}, lambda('a', 'b', {body}))"
    return f"{name}({over}, lambda('i', {body}))"


EXPRESSIONS = st.recursive(
    st.sampled_from(ATOMS),
    lambda inner: st.one_of(
        st.builds(call, st.sampled_from(FUNCTIONS), st.lists(inner, max_size=4)),
        st.builds(with_lambda, st.sampled_from(LAMBDA_FUNCTIONS), inner, inner),
        st.builds(lambda target, name: f"{target}.{name}", inner, st.sampled_from(PROPERTIES)),
        st.builds(lambda target, key: f"{target}[{key}]", inner, inner)),
    max_leaves=12)
# calls, indexes and member chains nested around the parser's limit (256) and past it
NESTINGS = (("concat(", ")"), ("createArray(", ")"), ("not(", ")"), ("if(true, ", ", 0)"),
            ("createArray(1)[", "]"), ("string(json(", "))"), ("first(", ")"))
DEEP = st.one_of(
    st.builds(lambda pair, count, core: pair[0] * count + core + pair[1] * count,
              st.sampled_from(NESTINGS), st.sampled_from([100, 255, 256, 257, 2000]),
              st.sampled_from(ATOMS)),
    st.builds(lambda core, count: core + ".a" * count,
              st.sampled_from(["createObject('a', 1)", "parameters('obj')"]),
              st.sampled_from([300, 5000])),
    st.builds(lambda count: "json('" + "[" * count + "]" * count + "')",
              st.sampled_from([255, 256, 900, 5000])))
# what breaks an expression: brackets and quotes out of balance, what the lexer does not
# know, numbers too long, the outer brackets
PIECES = ("(", ")", "[", "]", "'", "''", ",", ".", '"', " ", "\\", "\x00", "\t", "\n",
          "é", "\u2028", "\ud800", "[[", "]]", "((", "))", "concat(", "fn.", ".5", "-",
          "1" * 40, "$", "@", "{", "}", ":")
EDITS = st.lists(st.tuples(st.floats(min_value=0, max_value=1),
                           st.integers(min_value=0, max_value=4), st.sampled_from(PIECES)),
                 max_size=3)


EXPRESSION_TEXT = st.one_of(EXPRESSIONS, EXPRESSIONS, st.builds(edited, EXPRESSIONS, EDITS),
                            DEEP)
# a template string: mostly an expression in brackets, sometimes not quite
TEMPLATE_STRING = st.one_of(
    EXPRESSION_TEXT.map(lambda text: f"[{text}]"),
    EXPRESSION_TEXT.map(lambda text: f"[{text}]"),
    st.builds(edited, EXPRESSION_TEXT.map(lambda text: f"[{text}]"), EDITS),
    st.sampled_from(["[]", "[ ]", "[[x]", "[", "]", "x", "", "[concat('a')] "]))

# the template the expressions read: parameters of every type (one with allowed values and
# no default: an Unknown with alternatives), variables (one that names itself, a copy
# loop) and a user-defined function
CONTEXT: dict[str, Any] = {
    "$schema": SCHEMA, "contentVersion": "1.0.0.0",
    "parameters": {
        "p": {"type": "string", "defaultValue": "st"},
        "n": {"type": "int", "defaultValue": 3},
        "arr": {"type": "array", "defaultValue": [1, 2, 3]},
        "obj": {"type": "object", "defaultValue": {"a": {"b": 1}, "x": [1]}},
        "allowed": {"type": "string", "allowedValues": ["a", "b"]},
        "secret": {"type": "securestring"}},
    "variables": {
        "v": "x", "vs": ["a", "b"], "vo": {"a": 1},
        "vexp": "[concat(parameters('p'), 'x')]", "loop": "[variables('loop')]",
        "copy": [{"name": "c", "count": 3, "input": "[copyIndex('c')]"}]},
    "functions": [{"namespace": "fn", "members": {"double": {
        "parameters": [{"name": "x", "type": "int"}],
        "output": {"type": "int", "value": "[mul(parameters('x'), 2)]"}}}}],
    "resources": []}


@SETTINGS
@given(EXPRESSION_TEXT)
def test_any_expression_text_parses_or_is_a_syntax_error(text: str) -> None:
    with alarm(ALARM), unit_budget(LIMITS):
        try:
            node = parse_expression(text)
        except ExpressionSyntaxError as error:
            assert 1 <= error.column <= len(text) + 1, (error.column, len(text))
            assert error.message
            return
        with contextlib.suppress(RecursionError):  # a chain of thousands of members:
            unparse(node)  # only ever shown in messages, which catch it


@SETTINGS
@given(TEMPLATE_STRING)
def test_any_template_string_evaluates_or_exceeds_the_budget(text: str) -> None:
    with alarm(ALARM), unit_budget(LIMITS):
        expressions = Expressions(CONTEXT)
        try:
            result = expressions(text)
        except BudgetExceeded:
            return
    assert not isinstance(result, Lambda)
    if expression_text(text) is None:
        assert result == (text[1:] if text.startswith("[[") else text)
    for notice in expressions.notices:
        assert notice.level in ("error", "warning", "note") and notice.message
        assert notice.file == "t.json"


def template(strings: dict[str, str]) -> dict[str, Any]:
    """A template with a storage account and an output, `strings` (by slot) put in the
    places ARM evaluates expressions."""
    def at(slot: str, default: Any) -> Any:
        return strings.get(slot, default)

    storage = {
        "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
        "name": at("name", "[concat('st', copyIndex())]"),
        "location": at("location", "[resourceGroup().location]"),
        "condition": at("condition", True),
        "copy": {"name": "r", "count": at("count", 2)},
        "dependsOn": [at("dependsOn", "[resourceId('Microsoft.Network/virtualNetworks', 'n')]")],
        "properties": {
            "supportsHttpsTrafficOnly": at("https", False),
            "minimumTlsVersion": at("tls", "TLS1_0"),
            "x": at("property", "[parameters('p')]"),
            "copy": [{"name": "rules", "count": at("propertyCount", 1),
                      "input": {"value": at("input", "[copyIndex('rules')]")}}]}}
    body: dict[str, Any] = json.loads(json.dumps(CONTEXT))
    body["parameters"]["p"]["defaultValue"] = at("default", "st")
    body["variables"]["v"] = at("variable", "x")
    body["variables"]["copy"][0]["count"] = at("variableCount", 3)
    body["functions"][0]["members"]["double"]["output"]["value"] = at(
        "function", "[mul(parameters('x'), 2)]")
    body["resources"] = [storage]
    body["outputs"] = {"o": {"type": "string", "value": at("output", "[parameters('p')]")}}
    return body


SLOTS = ("name", "location", "condition", "count", "dependsOn", "https", "tls", "property",
         "propertyCount", "input", "default", "variable", "variableCount", "function",
         "output")


@SCAN_SETTINGS
@given(st.dictionaries(st.sampled_from(SLOTS), TEMPLATE_STRING, min_size=1, max_size=6),
       st.none() | st.dictionaries(st.sampled_from(["p", "n", "arr", "allowed", "extra"]),
                                   TEMPLATE_STRING | st.integers() | st.none(), max_size=3))
def test_any_expressions_in_a_template_beside_the_sentinel(
        strings: dict[str, str], parameters: dict[str, Any] | None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        if parameters is not None:  # the sibling parameter file gives values
            Path(directory, "azuredeploy.parameters.json").write_text(json.dumps(
                {"parameters": {key: {"value": value} for key, value in parameters.items()}}))
        text = json.dumps(template(strings), indent=1)
        scan_fuzzed(Path(directory), "azuredeploy.json", text)
