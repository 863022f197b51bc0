"""A template with parameters left to the deployer is read twice (parsers/deploy_choices.py);
the second reading evaluates again only the resources whose value can differ: those that
read such a parameter (directly, through a variable or through another parameter's
default, memoized or not), and, where which resources exist or their names or copies read
one, those that look up another resource or belong to a copy loop. The result is the same
as evaluating everything twice."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from govern.model.unknown import Defaulted
from govern.parsers.arm import resources as arm_resources
from govern.parsers.arm import template as arm_template
from govern.parsers.arm.evaluator import Evaluator
from govern.parsers.arm.template_scope import TemplateScope
from govern.parsers.native import ParseResult
from tests.parsers.arm.helpers import by_address, parse, template

STORAGE = "Microsoft.Storage/storageAccounts"
PARAMETERS = {
    "tls": {"type": "string", "defaultValue": "TLS1_2", "allowedValues": ["TLS1_0", "TLS1_2"]},
    "derived": {"type": "string", "defaultValue": "[parameters('tls')]"},
    "plain": {"type": "string", "defaultValue": "x"},
    "create": {"type": "bool", "defaultValue": True},
}
VARIABLES = {"fromTls": "[parameters('tls')]", "both": "[concat(variables('fromTls'), '-v')]"}


def _account(name: str, tls: str, **extra: Any) -> dict[str, Any]:
    return {"type": STORAGE, "apiVersion": "2023-01-01", "name": name, "location": "westeurope",
            "properties": {"minimumTlsVersion": tls}, **extra}


def _counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each resource's value is evaluated."""
    counts: Counter[str] = Counter()
    real = arm_resources._native

    def counting(instance: arm_resources.Instance, members: Any = None) -> Any:
        counts[instance.address.rsplit("/", 1)[-1]] += 1
        return real(instance, members)

    monkeypatch.setattr(arm_resources, "_native", counting)
    return counts


def _dump(result: ParseResult) -> list[str]:
    return [repr((n.address, n.native_type, n.attributes, sorted(n.locations.items()),
                  n.references, n.provider)) for n in result.resources] + [
        repr(notice) for notice in result.notices]


def _everything_twice(tmp_path: Path, body: dict[str, Any],
                      monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as patch:
        patch.setattr(arm_template, "_reusable", lambda evaluator, natives: {})
        patch.setattr(Evaluator, "same_in_part", property(
            lambda self: {}, lambda self, value: None), raising=False)
        patch.setattr(TemplateScope, "take_over",
                      lambda self, first, same_resources: None)
        return _dump(parse(tmp_path, body))


VALUES = template(
    _account("direct", "[parameters('tls')]"),
    _account("variable", "[variables('both')]"),
    _account("parameter", "[parameters('derived')]"),
    _account("none", "TLS1_2", tags={"owner": "[parameters('plain')]"}),
    _account("memoized", "[variables('both')]"),  # `both` was computed for `variable`
    parameters=PARAMETERS, variables=VARIABLES)


def test_only_what_reads_a_parameter_left_open_is_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = _counted(monkeypatch)
    result = by_address(parse(tmp_path, VALUES))
    assert counts == {"direct": 2, "variable": 2, "parameter": 2, "none": 1, "memoized": 2}
    tls = {address.rsplit("/", 1)[-1]: native.attributes["properties"]["minimumTlsVersion"]
           for address, native in result.items()}
    assert tls["none"] == "TLS1_2"
    for name, default in (("direct", "TLS1_2"), ("parameter", "TLS1_2"),
                          ("variable", "TLS1_2-v"), ("memoized", "TLS1_2-v")):
        assert isinstance(tls[name], Defaulted), name
        assert tls[name].default == default


LOOKUPS = template(
    _account("maybe", "TLS1_2", condition="[parameters('create')]"),
    _account("after", "[concat('TLS1', '_2')]",
             dependsOn=[f"[resourceId('{STORAGE}', 'maybe')]"]),
    _account("alone", "TLS1_2"),
    parameters=PARAMETERS)


def test_where_existence_reads_a_choice_lookups_are_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = _counted(monkeypatch)
    texts = _texts(monkeypatch)
    parse(tmp_path, LOOKUPS)
    assert counts == {"maybe": 1, "after": 2, "alone": 1}
    # of `after`, only the value that looked `maybe` up
    assert texts[f"[resourceId('{STORAGE}', 'maybe')]"] == 2
    assert texts["[concat('TLS1', '_2')]"] == 1


COPIES = template(
    _account("[concat('loop', copyIndex())]", "TLS1_2",
             copy={"name": "accounts", "count": "[if(equals(parameters('tls'), 'TLS1_0'), 2, 1)]"}),
    _account("single", "[parameters('plain')]"),
    parameters=PARAMETERS)

NESTED = template(
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
     "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
                    "parameters": {"v": {"value": "[parameters('tls')]"}},
                    "template": template(_account("nested", "[parameters('v')]"),
                                         parameters={"v": {"type": "string"}})}},
    _account("outside", "TLS1_2"),
    parameters=PARAMETERS)


LINKED = template(
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "linked",
     "properties": {"mode": "Incremental",
                    "templateLink": {"uri": "[concat('https://example.com/', 'a.json')]"},
                    "parameters": {"v": {"value": "[parameters('plain')]"}}}},
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "open",
     "properties": {"mode": "Incremental",
                    "templateLink": {"uri": "[concat('https://example.com/', 'b.json')]"},
                    "parameters": {"v": {"value": "[parameters('tls')]"}}}},
    parameters=PARAMETERS)


@pytest.mark.parametrize("body", ["VALUES", "LOOKUPS", "COPIES", "NESTED", "MEMBERS",
                                  "SCOPE", "LOOKED_UP", "PROPERTY_COPIES", "LINKED"])
def test_the_result_is_that_of_reading_everything_twice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    document = globals()[body]
    assert _dump(parse(tmp_path, document)) == _everything_twice(tmp_path, document,
                                                                 monkeypatch)


def test_nested_deployments_are_read_again(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    counts = _counted(monkeypatch)
    result = by_address(parse(tmp_path, NESTED))
    assert counts["inner"] == 2 and counts["nested"] == 2 and counts["outside"] == 1
    nested = next(n for a, n in result.items() if a.endswith("/nested"))
    assert isinstance(nested.attributes["properties"]["minimumTlsVersion"], Defaulted)


def _texts(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each template string is evaluated."""
    counts: Counter[str] = Counter()
    real = Evaluator.string_value

    def counting(self: Evaluator, text: str, env: Any, line: int) -> Any:
        counts[text] += 1
        return real(self, text, env, line)

    monkeypatch.setattr(Evaluator, "string_value", counting)
    return counts


MEMBERS = template(
    {"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2023-03-01", "name": "vm",
     "location": "[concat('west', 'europe')]",
     "properties": {"hardwareProfile": {"vmSize": "[toUpper(parameters('tls'))]"},
                    "osProfile": {"computerName": "[concat('vm', '-1')]"},
                    "storageProfile": {
                        "imageReference": {"sku": "[parameters('derived')]",
                                           "publisher": "[concat('Micro', 'soft')]"},
                        "dataDisks": [{"lun": 0, "name": "[concat('data', '0')]"},
                                      {"lun": 1, "name": "[variables('both')]"}]}}},
    parameters=PARAMETERS, variables=VARIABLES)

PROPERTY_COPIES = template(
    _account("copies", "TLS1_2", properties={
        "minimumTlsVersion": "TLS1_2", "note": "[concat('kept', '!')]",
        "copy": [{"name": "rules", "count": "[if(equals(parameters('tls'), 'TLS1_0'), 2, 1)]",
                  "input": {"value": "[concat('rule', copyIndex('rules'))]"}}]}),
    parameters=PARAMETERS)


def test_of_a_resource_read_again_only_the_values_that_differ_are(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts(monkeypatch)
    vm = next(iter(parse(tmp_path, MEMBERS).resources))
    assert texts["[toUpper(parameters('tls'))]"] == 2
    assert texts["[concat('vm', '-1')]"] == 1 and texts["[concat('west', 'europe')]"] == 1
    # deeper: a sibling of a value read again, and an element of an array
    assert texts["[concat('Micro', 'soft')]"] == 1 and texts["[concat('data', '0')]"] == 1
    assert texts["[parameters('derived')]"] == 2 and texts["[variables('both')]"] == 2
    assert vm.attributes["properties"]["osProfile"] == {"computerName": "vm-1"}
    assert isinstance(vm.attributes["properties"]["hardwareProfile"]["vmSize"], Defaulted)
    assert ("properties", "osProfile", "computerName") in vm.locations
    assert ("properties", "storageProfile", "dataDisks", 0, "name") in vm.locations
    disks = vm.attributes["properties"]["storageProfile"]["dataDisks"]
    assert disks[0] == {"lun": 0, "name": "data0"} and isinstance(disks[1]["name"], Defaulted)


def test_a_copy_count_that_reads_a_choice_reads_the_resource_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts(monkeypatch)
    parse(tmp_path, PROPERTY_COPIES)
    assert texts["[concat('kept', '!')]"] == 2


SCOPE = template(
    _account("[variables('plainName')]", "[variables('fromTls')]"),
    parameters=PARAMETERS,
    variables={**VARIABLES, "plainName": "[concat('plain', 'name')]"})


def test_variables_that_read_no_choice_are_computed_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts(monkeypatch)
    parse(tmp_path, SCOPE)
    assert texts["[concat('plain', 'name')]"] == 1  # taken over by the second reading
    assert texts["[parameters('tls')]"] == 2  # `fromTls`, computed in each reading


LOOKED_UP = template(
    _account("maybe", "TLS1_2", condition="[parameters('create')]"),
    _account("earlier", "TLS1_2", tags={"id": "[variables('maybeId')]"}),
    _account("user", "[variables('maybeId')]"),  # the variable is memoized by now
    parameters=PARAMETERS,
    variables={"maybeId": f"[resourceId('{STORAGE}', 'maybe')]"})


def test_a_variable_that_looked_a_resource_up_counts_as_a_lookup(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Which resources exist reads a choice here: `user`, which reads a variable that
    looked `maybe` up (computed for an earlier resource or not), is read again."""
    counts = _counted(monkeypatch)
    parse(tmp_path, LOOKED_UP)
    assert counts == {"maybe": 1, "earlier": 2, "user": 2}


def test_a_deployment_that_links_its_template_is_a_resource_like_the_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = _counted(monkeypatch)
    texts = _texts(monkeypatch)
    parse(tmp_path, LINKED)
    assert counts == {"linked": 1, "open": 2}
    assert texts["[concat('https://example.com/', 'b.json')]"] == 1  # only its parameter
