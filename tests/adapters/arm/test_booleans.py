"""ARM string booleans (`"true"`, `"True"`, `"false"`) read as booleans at every canonical
attribute declared boolean."""

from __future__ import annotations

import pytest

from govern.adapters.arm.booleans import arm_boolean, read_booleans
from govern.model.kinds import BOOLEAN_ATTRIBUTES, KINDS
from govern.model.resource import Resource
from govern.model.unknown import Unknown


@pytest.mark.parametrize(("value", "expected"), [
    ("true", True), ("True", True), ("TRUE", True), (" false ", False), ("False", False),
    (True, True), (False, False), ("Enabled", "Enabled"), (1, 1)])
def test_arm_boolean(value: object, expected: object) -> None:
    assert arm_boolean(value) == expected
    assert type(arm_boolean(value)) is type(expected)


def test_declared_boolean_attributes_name_known_kinds() -> None:
    assert set(BOOLEAN_ATTRIBUTES) <= set(KINDS)


def _account(**attributes: object) -> Resource:
    resource = Resource(id="arm:t.json:a", kind="azure.storage.account", address="a",
                        source_format="arm", native_type="Microsoft.Storage/storageAccounts",
                        range=None)
    for key, value in attributes.items():
        resource.set((key,), value, defaulted=key == "shared_key_access_enabled")
    return resource


def test_read_booleans_converts_declared_paths_only() -> None:
    resource = _account(https_only="True", allow_blob_public_access="false",
                        shared_key_access_enabled=True, min_tls_version="TLS1_2",
                        name="true")
    read_booleans(resource)
    assert resource.attributes == {
        "https_only": True, "allow_blob_public_access": False,
        "shared_key_access_enabled": True, "min_tls_version": "TLS1_2", "name": "true"}
    assert resource.defaulted == {("shared_key_access_enabled",)}


def test_read_booleans_other_strings_and_alternatives() -> None:
    maybe = Unknown("condition", "c", ("true", None, False))
    resource = _account(https_only="yes", allow_blob_public_access=maybe,
                        public_network_access_enabled=Unknown("later"))
    read_booleans(resource)
    assert resource.get("https_only") == Unknown("'yes' is not a boolean")
    converted = resource.get("allow_blob_public_access")
    assert isinstance(converted, Unknown)
    assert converted.alternatives == (True, None, False)
    assert resource.get("public_network_access_enabled") == Unknown("later")
