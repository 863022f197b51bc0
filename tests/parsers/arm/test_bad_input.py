"""Bad input: reported with file and line; the rest of the scan goes on."""

from __future__ import annotations

from pathlib import Path

from govern.model.unknown import Unknown
from govern.parsers.arm import parse_arm
from tests.parsers.arm.helpers import template, write

STORAGE = "Microsoft.Storage/storageAccounts"


def test_malformed_json_is_a_parse_error_and_other_files_are_scanned(tmp_path: Path) -> None:
    broken = write(tmp_path, '{\n  "resources": [\n    { "type": "x" \n    "name": "y" }\n  ]\n}',
                   "broken.json")
    good = write(tmp_path, template({"type": STORAGE, "apiVersion": "2023-01-01",
                                     "name": "st"}), "good.json")
    result = parse_arm([broken, good])
    assert [(n.level, n.code, n.file, n.line, n.message, n.hint) for n in result.notices] == [
        ("error", "parse-error", broken, 4, 'invalid JSON: expected "," or "}", found a string',
         None)]
    assert [n.address for n in result.resources] == [f"{STORAGE}/st"]


def test_an_expression_that_does_not_parse_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "st",
      "properties": {
        "minimumTlsVersion": "[concat('TLS1_', '2']",
        "supportsHttpsTrafficOnly": true
      }
    }
  ]
}
""")
    result = parse_arm([path])
    assert [(n.level, n.code, n.file, n.line, n.message) for n in result.notices] == [
        ("error", "expression-error", path, 9,
         "invalid template expression [concat('TLS1_', '2']: expected ',' or ')' in the "
         "arguments of concat(), found the end of the expression (column 21)")]
    [native] = result.resources
    assert native.attributes["properties"] == {
        "minimumTlsVersion": Unknown("invalid template expression [concat('TLS1_', '2']"),
        "supportsHttpsTrafficOnly": True}


def test_structural_problems(tmp_path: Path) -> None:
    not_object = write(tmp_path, "[1, 2]", "list.json")
    bad_resources = write(tmp_path, '{"resources": "none"}', "str.json")
    no_type = write(tmp_path, {**template({"name": "x"}), "resources": [{"name": "x"}, 5]},
                    "notype.json")
    result = parse_arm([not_object, bad_resources, no_type])
    assert [(n.level, n.code, n.file, n.line, n.message) for n in result.notices] == [
        ("error", "parse-error", not_object, 1, "an ARM template must be a JSON object"),
        ("error", "parse-error", bad_resources, 1,
         '"resources" must be an array (or, in languageVersion 2.0, an object)'),
        ("warning", "invalid-resource", no_type, 5, 'resource without a "type"; skipped'),
        ("warning", "invalid-resource", no_type, 8, "a resource must be a JSON object; skipped")]
    assert result.resources == []


def test_unreadable_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.json")
    result = parse_arm([missing])
    assert [(n.level, n.code, n.file, n.message) for n in result.notices] == [
        ("error", "parse-error", missing, "cannot read: No such file or directory")]
