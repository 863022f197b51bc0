"""Google Cloud VPC networks: subnetworks."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, string

KINDS = (
    gcp("gcp.compute.subnetwork", "VPC subnetwork",
        string("name", "The subnetwork's name (`name`)."),
        string("network", "The VPC network it belongs to (`network`, as written)."),
        string("region", "Its region (`region`); absent when not written (the "
               "provider's region)."),
        string("purpose", "What the subnetwork is for (`purpose`): `PRIVATE` (VM "
               "instances and other resources; `PRIVATE_RFC_1918` is its former name), "
               "`REGIONAL_MANAGED_PROXY` or `GLOBAL_MANAGED_PROXY` (proxy-only, for "
               "Envoy-based load balancers; `INTERNAL_HTTPS_LOAD_BALANCER` is the former "
               "name), `PRIVATE_SERVICE_CONNECT`, `PRIVATE_NAT` or `PEER_MIGRATION`; "
               "`PRIVATE` when not written."),
        boolean("flow_logs_enabled", "Whether VPC Flow Logs record the subnetwork's "
                "traffic: it has a `log_config` block (or, in google provider 3.x, "
                "`enable_flow_logs = true`); false otherwise."),
        string("flow_logs_filter", "The filter expression that limits which flows are "
               "logged (`log_config.filter_expr`); absent when not written (every flow, "
               "as `true`)."),
        boolean("private_google_access", "Whether instances without an external address "
                "can reach Google APIs (`private_ip_google_access`); false when not "
                "written.", default=False),
        taggable=False),
)
