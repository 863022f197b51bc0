"""The EFS volumes of an ECS task definition (`efs_volumes`: `{name, file_system_id,
transit_encryption}`), for every format: Terraform `volume` blocks with an
`efs_volume_configuration` block and CloudFormation `Volumes` entries with
`EFSVolumeConfiguration` alike. `transit_encryption` is `DISABLED` (defaulted) when not
written; other volumes are left out; a volume not known is an Unknown element."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, set_at, where
from govern.adapters.reading import MISSING, blocks_in, first_block, value_in
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

DISABLED = "DISABLED"


def set_efs_volumes(resource: Resource, native: NativeResource, volumes: Path, efs: Path,
                    name: str, file_system: str, transit: str) -> None:
    """`efs_volumes` from the volume entries at `volumes`, whose EFS configuration is at
    `efs` inside an entry (Terraform: the block's path with its index 0), with the native
    keys `name` (of the volume), `file_system` and `transit` (of the configuration)."""
    entries = blocks_in(native.attributes, volumes)
    if isinstance(entries, Unknown):
        set_at(resource, "efs_volumes", entries, where(native, volumes, False))
        return
    found: list[Any] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, Unknown):
            found.append(entry)
            continue
        config = first_block(entry, efs)
        if config is MISSING or config is None:
            continue
        position = len(found)
        here: Path = (*volumes, index)
        if isinstance(config, Unknown):
            found.append(config)
            carry_locations(resource, native, here, ("efs_volumes", position))
            continue
        volume: dict[str, Any] = {}
        for key, node, inside, native_key in (("name", entry, (), name),
                                              ("file_system_id", config, efs, file_system),
                                              ("transit_encryption", config, efs, transit)):
            value = value_in(node, native_key)
            if value is not MISSING:
                volume[key] = value
                carry_locations(resource, native, (*here, *inside, native_key),
                                ("efs_volumes", position, key))
        found.append(volume)
        carry_locations(resource, native, here, ("efs_volumes", position))
        if "transit_encryption" not in volume:
            volume["transit_encryption"] = DISABLED
            resource.defaulted.add(("efs_volumes", position, "transit_encryption"))
    if found:
        set_at(resource, "efs_volumes", found, where(native, volumes, False))
