"""Azure virtual machines and scale sets: `Microsoft.Compute/virtualMachines`,
`Microsoft.Compute/virtualMachineScaleSets` (the OS profile of its
`properties.virtualMachineProfile`).

- `password_authentication_enabled` <- not
  `osProfile.linuxConfiguration.disablePasswordAuthentication`; when `linuxConfiguration`
  is written without it, true (Azure's default for
  `disablePasswordAuthentication` is false); absent without `linuxConfiguration` (a
  Windows machine, or one whose OS the template does not say).
"""

from __future__ import annotations

from govern.adapters.arm.building import set_default
from govern.adapters.arm.mapping import ArmField, ArmMapping, Finish, negated
from govern.adapters.arm.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

LINUX = ("properties", "osProfile", "linuxConfiguration")
SCALE_SET_LINUX = ("properties", "virtualMachineProfile", "osProfile", "linuxConfiguration")


def _linux_default(linux_path: tuple[str, ...]) -> Finish:
    """Azure's default when `linuxConfiguration` (at `linux_path`) does not say."""
    def finish(resource: Resource, native: NativeResource) -> None:
        if "password_authentication_enabled" in resource.attributes:
            return
        linux = value_at(native, *linux_path)
        if isinstance(linux, Unknown):
            set_default(resource, ("password_authentication_enabled",),
                        Unknown("linuxConfiguration is not known statically"))
        elif linux is not MISSING and linux is not None:
            set_default(resource, ("password_authentication_enabled",), True)
    return finish


def _mapping(kind: str, linux_path: tuple[str, ...]) -> ArmMapping:
    return ArmMapping(kind, (
        ArmField("password_authentication_enabled",
                 ".".join((*linux_path, "disablePasswordAuthentication")), negated),
    ), _linux_default(linux_path))


MAPPING = _mapping("azure.compute.virtual_machine", LINUX)
SCALE_SET = _mapping("azure.compute.virtual_machine_scale_set", SCALE_SET_LINUX)
