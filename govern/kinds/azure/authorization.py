"""Azure role-based access control (RBAC): role assignments and custom role definitions."""

from __future__ import annotations

from govern.kinds.declare import azure, objects, string, strings

SCOPE_LEVELS = ("tenant", "management_group", "subscription", "resource_group", "resource")

KINDS = (
    azure("azure.authorization.role_assignment", "Azure RBAC role assignment",
          string("scope", "The id of what the role is assigned at: `/` (the tenant), a "
                 "management group, `/subscriptions/<id>`, a resource group or a resource "
                 "(Terraform `scope`). ARM: the extension resource's `scope` property (an "
                 "id, or the short form relative to the deployment's resource group, "
                 "`Microsoft.Storage/storageAccounts/x`), else `properties.scope`, else "
                 "where the deployment goes (an id usually partly Unknown); the older "
                 "`<type>/providers/roleAssignments` named "
                 "`<resource>/Microsoft.Authorization/<guid>` is scoped to that resource, "
                 "`<type>/<resource>`."),
          string("role_definition_name", "The name of the role assigned, e.g. `Owner` "
                 "(Terraform `role_definition_name`). ARM has no such property: it is the "
                 "role's name when `role_definition_id` ends with the GUID of a well-known "
                 "built-in role (Owner, Contributor, Reader, User Access Administrator), "
                 "absent otherwise."),
          string("role_definition_id", "The id of the role assigned (Terraform "
                 "`role_definition_id`, ARM `properties.roleDefinitionId`). An ARM id that "
                 "is partly unknown but ends with a GUID (usually "
                 "`/subscriptions/<?>/providers/Microsoft.Authorization/roleDefinitions/"
                 "<guid>`) is written in its tenant form, "
                 "`/providers/Microsoft.Authorization/roleDefinitions/<guid>`: a role is "
                 "identified by its GUID, and built-in roles have the same GUID everywhere."),
          string("principal_id", "The object id of the user, group or service principal "
                 "the role is assigned to (ARM `properties.principalId`)."),
          string("principal_type", "The type of that principal (ARM "
                 "`properties.principalType`); absent when not written.",
                 values=("User", "Group", "ServicePrincipal", "ForeignGroup", "Device")),
          string("scope_level", "The level of `scope`, from its id: `/` is the tenant, "
                 "`/providers/Microsoft.Management/managementGroups/<name>` a management "
                 "group, `/subscriptions/<id>` a subscription, "
                 "`/subscriptions/<id>/resourceGroups/<name>` a resource group, anything "
                 "below `/providers/` of a subscription or resource group (or an ARM short "
                 "form) a resource. A Terraform scope known only after apply takes the "
                 "level of the object it references (`data.azurerm_subscription` -> "
                 "subscription, `azurerm_resource_group` / `data.azurerm_resource_group` -> "
                 "resource_group, `azurerm_management_group` / "
                 "`data.azurerm_management_group` -> management_group); an ARM id that is "
                 "partly unknown keeps its level when the unknown pieces are single "
                 "segments (`/subscriptions/<?>/resourceGroups/<?>`). Unknown otherwise.",
                 values=SCOPE_LEVELS),
          taggable=False),
    azure("azure.authorization.role_definition", "Azure RBAC custom role definition",
          string("name", "The role's name (Terraform `name`, ARM `properties.roleName`)."),
          string("scope", "Where the definition is created (Terraform `scope`; ARM as for "
                 "role assignments: the `scope` property, else `properties.scope`, else "
                 "where the deployment goes)."),
          string("scope_level", "The level of `scope`, as for role assignments.",
                 values=SCOPE_LEVELS),
          objects("permissions", "What the role allows, one entry per Terraform "
                  "`permissions` block or element of ARM `properties.permissions`; absent "
                  "when there is none. A `dynamic \"permissions\"` block over a collection "
                  "not known statically makes the list (or its element) Unknown.",
                  strings("actions", "The control-plane actions allowed (`actions`), e.g. "
                          "`*` or `Microsoft.Storage/*/read`; `[]` when not set."),
                  strings("not_actions", "The control-plane actions taken out of `actions` "
                          "(ARM `notActions`); `[]` when not set."),
                  strings("data_actions", "The data-plane actions allowed (ARM "
                          "`dataActions`); `[]` when not set."),
                  strings("not_data_actions", "The data-plane actions taken out of "
                          "`data_actions` (ARM `notDataActions`); `[]` when not set.")),
          strings("assignable_scopes", "The scopes the role can be assigned at, as written "
                  "(ARM `properties.assignableScopes`); absent when not set, although the "
                  "provider then uses `[scope]`."),
          taggable=False),
)
