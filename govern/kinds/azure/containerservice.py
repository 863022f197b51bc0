"""Azure Kubernetes Service (AKS): managed clusters and their node pools."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, objects, resource_group, string, strings

_PUBLIC_IP = ("Whether each node gets a public IP address of its own: Terraform "
              "`node_public_ip_enabled` (azurerm v4) or `enable_node_public_ip` (v2, v3), ARM "
              "`enableNodePublicIP`; false when not written (the provider's and Azure's "
              "default).")
_HOST_ENCRYPTION = ("Whether the nodes' hosts encrypt their temporary disks and OS and "
                    "data disk caches: Terraform `host_encryption_enabled` (azurerm v4) or "
                    "`enable_host_encryption` (v2, v3), ARM `enableEncryptionAtHost`; false "
                    "when not written (the provider's and Azure's default).")

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
                  "known statically."),
          boolean("monitoring_enabled", "Whether Container insights (the monitoring add-on, "
                  "which sends the nodes' and containers' logs and metrics to a Log Analytics "
                  "workspace) is enabled: true when Terraform's `oms_agent` block is written "
                  "(azurerm v3, v4; its `log_analytics_workspace_id` is required), else v2's "
                  "`addon_profile.oms_agent.enabled`; ARM "
                  "`properties.addonProfiles.omsagent.enabled` (the add-on's name in any "
                  "case). False when not written: AKS enables no add-on by itself.",
                  default=False),
          string("network_policy", "The engine that enforces Kubernetes network policies "
                 "inside the cluster: `azure`, `calico` or `cilium`; `none` when policies "
                 "are not enforced. Terraform `network_profile.network_policy`, ARM "
                 "`properties.networkProfile.networkPolicy` (any case, read in lower case). "
                 "`none` when not written (azurerm sets no policy, and Azure reads an unset "
                 "`networkPolicy` as `none`), except when the network data plane is "
                 "`cilium` (Terraform `network_profile.network_data_plane`, azurerm v4, or "
                 "`ebpf_data_plane`, v3; ARM `networkProfile.networkDataplane`): Azure CNI "
                 "Powered by Cilium may enforce policies with Cilium, so the value is "
                 "Unknown.",
                 values=("azure", "calico", "cilium", "none")),
          boolean("azure_policy_enabled", "Whether the Azure Policy add-on (which audits "
                  "and enforces Azure Policy definitions on the cluster's Kubernetes "
                  "objects through Gatekeeper) is enabled: Terraform `azure_policy_enabled` "
                  "(azurerm v3, v4) or v2's `addon_profile.azure_policy.enabled`, ARM "
                  "`properties.addonProfiles.azurepolicy.enabled` (the add-on's name in any "
                  "case). False when not written: AKS enables no add-on by itself.",
                  default=False),
          boolean("http_application_routing_enabled", "Whether the HTTP application "
                  "routing add-on (an ingress controller with a public DNS zone, which "
                  "Microsoft calls unfit for production and retired in March 2025) is "
                  "enabled: Terraform `http_application_routing_enabled` (azurerm v3, v4) "
                  "or v2's `addon_profile.http_application_routing.enabled`, ARM "
                  "`properties.addonProfiles.httpApplicationRouting.enabled` (the add-on's "
                  "name in any case). False when not written.", default=False),
          string("automatic_upgrade_channel", "The channel by which AKS upgrades the "
                 "cluster's Kubernetes version (and, for `node-image`, the node images) by "
                 "itself: Terraform `automatic_upgrade_channel` (azurerm v4) or "
                 "`automatic_channel_upgrade` (v3), ARM "
                 "`properties.autoUpgradeProfile.upgradeChannel` (any case, read in lower "
                 "case). `none` when not written (azurerm: \"omitting this field sets this "
                 "value to none\"; Azure: \"the default is 'none'\").",
                 values=("patch", "rapid", "stable", "node-image", "none")),
          string("disk_encryption_set_id", "The disk encryption set that encrypts the nodes' "
                 "OS and data disks with a customer-managed key (ARM "
                 "`properties.diskEncryptionSetID`); absent when not written (Azure then "
                 "encrypts them with a platform-managed key)."),
          objects("agent_pools", "The node pools declared in the cluster resource: "
                  "Terraform's `default_node_pool` block, ARM `properties.agentPoolProfiles` "
                  "(Unknown when not known statically). Node pools declared as separate "
                  "resources are `azure.containerservice.agent_pool`.",
                  string("name", "The pool's name."),
                  boolean("node_public_ip_enabled", _PUBLIC_IP),
                  boolean("host_encryption_enabled", _HOST_ENCRYPTION))),
    azure("azure.containerservice.agent_pool", "Azure Kubernetes Service node pool declared "
          "as a resource of its own (Terraform `azurerm_kubernetes_cluster_node_pool`, ARM "
          "`Microsoft.ContainerService/managedClusters/agentPools`)",
          string("name", "The pool's name (ARM: `<cluster>/<pool>` for a top-level resource, "
                 "as written)."),
          string("resource_group_name", "ARM: the resource group the deployment goes to, "
                 "Unknown unless a nested deployment names it; absent in Terraform (the "
                 "cluster's group is in `cluster_id`)."),
          string("cluster_id", "The cluster the pool belongs to: Terraform "
                 "`kubernetes_cluster_id`; absent in ARM (the parent in the name)."),
          boolean("node_public_ip_enabled", _PUBLIC_IP, default=False),
          boolean("host_encryption_enabled", _HOST_ENCRYPTION, default=False),
          taggable=False),
)
