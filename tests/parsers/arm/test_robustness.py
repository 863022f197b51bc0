"""Bad ARM input never crashes, hangs or blows up the scan: each reproducer is one clear
notice at its file and line, and the sentinel template beside it is still reported
(issue 10)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govern.parsers.budget import DEFAULT_LIMITS
from tests.parsers.robustness import notices_of, only_error, scan_beside_sentinel

SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
STORAGE = "Microsoft.Storage/storageAccounts"
LIMIT = f"govern's evaluation limit of {DEFAULT_LIMITS.value_size:,}"


def template(resources: list[dict[str, Any]], **sections: Any) -> str:
    """A template written one key per line (lines are asserted)."""
    return json.dumps({"$schema": SCHEMA, "contentVersion": "1.0.0.0", **sections,
                       "resources": resources}, indent=1, ensure_ascii=False)


def storage(name: str, **extra: Any) -> dict[str, Any]:
    return {"type": STORAGE, "apiVersion": "2023-01-01", "name": name, "location": "x",
            **extra}


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_latin1_byte_is_read_with_a_warning_naming_the_byte(tmp_path: Path) -> None:
    text = template([storage("st", properties={"description": "caf\xe9"})])
    report = scan_beside_sentinel(tmp_path, "latin1.json", text.encode("latin-1"))
    assert notices_of(report, "latin1.json") == [
        ("warning", line_of(text, "caf"), "not valid UTF-8 (byte 0xe9 at offset "
         f"{text.index('caf') + 3}); read as cp1252")]
    assert [f.resource_address for f in report.findings
            if f.location is not None and f.location.file.endswith("latin1.json")]


def test_latin1_byte_in_a_parameter_file(tmp_path: Path) -> None:
    from govern.parsers.arm import parse_arm

    path = tmp_path / "azuredeploy.json"
    path.write_text(template([storage("[parameters('name')]")],
                             parameters={"name": {"type": "string"}}))
    parameters = tmp_path / "azuredeploy.parameters.json"
    parameters.write_bytes(b'{"parameters": {\n "name": {"value": "st\xe9"}}}')
    result = parse_arm([str(path)])
    assert [(n.level, n.file, n.line, n.code) for n in result.notices] == [
        ("warning", str(parameters), 2, "decode-fallback")]
    assert result.resources[0].attributes["name"] == "st\xe9"


@pytest.mark.parametrize(("value", "message"), [
    ("9" * 5000, "invalid JSON: the number 999999999999...999999 (5,000 characters) is too "
     "large to read"),
    ("1e400", "invalid JSON: the number 1e400 is too large to read"),
    ("[" * 5000 + "]" * 5000,
     f"invalid JSON: arrays and objects nested deeper than {DEFAULT_LIMITS.nesting} levels"),
], ids=["5000-digits", "1e400", "5000-deep"])
def test_unreadable_template_is_one_error_at_its_line(tmp_path: Path, value: str,
                                                      message: str) -> None:
    text = template([storage("st", properties={"bad": "PLACEHOLDER"})])
    text = text.replace('"PLACEHOLDER"', value)
    report = scan_beside_sentinel(tmp_path, "bad.json", text)
    error = only_error(report, "bad.json")
    assert (error.line, error.message) == (line_of(text, '"bad"'), message)


def test_unreadable_parameter_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "azuredeploy.parameters.json").write_text(
        '{"parameters": {\n "name": {"value": ' + "[" * 5000 + "]" * 5000 + "}}}")
    text = template([storage("[parameters('name')]")], parameters={"name": {"type": "array"}})
    report = scan_beside_sentinel(tmp_path, "azuredeploy.json", text)
    error = only_error(report, "azuredeploy.parameters.json")
    assert (error.line, error.message) == (
        2, f"invalid JSON: arrays and objects nested deeper than {DEFAULT_LIMITS.nesting} "
        "levels")


@pytest.mark.parametrize(("expression", "message"), [
    ("[add(9223372036854775807, 1)]",
     "cannot evaluate [add(9223372036854775807, 1)]: add(): add(): the result is outside the "
     "64-bit integer range"),
    ("[int('" + "9" * 5000 + "')]", "cannot evaluate [int('99999999999999999999999999999999999"
     "999999999999999999999999999999999999...: int(): int() cannot convert '99999999999999999"
     "99999999999999999999..."),
    ("[int(float('1e400'))]",
     "cannot evaluate [int(float('1e400'))]: float(): float() cannot convert '1e400'"),
], ids=["add-overflow", "int-of-5000-digits", "float-overflow"])
def test_numbers_too_large_are_a_warning_and_unknown(tmp_path: Path, expression: str,
                                                     message: str) -> None:
    text = template([storage("st", properties={"n": expression})])
    report = scan_beside_sentinel(tmp_path, "numbers.json", text)
    [(level, line, text_of)] = notices_of(report, "numbers.json")
    assert (level, line) == ("warning", line_of(text, '"n"'))
    assert text_of.startswith(message)


def test_deeply_nested_expression_is_an_error_at_its_line(tmp_path: Path) -> None:
    expression = "[" + "concat(" * 5000 + "'a'" + ")" * 5000 + "]"
    text = template([storage("st", properties={"n": expression})])
    report = scan_beside_sentinel(tmp_path, "expression.json", text)
    error = only_error(report, "expression.json")
    assert error.line == line_of(text, '"n"')
    assert error.message.endswith(f"calls and indexes nested deeper than "
                                  f"{DEFAULT_LIMITS.nesting} levels (column 1794)")


def test_lone_surrogates_in_names_and_values(tmp_path: Path) -> None:
    text = template([storage("st\\ud800", properties={"k\\udc00": "\\ud800"})])
    report = scan_beside_sentinel(tmp_path, "surrogate.json", text.replace("\\\\", "\\"))
    assert {(level, message) for level, _, message in notices_of(report, "surrogate.json")} == {
        ("warning", "a string holds a \\u escape of a lone surrogate (not a character); "
         "read as U+FFFD")}


def _doubling(initial: Any) -> dict[str, Any]:
    variables: dict[str, Any] = {"v0": initial}
    for index in range(1, 41):
        variables[f"v{index}"] = f"[concat(variables('v{index - 1}'), variables('v{index - 1}'))]"
    return variables


def _nested_copies() -> dict[str, Any]:
    inner: Any = "[copyIndex('l2')]"
    for loop in ("l2", "l1", "l0"):
        inner = {"copy": [{"name": loop, "count": 800, "input": inner}]}
    return inner  # type: ignore[no-any-return]


def _nested_deployments(levels: int) -> dict[str, Any]:
    body: dict[str, Any] = {"$schema": SCHEMA, "contentVersion": "1.0.0.0",
                            "resources": [storage("st")]}
    for level in range(levels):
        body = {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [{
            "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
            "name": f"d{level}", "copy": {"name": f"c{level}", "count": 800},
            "properties": {"mode": "Incremental", "template": body}}]}
    return body


NESTED_COPIES = template([storage("[concat('st', copyIndex())]", copy={"name": "r", "count": 800},
                                  properties=_nested_copies())])
BOMBS: dict[str, tuple[str, str, str]] = {
    # name: (template text, resource named, what went over the limit)
    "doubling-strings": (template([storage("[variables('v40')]")],
                                  variables=_doubling("abcdefgh")),
                         f"{STORAGE}/[variables('v40')]",
                         f"concat(): a value of 1,048,576 elements or characters exceeds "
                         f"{LIMIT}"),
    "doubling-arrays": (template([storage("[string(length(variables('v40')))]")],
                                 variables=_doubling(["a"])),
                        f"{STORAGE}/[string(length(variables('v40')))]",
                        f"concat(): a value of 1,048,576 elements or characters exceeds "
                        f"{LIMIT}"),
    "nested-copies": (NESTED_COPIES, f"{STORAGE}/st0",
                      f"copy loop 'l2' at line {line_of(NESTED_COPIES, 'l2') - 1}: instances "
                      f"in all exceeds govern's evaluation limit of "
                      f"{DEFAULT_LIMITS.total_instances:,}"),
    "map-over-ranges": (template([storage("[string(length(variables('v')))]")], variables={
        "v": "[map(range(0, 10000), lambda('i', map(range(0, 10000), "
             "lambda('j', lambdaVariables('j')))))]"}),
        f"{STORAGE}/[string(length(variables('v')))]",
        f"evaluation exceeds govern's evaluation limit of {DEFAULT_LIMITS.steps:,}"),
    "nested-deployments": (json.dumps(_nested_deployments(4), indent=1),
                           "Microsoft.Resources/deployments/d3[0]/Microsoft.Resources/"
                           "deployments/d2[0]/",
                           "instances in all exceeds govern's evaluation limit of "
                           f"{DEFAULT_LIMITS.total_instances:,}"),
}


@pytest.mark.parametrize("case", sorted(BOMBS))
def test_unbounded_evaluation_is_an_error_naming_the_resource(tmp_path: Path,
                                                              case: str) -> None:
    text, resource, what = BOMBS[case]
    report = scan_beside_sentinel(tmp_path, "bomb.json", text)
    error = only_error(report, "bomb.json")
    assert error.code == "budget-exceeded"
    assert error.message.startswith(resource)
    assert error.message.endswith(f"{what}; the template's resources are not checked")
    lines = text.splitlines()
    assert error.line is not None  # the opening brace of the resource named
    assert lines[error.line - 1].strip() == "{" and '"type"' in lines[error.line]


def test_range_over_arm_limit_is_unknown(tmp_path: Path) -> None:
    text = template([storage("[string(length(variables('v')))]")],
                    variables={"v": "[range(0, 100000000)]"})
    report = scan_beside_sentinel(tmp_path, "range.json", text)
    assert notices_of(report, "range.json") == [
        ("warning", line_of(text, '"v"'), "cannot evaluate [range(0, 100000000)]: range(): "
         "range() count 100000000 is outside 0..10000")]


def test_each_template_has_its_own_budget(tmp_path: Path) -> None:
    """Templates of 40,000 instances each, side by side: each is evaluated."""
    for index in range(2):
        (tmp_path / f"t{index}.json").write_text(template([
            storage("[concat('st', copyIndex())]", copy={"name": "r", "count": 800},
                    properties={"copy": [{"name": "p", "count": 49, "input": "x"}]})]))
    report = scan_beside_sentinel(tmp_path, "t2.json", template([]))
    assert [n for n in report.notices if n.level == "error"] == []
    assert {f.resource_address.split("/")[-1] for f in report.findings
            if f.location is not None and f.location.file.endswith("t1.json")} >= {"st799"}
