"""Azure Event Grid: custom topics and domains."""

from __future__ import annotations

from govern.kinds.declare import Attribute, Kind, azure, boolean, resource_group, string


def _settings(what: str) -> tuple[Attribute, ...]:
    return (
        string("name", f"The {what}'s name."),
        resource_group(),
        boolean("public_network_access_enabled", f"Whether the {what} is reachable from "
                "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                "`Disabled` false, any case; `SecuredByPerimeter` is Unknown); true when "
                "not written. Inbound IP rules are not read.", default=True),
        boolean("local_auth_enabled", "Whether access keys and shared access signatures "
                "are accepted (local authentication); ARM: the negation of "
                "`properties.disableLocalAuth`; true when not written.", default=True),
        string("identity_type", f"The managed identities the {what} has (to deliver events "
               "to Azure destinations with Entra ID tokens): Terraform `identity.type`, ARM "
               "`identity.type` (`SystemAssigned`, `UserAssigned`, `SystemAssigned, "
               "UserAssigned`, or `None`); absent when no identity is written (Azure then "
               "creates none)."),
    )


KINDS: tuple[Kind, ...] = (
    azure("azure.eventgrid.topic", "Azure Event Grid custom topic", *_settings("topic")),
    azure("azure.eventgrid.domain", "Azure Event Grid domain", *_settings("domain")),
)
