from __future__ import annotations

import pytest

from govern.adapters.azure_scope import scope_level
from govern.model.unknown import Unknown

SUB = "/subscriptions/00000000-0000-0000-0000-000000000000"


@pytest.mark.parametrize(("scope", "level"), [
    ("/", "tenant"),
    ("/providers/Microsoft.Management/managementGroups/root", "management_group"),
    (SUB, "subscription"),
    (SUB + "/", "subscription"),
    (SUB + "/resourceGroups/rg", "resource_group"),
    (SUB + "/resourcegroups/rg", "resource_group"),
    (SUB + "/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa", "resource"),
    (SUB + "/providers/Microsoft.Security/pricings/x", "resource"),
])
def test_scope_levels(scope: str, level: str) -> None:
    assert scope_level(scope) == level


def test_unknown_and_malformed_scopes() -> None:
    unknown = Unknown("from a variable")
    assert scope_level(unknown) is unknown
    assert scope_level("rg-name") == Unknown("'rg-name' is not an Azure scope id")
