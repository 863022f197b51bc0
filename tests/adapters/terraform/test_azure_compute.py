"""Azure virtual machine scale sets -> `azure.compute.virtual_machine_scale_set`: password
authentication with each resource's default, in HCL and in a plan."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines, native

KIND = "azure.compute.virtual_machine_scale_set"
PASSWORDS = "password_authentication_enabled"


@pytest.mark.parametrize("native_type, attributes, expected, defaulted", [
    ("azurerm_linux_virtual_machine_scale_set", {}, False, True),
    ("azurerm_linux_virtual_machine_scale_set",
     {"disable_password_authentication": False}, True, False),
    ("azurerm_orchestrated_virtual_machine_scale_set",
     {"os_profile": [{"linux_configuration": [{"admin_username": "u"}]}]}, False, True),
    ("azurerm_orchestrated_virtual_machine_scale_set",
     {"os_profile": [{"linux_configuration": [{"disable_password_authentication": False}]}]},
     True, False),
    ("azurerm_orchestrated_virtual_machine_scale_set",
     {"os_profile": [{"windows_configuration": [{"admin_username": "u"}]}]}, None, False),
    ("azurerm_orchestrated_virtual_machine_scale_set", {}, None, False),
    ("azurerm_virtual_machine_scale_set", {"os_profile_linux_config": [{}]}, True, True),
    ("azurerm_virtual_machine_scale_set",
     {"os_profile_linux_config": [{"disable_password_authentication": True}]}, False, False),
    ("azurerm_virtual_machine_scale_set", {}, None, False),
    ("azurerm_windows_virtual_machine_scale_set", {}, None, False),
])
def test_password_authentication(native_type: str, attributes: dict[str, Any],
                                 expected: bool | None, defaulted: bool) -> None:
    scale_set = adapt_one(f"{native_type}.s", {"name": "s", "resource_group_name": "rg",
                                               **attributes})
    assert scale_set.kind == KIND
    assert scale_set.attributes.get(PASSWORDS) is expected
    assert ((PASSWORDS,) in scale_set.defaulted) is defaulted
    assert (scale_set.attributes["name"], scale_set.attributes["resource_group_name"],
            scale_set.attributes["tags"]) == ("s", "rg", {})


def test_linux_block_not_known_statically() -> None:
    blocks = Unknown("dynamic block over var.os")
    scale_set = adapt_one("azurerm_orchestrated_virtual_machine_scale_set.s",
                          {"os_profile": blocks}, locations={"os_profile": 7})
    assert scale_set.attributes[PASSWORDS] is blocks
    assert scale_set.location(PASSWORDS) == lines(7)


def test_in_a_plan() -> None:
    planned = replace(native("azurerm_linux_virtual_machine_scale_set.s", {
        "name": "s", "disable_password_authentication": True, "tags": {"owner": "x"}},
        root="plan.json", file="plan.json"), format="tfplan", actions=("create",))
    [scale_set] = adapt_terraform([planned]).resources
    assert (scale_set.kind, scale_set.source_format) == (KIND, "tfplan")
    assert scale_set.attributes[PASSWORDS] is False
    assert scale_set.attributes["tags"] == {"owner": "x"}
