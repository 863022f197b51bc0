"""adapt_arm: kinds by native type, ids per template, references edges."""

from __future__ import annotations

from pathlib import Path

from govern.adapters.arm import adapt_arm
from govern.model.graph import Edge
from govern.parsers.arm import parse_arm
from tests.parsers.arm.helpers import template, write

STORAGE = "Microsoft.Storage/storageAccounts"
ASSIGNMENTS = "Microsoft.Authorization/roleAssignments"


def test_references_become_edges_and_unmapped_types_are_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, template(
        {"type": STORAGE, "apiVersion": "2023-01-01", "name": "[parameters('name')]"},
        {"type": "Microsoft.Insights/components", "apiVersion": "2020-02-02", "name": "app"},
        {"type": ASSIGNMENTS, "apiVersion": "2022-04-01", "name": "[guid('a')]",
         "scope": "[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]",
         "dependsOn": ["app"],
         "properties": {"roleDefinitionId": "x", "principalId": "p"}},
        parameters={"name": {"type": "string"}}))
    result = adapt_arm(parse_arm([path]).resources)
    assert [(r.kind, r.address) for r in result.resources] == [
        ("azure.storage.account", f"{STORAGE}/[parameters('name')]"),
        ("azure.authorization.role_assignment", f"{ASSIGNMENTS}/[guid('a')]")]
    assert result.edges == [Edge(f"arm:{path}:{ASSIGNMENTS}/[guid('a')]",
                                 f"arm:{path}:{STORAGE}/[parameters('name')]", "references")]
    assert result.resources[1].attributes["scope_level"] == "resource"


def test_the_same_address_in_two_templates_gives_two_resources(tmp_path: Path) -> None:
    body = template({"type": STORAGE, "apiVersion": "2023-01-01", "name": "st"})
    first = write(tmp_path, body, "a.json")
    second = write(tmp_path, body, "b.json")
    result = adapt_arm(parse_arm([first, second]).resources)
    assert [r.id for r in result.resources] == [f"arm:{first}:{STORAGE}/st",
                                                f"arm:{second}:{STORAGE}/st"]
