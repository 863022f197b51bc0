"""Azure virtual machines: `Microsoft.Compute/virtualMachines`.

- `password_authentication_enabled` <- not
  `osProfile.linuxConfiguration.disablePasswordAuthentication`; when `linuxConfiguration`
  is written without it, true (Azure's default for
  `disablePasswordAuthentication` is false); absent without `linuxConfiguration` (a
  Windows machine, or one whose OS the template does not say).
"""

from __future__ import annotations

from govern.adapters.arm.building import set_default
from govern.adapters.arm.mapping import ArmField, ArmMapping, negated
from govern.adapters.arm.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

LINUX = ("properties", "osProfile", "linuxConfiguration")


def _finish(resource: Resource, native: NativeResource) -> None:
    if "password_authentication_enabled" in resource.attributes:
        return
    linux = value_at(native, *LINUX)
    if isinstance(linux, Unknown):
        set_default(resource, ("password_authentication_enabled",),
                    Unknown("linuxConfiguration is not known statically"))
    elif linux is not MISSING and linux is not None:
        set_default(resource, ("password_authentication_enabled",), True)


MAPPING = ArmMapping("azure.compute.virtual_machine", (
    ArmField("password_authentication_enabled",
             "properties.osProfile.linuxConfiguration.disablePasswordAuthentication", negated),
), _finish)
