"""Azure Data Factory: `Microsoft.DataFactory/factories`.

- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`);
  default true (Azure's default when it is not set).
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled

MAPPING = ArmMapping("azure.datafactory.factory", (
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
))
