"""Google Kubernetes Engine (GKE): clusters."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, obj, string, strings

KINDS = (
    gcp("gcp.container.cluster", "GKE cluster",
        string("name", "The cluster's name."),
        string("location", "The region or zone of the cluster (`location`); a region makes "
               "a regional cluster."),
        boolean("autopilot", "Whether it is an Autopilot cluster (`enable_autopilot`); false "
                "when not written.", default=False),
        boolean("enable_legacy_abac", "Whether legacy attribute-based access control is "
                "enabled (`enable_legacy_abac`); false when not written.", default=False),
        boolean("private_nodes", "Whether the nodes have only internal IP addresses "
                "(`private_cluster_config.enable_private_nodes`); false when not written.",
                default=False),
        boolean("private_endpoint", "Whether the control plane is reachable only at its "
                "private endpoint (`private_cluster_config.enable_private_endpoint`); false "
                "when not written.", default=False),
        obj("master_authorized_networks", "Who may reach the control plane's endpoint: the "
            "`master_authorized_networks_config` block; `{enabled: false}` without one.",
            boolean("enabled", "Whether only the authorized networks may reach the "
                    "endpoint: a `master_authorized_networks_config` block enables it; false "
                    "without one.", default=False),
            strings("cidr_blocks", "The `cidr_block` of each of the block's `cidr_blocks`; "
                    "`[]` when it lists none.")),
        tags_doc="Google Cloud labels (`resource_labels`)"),
)
