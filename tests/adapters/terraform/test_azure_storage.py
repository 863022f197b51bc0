"""Storage accounts: the firewall's default action from the `network_rules` block, or from
an `azurerm_storage_account_network_rules` folded into its account."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines, native

ACTION = "network_rules"
ACCOUNT = "azurerm_storage_account"
RULES = "azurerm_storage_account_network_rules"


def _adapted(*natives: Any) -> dict[str, Resource]:
    return {r.address: r for r in adapt_terraform(list(natives)).resources}


def test_inline_block_any_case() -> None:
    account = adapt_one(f"{ACCOUNT}.sa", {"network_rules": [{"default_action": "deny"}]})
    assert account.attributes[ACTION] == {"default_action": "Deny", "bypass": ["AzureServices"]}
    assert adapt_one(f"{ACCOUNT}.sa", {}).attributes.get(ACTION) is None


def test_separate_rules_replace_the_block_by_id_and_by_name() -> None:
    found = _adapted(
        native(f"{ACCOUNT}.a", {"name": "a", "resource_group_name": "rg",
                                "network_rules": [{"default_action": "Deny"}]}),
        native(f"{RULES}.a", {"storage_account_id": Unknown("after apply", f"{ACCOUNT}.a"),
                              "default_action": "Allow"},
               line=10, locations={"default_action": 12}),
        native(f"{ACCOUNT}.b", {"name": "b", "resource_group_name": "rg"}),
        native(f"{RULES}.b", {"storage_account_name": "b", "resource_group_name": "rg",
                              "default_action": "Deny"}),
        native(f"{ACCOUNT}.c", {"name": "b", "resource_group_name": "other"}))
    a = found[f"{ACCOUNT}.a"]
    assert a.attributes[ACTION] == {"default_action": "Allow", "bypass": ["AzureServices"]}
    assert a.location("network_rules.default_action") == lines(12)
    assert a.native == [f"{ACCOUNT}.a", f"{RULES}.a"]
    assert found[f"{ACCOUNT}.b"].attributes[ACTION] == {"default_action": "Deny",
                                                        "bypass": ["AzureServices"]}
    assert ACTION not in found[f"{ACCOUNT}.c"].attributes


def test_rules_of_an_account_declared_elsewhere() -> None:
    result = adapt_terraform([native(f"{RULES}.x", {
        "storage_account_id": "/subscriptions/0/resourceGroups/rg/providers/"
                              "Microsoft.Storage/storageAccounts/st", "default_action": "Deny"})])
    [stand_in] = result.resources
    assert stand_in.external and stand_in.kind == "azure.storage.account"
    assert stand_in.attributes[ACTION] == {"default_action": "Deny",
                                           "bypass": ["AzureServices"]}
    assert [n.code for n in result.notices] == ["external-parent"]
