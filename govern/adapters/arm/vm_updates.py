"""Windows Automatic Updates of ARM virtual machines and scale sets.

`automatic_updates_enabled` <- `osProfile.windowsConfiguration.enableAutomaticUpdates` (of
the `virtualMachineProfile` for scale sets); true when `windowsConfiguration` is written
without it (Azure's default: "Default value is true"); Unknown when `windowsConfiguration`
is not known statically; absent without `windowsConfiguration` (a Linux machine, or one
whose OS the template does not say: Azure's default, true, applies to a Windows one).
"""

from __future__ import annotations

from govern.adapters.arm.building import copy, set_default
from govern.adapters.arm.mapping import Finish
from govern.adapters.arm.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

UPDATES = ("automatic_updates_enabled",)


def automatic_updates(windows_path: tuple[str, ...]) -> Finish:
    """The finish that reads `enableAutomaticUpdates` below `windows_path`."""
    def finish(resource: Resource, native: NativeResource) -> None:
        if copy(resource, native, (*windows_path, "enableAutomaticUpdates"), UPDATES):
            return
        windows = value_at(native, *windows_path)
        if isinstance(windows, Unknown):
            set_default(resource, UPDATES,
                        Unknown("windowsConfiguration is not known statically"))
        elif windows is not MISSING:
            set_default(resource, UPDATES, True)
    return finish
