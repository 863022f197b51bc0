"""Azure Kubernetes Service (AKS): managed clusters."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string, strings

KINDS = (
    azure("azure.containerservice.managed_cluster", "Azure Kubernetes Service (AKS) cluster",
          string("name", "The cluster's name."),
          resource_group(),
          boolean("private_cluster_enabled", "Whether the API server has only a private "
                  "endpoint (ARM `properties.apiServerAccessProfile.enablePrivateCluster`); "
                  "false when not written.", default=False),
          strings("api_server_authorized_ip_ranges", "The CIDRs admitted to the API server: "
                  "Terraform `api_server_access_profile.authorized_ip_ranges` (azurerm v3.39 "
                  "and later, v4) or the older top-level `api_server_authorized_ip_ranges` "
                  "(v2, v3); ARM `properties.apiServerAccessProfile.authorizedIPRanges`, or "
                  "the preview `properties.apiServerAuthorizedIPRanges` (apiVersions "
                  "2019-02-01 to 2019-06-01). Absent when not written: every address is "
                  "admitted."),
          boolean("local_accounts_enabled", "Whether local Kubernetes accounts (static "
                  "admin credentials) are enabled: the negation of Terraform "
                  "`local_account_disabled` / ARM `properties.disableLocalAccounts`; true "
                  "when not written.", default=True),
          boolean("rbac_enabled", "Whether Kubernetes RBAC is enabled: Terraform "
                  "`role_based_access_control_enabled` (v3, v4) or v2's "
                  "`role_based_access_control.enabled`, true when not written (the "
                  "provider's default and Azure's); ARM `properties.enableRBAC`, when not "
                  "written true from apiVersion 2018-03-31 (which introduced it), false "
                  "before (such clusters have no RBAC), Unknown when the apiVersion is not "
                  "known statically.")),
)
