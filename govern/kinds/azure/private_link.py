"""The private endpoints of Azure resources reachable through Private Link (declared once
for every kind that has them)."""

from __future__ import annotations

from govern.kinds.declare import Attribute, objects, string, strings


def private_endpoints(ids: str) -> Attribute:
    """`private_endpoints` of a resource whose ids end as `ids` says."""
    return objects(
        "private_endpoints", "The private endpoints that connect to the resource, "
        "declared in the same configuration or template: each Terraform "
        "`azurerm_private_endpoint` whose `private_service_connection."
        "private_connection_resource_id` designates it (a reference, or a literal id "
        f"ending in {ids}), each ARM `Microsoft.Network/privateEndpoints` "
        "with an element of `properties.privateLinkServiceConnections` or "
        "`manualPrivateLinkServiceConnections` whose `properties.privateLinkServiceId` "
        "does. An endpoint whose target is not known statically (a variable, a "
        "parameter) may connect to any such resource: it adds an Unknown element to "
        "each. Absent when none is declared: endpoints declared elsewhere are not "
        "known.",
        string("name", "The endpoint's name."),
        strings("subresources", "The sub-resources it connects to (Terraform "
                "`subresource_names`, ARM `groupIds`), e.g. `blob` or `vault`; absent "
                "when not written."))
