"""The value of one named ECS cluster setting (`containerInsights`) in a list of
`{name, value}` entries, for every format: Terraform `setting` blocks and CloudFormation
`ClusterSettings` alike."""

from __future__ import annotations

from typing import Any

from govern.adapters.reading import MISSING, value_in
from govern.model.unknown import Unknown


def setting(entries: list[Any] | Unknown, wanted: str, name_key: str,
            value_key: str) -> tuple[Any, int | None]:
    """(the value of the first entry named `wanted`, its index); (MISSING, None) when no
    entry has that name; an Unknown (index None) when the list, or an entry whose name is
    not known, may hold it."""
    if isinstance(entries, Unknown):
        return entries, None
    maybe: Unknown | None = None
    for index, entry in enumerate(entries):
        name = entry if isinstance(entry, Unknown) else value_in(entry, name_key)
        if isinstance(name, Unknown):
            maybe = maybe or name
        elif name == wanted:
            return value_in(entry, value_key), index
    return (maybe, None) if maybe is not None else (MISSING, None)
