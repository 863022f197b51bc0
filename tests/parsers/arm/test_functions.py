"""Every template function, with exact values; Unknown propagation."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownSegment, UnknownString
from tests.parsers.arm.helpers import Expressions, value

SUBSCRIPTION = UnknownSegment("the id of the subscription the template is deployed to")
GROUP = UnknownSegment("the name of the resource group the template is deployed to")


@pytest.mark.parametrize(("text", "expected"), [
    # strings
    ("[concat('a', 'b', 1, true)]", "ab1True"),
    ("[concat(createArray(1, 2), createArray(3), createArray())]", [1, 2, 3]),
    ("[format('{0}-{1:D3}-{2,4}|{3,-3}|{{x}}', 'vm', 7, 'ab', 'c')]", "vm-007-  ab|c  |{x}"),
    ("[format('{0:N1} {1:X} {2}', 1234.56, 255, false)]", "1,234.6 FF False"),
    ("[string(createObject('a', 1, 'b', createArray(true, null)))]",
     '{"a":1,"b":[true,null]}'),
    ("[string(false)]", "False"),
    ("[string(42)]", "42"),
    ("[toLower('AbC')]", "abc"),
    ("[toUpper('AbC')]", "ABC"),
    ("[substring('hello', 1, 3)]", "ell"),
    ("[substring('hello', 2)]", "llo"),
    ("[replace('a-b-c', '-', '')]", "abc"),
    ("[split('a,b;c', createArray(',', ';'))]", ["a", "b", "c"]),
    ("[split('a/b', '/')]", ["a", "b"]),
    ("[startsWith('Microsoft.Storage', 'microsoft.')]", True),
    ("[endsWith('abc', 'BC')]", True),
    ("[endsWith('abc', 'x')]", False),
    ("[indexOf('abcABC', 'B')]", 1),
    ("[lastIndexOf('abcABC', 'b')]", 4),
    ("[indexOf(createArray('a', 'b'), 'b')]", 1),
    ("[indexOf(createArray('a', 'b'), 'z')]", -1),
    ("[lastIndexOf(createArray(1, 2, 1), 1)]", 2),
    ("[trim('  x y  ')]", "x y"),
    ("[padLeft(7, 3, '0')]", "007"),
    ("[padLeft('ab', 4)]", "  ab"),
    ("[first('abc')]", "a"),
    ("[last(createArray(1, 2, 3))]", 3),
    ("[first(createArray())]", None),
    ("[base64('one, two')]", "b25lLCB0d28="),
    ("[base64ToString('b25lLCB0d28=')]", "one, two"),
    ("[base64ToJson('eyJhIjoxfQ==')]", {"a": 1}),
    ("[dataUri('Hello')]", "data:text/plain;charset=utf8;base64,SGVsbG8="),
    ("[dataUriToString('data:text/plain;charset=utf8;base64,SGVsbG8=')]", "Hello"),
    ("[uri('https://example.com/a/b', 'c.json')]", "https://example.com/a/c.json"),
    ("[uriComponent('a b/c')]", "a%20b%2Fc"),
    ("[uriComponentToString('a%20b%2Fc')]", "a b/c"),
    ("[json('{\"a\": [1, null]}')]", {"a": [1, None]}),
    ("[json('null')]", None),
    # collections
    ("[array('a')]", ["a"]),
    ("[array(createArray(1))]", [1]),
    ("[createObject('k', 'v', 'n', 2)]", {"k": "v", "n": 2}),
    ("[contains(createObject('Key', 1), 'key')]", True),
    ("[contains('abc', 'B')]", False),
    ("[contains('abc', 'b')]", True),
    ("[contains(createArray(1, '2'), 2)]", False),
    ("[empty('')]", True),
    ("[empty(createObject())]", True),
    ("[empty(createArray(0))]", False),
    ("[empty(null())]", True),
    ("[length('abc')]", 3),
    ("[length(createObject('a', 1))]", 1),
    ("[take(createArray(1, 2, 3), 2)]", [1, 2]),
    ("[skip('abcd', 3)]", "d"),
    ("[take('ab', -1)]", ""),
    ("[union(createObject('a', createObject('x', 1), 'b', 2), "
     "createObject('a', createObject('y', 2)))]", {"b": 2, "a": {"x": 1, "y": 2}}),
    ("[union(createArray(1, 2), createArray(2, 3))]", [1, 2, 3]),
    ("[intersection(createArray(1, 2, 3), createArray(3, 2, 9))]", [2, 3]),
    ("[intersection(createObject('a', 1, 'b', 2), createObject('a', 1, 'b', 3))]", {"a": 1}),
    ("[items(createObject('b', 2, 'a', 1))]",
     [{"key": "a", "value": 1}, {"key": "b", "value": 2}]),
    ("[objectKeys(createObject('b', 2, 'a', 1))]", ["b", "a"]),
    ("[tryGet(createObject('a', createObject('b', 1)), 'a', 'b')]", 1),
    ("[tryGet(createObject('a', 1), 'z')]", None),
    ("[flatten(createArray(createArray(1), createArray(2, 3)))]", [1, 2, 3]),
    ("[join(createArray('a', 'b'), '-')]", "a-b"),
    ("[range(5, 3)]", [5, 6, 7]),
    ("[shallowMerge(createArray(createObject('a', 1), createObject('a', 2, 'b', 3)))]",
     {"a": 2, "b": 3}),
    # logic and numbers
    ("[and(true, true, false)]", False),
    ("[or(false, true)]", True),
    ("[not(false)]", True),
    ("[bool('TRUE')]", True),
    ("[bool(0)]", False),
    ("[int('42')]", 42),
    ("[float('1.5')]", 1.5),
    ("[true()]", True),
    ("[false()]", False),
    ("[null()]", None),
    ("[equals(createArray(1, 'a'), createArray(1, 'a'))]", True),
    ("[equals('a', 'A')]", False),
    ("[equals(1, true)]", False),
    ("[greater(2, 1)]", True),
    ("[greaterOrEquals('a', 'b')]", False),
    ("[less(1, 2)]", True),
    ("[lessOrEquals(2, 2)]", True),
    ("[coalesce(null, null(), 'x', 'y')]", "x"),
    ("[add(1, 2)]", 3),
    ("[sub(1, 2)]", -1),
    ("[mul(3, 4)]", 12),
    ("[div(-7, 2)]", -3),
    ("[mod(-7, 2)]", -1),
    ("[min(3, 1, 2)]", 1),
    ("[max(createArray(3, 9, 2))]", 9),
    ("[if(equals(1, 1), 'yes', 'no')]", "yes"),
    ("[if(false, json('not json'), 'lazy')]", "lazy"),
    # lambdas
    ("[filter(createArray(1, 2, 3), lambda('x', greater(lambdaVariables('x'), 1)))]",
     [2, 3]),
    ("[map(createArray(1, 2), lambda('x', mul(lambdaVariables('x'), 10)))]", [10, 20]),
    ("[reduce(createArray(1, 2, 3), 0, lambda('acc', 'x', "
     "add(lambdaVariables('acc'), lambdaVariables('x'))))]", 6),
    ("[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), "
     "lambdaVariables('b'))))]", [1, 2, 3]),
    ("[toObject(createArray('a', 'b'), lambda('x', lambdaVariables('x')), "
     "lambda('x', toUpper(lambdaVariables('x'))))]", {"a": "A", "b": "B"}),
    ("[groupBy(createArray('ab', 'ac', 'b'), lambda('x', first(lambdaVariables('x'))))]",
     {"a": ["ab", "ac"], "b": ["b"]}),
    ("[mapValues(createObject('a', 1), lambda('v', add(lambdaVariables('v'), 1)))]",
     {"a": 2}),
    # property access and indexing
    ("[createObject('a', createArray(10, 20)).a[1]]", 20),
    ("[createObject('Name', 'x').name]", "x"),
    ("[createObject('k', 'v')['k']]", "v"),
    ("[[literal]", "[literal]"),
    ("[concat('[', ']')]", "[]"),
])
def test_function_values(text: str, expected: Any) -> None:
    evaluate = Expressions()
    assert evaluate(text) == expected
    assert evaluate.notices == []


def test_parameters_variables_and_user_functions() -> None:
    evaluate = Expressions({
        "parameters": {"Name": {"type": "string", "defaultValue": "web"},
                       "count": {"type": "int", "defaultValue": "[length(parameters('name'))]"}},
        "variables": {"full": "[concat(parameters('name'), '-', parameters('count'))]",
                      "copy": [{"name": "disks", "count": 2,
                                "input": {"lun": "[copyIndex('disks', 1)]"}}]},
        "functions": [{"namespace": "contoso", "members": {"prefixed": {
            "parameters": [{"name": "value", "type": "string"}],
            "output": {"type": "string", "value": "[concat('ct-', parameters('value'))]"}}}}],
    })
    assert evaluate("[variables('FULL')]") == "web-3"
    assert evaluate("[variables('disks')]") == [{"lun": 1}, {"lun": 2}]
    assert evaluate("[contoso.prefixed(parameters('name'))]") == "ct-web"


def test_deployment_scope_functions() -> None:
    evaluate = Expressions()
    assert evaluate("[resourceGroup().location]") == Unknown(
        "the location of the resource group the template is deployed to")
    assert evaluate("[resourceGroup().name]") == GROUP
    assert evaluate("[resourceGroup().id]") == UnknownString(
        ("/subscriptions/", SUBSCRIPTION, "/resourceGroups/", GROUP))
    assert evaluate("[subscription().subscriptionId]") == SUBSCRIPTION
    assert evaluate("[subscription().id]") == UnknownString(("/subscriptions/", SUBSCRIPTION))
    assert evaluate("[tenant().tenantId]") == UnknownSegment(
        "the id of the tenant the template is deployed to")
    assert evaluate("[managementGroup().id]") == UnknownString((
        "/providers/Microsoft.Management/managementGroups/",
        UnknownSegment("the name of the management group the template is deployed to")))
    assert evaluate.notices == []


def test_resource_ids() -> None:
    evaluate = Expressions()
    assert evaluate("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', "
                    "'default')]") == UnknownString((
                        "/subscriptions/", SUBSCRIPTION, "/resourceGroups/", GROUP,
                        "/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default"))
    assert evaluate("[resourceId('sub', 'rg', 'Microsoft.Storage/storageAccounts', 'st')]") \
        == "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st"
    assert evaluate("[resourceId('other-rg', 'Microsoft.Storage/storageAccounts', 'st')]") \
        == UnknownString(("/subscriptions/", SUBSCRIPTION, "/resourceGroups/other-rg/providers"
                          "/Microsoft.Storage/storageAccounts/st"))
    assert evaluate("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', "
                    "'acdd72a7-3c0f-4bb3-8c78-24e3c94b5c6c')]") == UnknownString((
                        "/subscriptions/", SUBSCRIPTION, "/providers/Microsoft.Authorization/"
                        "roleDefinitions/acdd72a7-3c0f-4bb3-8c78-24e3c94b5c6c"))
    assert evaluate("[tenantResourceId('Microsoft.Authorization/policyDefinitions', 'p')]") \
        == "/providers/Microsoft.Authorization/policyDefinitions/p"
    assert evaluate("[managementGroupResourceId('mg', 'Microsoft.Authorization/"
                    "policyDefinitions', 'p')]") == ("/providers/Microsoft.Management/"
                                                     "managementGroups/mg/providers/"
                                                     "Microsoft.Authorization/"
                                                     "policyDefinitions/p")
    assert evaluate("[extensionResourceId('/subscriptions/s/resourceGroups/rg', "
                    "'Microsoft.Authorization/locks', 'lock')]") == (
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Authorization/locks/lock")


def test_subscription_level_resource_ids() -> None:
    evaluate = Expressions(level="subscription")
    assert evaluate("[resourceId('Microsoft.Resources/resourceGroups', 'rg')]") == \
        UnknownString(("/subscriptions/", SUBSCRIPTION,
                       "/providers/Microsoft.Resources/resourceGroups/rg"))


@pytest.mark.parametrize(("text", "reason"), [
    ("[uniqueString(resourceGroup().id)]",
     "uniqueString(resourceGroup().id) is computed at deployment"),
    ("[guid(subscription().id, 'x')]", "guid(subscription().id, 'x') is computed at deployment"),
    ("[newGuid()]", "newGuid() is random at deployment"),
    ("[utcNow()]", "utcNow() is the time of the deployment"),
    ("[deployment().properties.templateLink.uri]",
     "deployment() describes the running deployment"),
    ("[environment().suffixes.storage]", "environment() depends on the Azure cloud deployed to"),
    ("[reference('/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/a').state]",
     "reference() reads the deployed state of "
     "/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/a"),
    ("[listKeys('st', '2023-01-01').keys[0].value]",
     "listKeys() reads keys or settings of the deployed resource"),
    ("[providers('Microsoft.Web', 'sites').apiVersions[0]]",
     "providers() reads the resource provider registry"),
    ("[pickZones('Microsoft.Compute', 'virtualMachines', 'westeurope')]",
     "pickZones() depends on the region's availability zones"),
    ("[dateTimeAdd(utcNow(), 'PT1H')]", "utcNow() is the time of the deployment"),
    ("[dateTimeAdd('2024-01-01T00:00:00Z', 'PT1H')]",
     "date and time functions are not evaluated by govern"),
    ("[cidrSubnet('10.0.0.0/16', 24, 1)]", "CIDR functions are not evaluated by govern"),
    ("[parameters('secret')]",
     "parameter 'secret' has no value (no defaultValue and no value supplied)"),
    ("[toLower(parameters('secret'))]",
     "parameter 'secret' has no value (no defaultValue and no value supplied)"),
    ("[length(parameters('secret'))]",
     "parameter 'secret' has no value (no defaultValue and no value supplied)"),
])
def test_values_known_only_at_deployment_are_unknown(text: str, reason: str) -> None:
    evaluate = Expressions({"parameters": {"secret": {"type": "securestring"}}})
    found = evaluate(text)
    assert isinstance(found, Unknown)
    assert found.reason == reason
    assert evaluate.notices == []


def test_unknown_pieces_keep_what_is_known() -> None:
    evaluate = Expressions({"parameters": {"name": {"type": "string"}}})
    name = Unknown("parameter 'name' has no value (no defaultValue and no value supplied)")
    assert evaluate("[concat(parameters('name'), '/ssh')]") == UnknownString((name, "/ssh"))
    assert evaluate("[format('{0}-{1}', 'st', parameters('name'))]") == UnknownString(
        ("st-", name))
    assert evaluate("[length(createArray(parameters('name'), 1))]") == 2
    assert evaluate("[contains(createArray(parameters('name'), 'a'), 'a')]") is True
    assert evaluate("[contains(createArray(parameters('name'), 'a'), 'b')]") == name
    assert evaluate("[and(false, equals(parameters('name'), 'x'))]") is False
    assert evaluate("[or(true, equals(parameters('name'), 'x'))]") is True
    assert evaluate("[coalesce(null, parameters('name'), 'x')]") == name
    assert evaluate("[if(equals(parameters('name'), 'x'), 'a', 'a')]") == "a"


def test_allowed_values_are_alternatives() -> None:
    evaluate = Expressions({"parameters": {
        "tier": {"type": "string", "allowedValues": ["Hot", "Cool"]},
        "one": {"type": "string", "allowedValues": ["Only"]}}})
    reason = "parameter 'tier' has no value (no defaultValue and no value supplied)"
    assert evaluate("[parameters('tier')]") == Unknown(reason, None, ("Hot", "Cool"))
    assert evaluate("[toLower(parameters('tier'))]") == Unknown(reason, None, ("hot", "cool"))
    assert evaluate("[if(equals(parameters('tier'), 'Hot'), 1, 2)]") == Unknown(
        reason, None, (1, 2))
    assert evaluate("[createObject('Hot', 'h', 'Cool', 'c')[parameters('tier')]]") == Unknown(
        reason, None, ("h", "c"))
    assert evaluate("[parameters('one')]") == "Only"


def test_copy_index_in_resource_and_named_loops() -> None:
    evaluate = Expressions()
    env = evaluate.scope.env().with_copy("vms", 2, resource_loop=True).with_copy("disks", 1)
    assert evaluate.evaluator.string_value("[copyIndex()]", env, 1) == 2
    assert evaluate.evaluator.string_value("[copyIndex(10)]", env, 1) == 12
    assert evaluate.evaluator.string_value("[copyIndex('disks', 1)]", env, 1) == 2


@pytest.mark.parametrize(("text", "message"), [
    ("[substring('abc', 5)]", "substring(): substring() start index 5 is outside the string "
                              "(length 3)"),
    ("[div(1, 0)]", "div(): div() by zero"),
    ("[parameters('nope')]", "parameters(): the template has no parameter 'nope'"),
    ("[createObject('a', 1).b]", "the object has no property 'b'"),
    ("[createArray(1)[3]]", "index 3 is outside the array (length 1)"),
    ("[concat('a', createArray())]", "concat(): every argument of concat() on arrays must be "
                                     "an array, not string"),
    ("[concat('a', createObject())]", "concat(): concat() mixes strings and objects"),
    ("[copyIndex()]", "copyIndex(): copyIndex() is used outside a copy loop"),
    ("[length(1)]", "length(): length() needs an array, object or string, not int"),
    ("[not('x')]", "not(): the argument of not() must be a boolean, not string"),
    ("[if(1, 2, 3)]", "the condition of if() must be a boolean, not int"),
    ("[json('{')]", "json(): json() argument is not valid JSON: Expecting property name "
                    "enclosed in double quotes: line 1 column 2 (char 1)"),
    ("[concat()]", "concat() takes at least 1 argument(s), got 0"),
    ("[concat(lambda('x', lambdaVariables('x')))]", "concat() does not take a lambda(...)"),
    ("[lambda('x', lambdaVariables('x'))]", "a lambda(...) is only an argument of filter(), "
                                            "map(), reduce(), sort(), toObject(), groupBy() or "
                                            "mapValues()"),
    ("[map(createArray(1), lambda('a', 'b', 'c', 1))]", "map(): the lambda of map() takes 1 "
                                                   "parameter(s)"),
    ("[padLeft('a', 100000)]", "padLeft(): padLeft() total length 100000 is over 16384"),
    ("[format('{0:D99999}', 1)]", "format(): format precision 99999 is over 16384"),
    ("[format('{1}', 1)]", "format(): format item {1} has no argument"),
])
def test_evaluation_errors_are_warnings_and_unknown(text: str, message: str) -> None:
    evaluate = Expressions({"variables": {"loop": "[variables('loop')]"}})
    found = evaluate(text)
    assert isinstance(found, Unknown)
    assert found.reason == f"cannot evaluate {text}: {message}"
    assert [(n.level, n.code, n.line, n.message) for n in evaluate.notices][-1] == (
        "warning", "eval-error", 7, f"cannot evaluate {text}: {message}")


def test_unsupported_functions_warn_once() -> None:
    evaluate = Expressions()
    assert evaluate("[frobnicate(1)]") == Unknown("function frobnicate() is not supported by "
                                                  "govern")
    evaluate.evaluator.string_value("[concat('a', Frobnicate(2))]", evaluate.scope.env(), 9)
    assert [(n.level, n.code, n.message) for n in evaluate.notices] == [
        ("warning", "unsupported-function", "function frobnicate() is not supported by govern; "
                                            "values that use it are unknown")]


def test_function_names_are_case_insensitive() -> None:
    assert value("[CONCAT(toupper('a'), Length('bc'))]") == "A2"


def test_variables_that_refer_to_themselves_are_unknown() -> None:
    evaluate = Expressions({"variables": {"a": "[variables('b')]", "b": "[variables('a')]"}})
    found = evaluate("[variables('a')]")
    message = "cannot evaluate [variables('a')]: variables(): variable 'a' refers to itself"
    assert found == Unknown(message)
    assert [(n.level, n.code, n.line, n.message) for n in evaluate.notices] == [
        ("warning", "eval-error", 4, message)]


def test_alternatives_do_not_multiply_without_bound() -> None:
    allowed = {"type": "string", "allowedValues": [str(n) for n in range(8)]}
    evaluate = Expressions({"parameters": {"a": allowed, "b": allowed}})
    reason = "parameter 'a' has no value (no defaultValue and no value supplied)"
    options = tuple(str(n) for n in range(8))
    found = evaluate("[concat(parameters('a'), '-', parameters('b'))]")  # 64 > 32
    assert found == UnknownString((Unknown(reason, None, options), "-",
                                   Unknown(reason.replace("'a'", "'b'"), None, options)))
    assert evaluate("[concat(parameters('a'), '-x')]") == Unknown(
        reason, None, tuple(f"{n}-x" for n in options))
