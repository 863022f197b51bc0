"""The conversions of table-driven ARM kinds."""

from __future__ import annotations

import pytest

from govern.adapters.arm.mapping import enabled, negated, pluck, text
from govern.model.unknown import Unknown


@pytest.mark.parametrize(("value", "expected"), [
    ("Enabled", True), ("enabled", True), ("Disabled", False), ("DISABLED", False)])
def test_enabled(value: str, expected: bool) -> None:
    assert enabled(value) is expected


def test_enabled_unknown_for_other_values() -> None:
    assert enabled("SecuredByPerimeter") == Unknown(
        "'SecuredByPerimeter': access depends on settings outside the resource (e.g. a "
        "network security perimeter)")


def test_negated_and_text() -> None:
    assert negated(True) is False
    assert negated(False) is True
    assert negated("true") is False      # ARM reads a string boolean as the boolean
    assert negated("False") is True
    assert negated("yes") == Unknown("'yes' is not a boolean")
    assert (text(1.2), text("1.2"), text(True)) == ("1.2", "1.2", True)


def test_pluck() -> None:
    later = Unknown("later")
    assert pluck("value")([{"Value": "1.2.3.4"}, later, {"other": 1}]) == [
        "1.2.3.4", later, Unknown("the entry has no value")]
    assert pluck("id")("x") == Unknown("expected an array")
