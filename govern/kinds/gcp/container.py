"""Google Kubernetes Engine (GKE): clusters and node pools."""

from __future__ import annotations

from govern.kinds.declare import Attribute, boolean, gcp, obj, string, strings


def _node_service_account(whose: str, block: str, absent: str) -> Attribute:
    return obj(
        "service_account", f"The service account {whose} run as, from `{block}`: "
        f"`{{uses_default: true}}` (defaulted) when neither it nor its `service_account` "
        f"is written, as GKE then uses the default Compute Engine service account{absent}.",
        string("email", f"The account (`{block}.service_account`), as written; absent when "
               "not written: the default Compute Engine service account."),
        boolean("uses_default", "Whether it is the default Compute Engine service account: "
                "true when `service_account` is not written, is `default`, is "
                "`<n>-compute@developer.gserviceaccount.com` or comes from "
                "`data.google_compute_default_service_account`; false for any other "
                "written email and for a `google_service_account` of the configuration; "
                "Unknown for other emails known only after apply."),
        strings("scopes", f"The OAuth scopes granted (`{block}.oauth_scopes`), aliases "
                "expanded to `https://www.googleapis.com/auth/...` URLs; absent when not "
                "written: GKE then gives the nodes only the narrow logging and monitoring "
                "scopes, never `cloud-platform`."))


def _workload_metadata(whose: str, absent: str) -> Attribute:
    return string(
        "workload_metadata_mode", f"What the metadata server shows to the pods on {whose} "
        "(`node_config.workload_metadata_config.mode`, or the older `node_metadata`): "
        "`GKE_METADATA` (the GKE metadata server: pods get only their Kubernetes service "
        "account's Workload Identity Federation credentials; `GKE_METADATA_SERVER`), "
        "`GCE_METADATA` (the Compute Engine metadata server: pods can obtain the node's "
        "service account credentials; `EXPOSE`) or `SECURE` (metadata concealment, "
        "deprecated; the node's credentials remain reachable). When not written (or "
        "`MODE_UNSPECIFIED`) GKE uses `GKE_METADATA` if the cluster has Workload Identity "
        "Federation (`workload_identity_config.workload_pool`, always on Autopilot), else "
        f"`GCE_METADATA`{absent}.",
        values=("GKE_METADATA", "GCE_METADATA", "SECURE"))


def _image_type(whose: str, absent: str) -> Attribute:
    return string(
        "image_type", f"The node image of {whose} (`node_config.image_type`, as written, "
        "any case): `COS_CONTAINERD` (Container-Optimized OS), `UBUNTU_CONTAINERD`, "
        "`WINDOWS_LTSC_CONTAINERD`, ...; `COS_CONTAINERD`, GKE's default node image, when "
        f"not written{absent}.", default="COS_CONTAINERD")


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
        string("logging_service", "Where the cluster's system and workload logs go "
               "(`logging_service`): `logging.googleapis.com/kubernetes` (Cloud Logging), "
               "or `none`; `logging.googleapis.com/kubernetes` when not written.",
               default="logging.googleapis.com/kubernetes"),
        strings("logging_components", "The components whose logs are sent to Cloud "
                "Logging (`logging_config.enable_components`: `SYSTEM_COMPONENTS`, "
                "`WORKLOADS`, `APISERVER`, ...); `[]` turns logging off; absent without a "
                "`logging_config` block (GKE's default: system and workload logs)."),
        boolean("issue_client_certificate", "Whether a client certificate is issued to "
                "authenticate to the cluster's API "
                "(`master_auth.client_certificate_config.issue_client_certificate`); false "
                "when not written.", default=False),
        string("basic_auth_username", "The user name of HTTP basic authentication to the "
               "API (`master_auth.username`, google provider 3.x and older); absent or "
               "empty: basic authentication off."),
        boolean("shielded_nodes", "Whether Shielded GKE Nodes are enabled "
                "(`enable_shielded_nodes`): nodes boot with verified firmware and join "
                "the cluster with a verifiable identity; true when not written.",
                default=True),
        boolean("intranode_visibility", "Whether traffic between pods on the same node "
                "goes through the VPC network, where firewall rules and VPC Flow Logs see it "
                "(`enable_intranode_visibility`); false when not written.", default=False),
        string("datapath_provider", "The cluster's dataplane (`datapath_provider`): "
               "`ADVANCED_DATAPATH` is GKE Dataplane V2, which always enforces Kubernetes "
               "network policies; `LEGACY_DATAPATH` (or `DATAPATH_PROVIDER_UNSPECIFIED`) the "
               "iptables-based one. Absent when not written: a Standard cluster then gets "
               "the legacy dataplane, an Autopilot cluster always Dataplane V2.",
               values=("ADVANCED_DATAPATH", "LEGACY_DATAPATH", "DATAPATH_PROVIDER_UNSPECIFIED")),
        boolean("network_policy_enabled", "Whether network policy enforcement with Calico "
                "is turned on for the nodes (`network_policy.enabled`); false when not "
                "written.", default=False),
        boolean("network_policy_addon_disabled", "Whether the control plane's network "
                "policy add-on is disabled "
                "(`addons_config.network_policy_config.disabled`), which the nodes' "
                "enforcement (`network_policy.enabled`) requires enabled; true (disabled) "
                "when not written.", default=True),
        string("rbac_security_group", "The Google group whose member groups Kubernetes RBAC "
               "bindings can name (`authenticator_groups_config.security_group`, "
               "`gke-security-groups@<domain>`); absent: Google Groups for RBAC is off, "
               "and bindings can name only users and service accounts."),
        string("workload_identity_pool", "The Workload Identity Federation pool of the "
               "cluster (`workload_identity_config.workload_pool`, `<project>.svc.id.goog`); "
               "absent: Workload Identity Federation is off (unless the cluster is "
               "Autopilot, where it is always on)."),
        boolean("binary_authorization", "Whether GKE admits only container images that "
                "the project's Binary Authorization policy allows: "
                "`binary_authorization.evaluation_mode` `PROJECT_SINGLETON_POLICY_ENFORCE` "
                "or `POLICY_BINDINGS_AND_PROJECT_SINGLETON_POLICY_ENFORCE` is true, "
                "`DISABLED` and `POLICY_BINDINGS` (continuous validation of running pods "
                "only, which admits any image) false; else the deprecated "
                "`binary_authorization.enabled`, else `enable_binary_authorization` (google "
                "provider 4.x and older); false when none is written.", default=False),
        _node_service_account(
            "the nodes of the default node pool", "node_config",
            "; absent when there is no default node pool (an Autopilot cluster, "
            "`remove_default_node_pool = true`); Unknown when `node_pool` blocks are "
            "written (inline node pools are not read)"),
        _workload_metadata(
            "the nodes of the default node pool", "; absent when there is no default node "
            "pool, Unknown when `node_pool` blocks are written (as `service_account`)"),
        _image_type("the nodes of the default node pool", "; absent when there is no "
                    "default node pool, Unknown when `node_pool` blocks are written (as "
                    "`service_account`)"),
        tags_doc="Google Cloud labels (`resource_labels`)"),
    gcp("gcp.container.node_pool", "GKE node pool (`google_container_node_pool`)",
        string("name", "The pool's name; absent when not written (`name_prefix`, or a "
               "name generated by the provider)."),
        string("cluster", "The cluster the pool belongs to (`cluster`: its name or id, as "
               "written)."),
        _node_service_account("the pool's nodes", "node_config", ""),
        _workload_metadata(
            "the pool's nodes", "; Workload Identity Federation is read on the "
            "`google_container_cluster` of the configuration that `cluster` designates, "
            "Unknown when that cluster is not in the configuration"),
        boolean("private_nodes", "Whether the pool's nodes have only internal IP "
                "addresses: `network_config.enable_private_nodes`; when not written the "
                "pool inherits its cluster's (`private_cluster_config.enable_private_nodes`, "
                "false when not written) from the `google_container_cluster` of the "
                "configuration that `cluster` designates; Unknown when that cluster is "
                "not in the configuration."),
        boolean("auto_repair", "Whether GKE repairs the pool's nodes that fail their health "
                "checks, draining and re-creating them (`management.auto_repair`); true when "
                "not written, with or without a `management` block (google provider 5.x and "
                "later; GKE's default for new node pools).", default=True),
        boolean("auto_upgrade", "Whether GKE upgrades the pool's nodes to the control "
                "plane's Kubernetes version and its patch releases "
                "(`management.auto_upgrade`); true when not written, with or without a "
                "`management` block (google provider 5.x and later; GKE's default for new "
                "node pools, and required for a cluster on a release channel).",
                default=True),
        _image_type("the pool's nodes", ""),
        taggable=False),
)
