"""Google Cloud Resource Manager: projects."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, string

KINDS = (
    gcp("gcp.resourcemanager.project", "Google Cloud project (`google_project`)",
        string("name", "The project's display name (`name`)."),
        string("project_id", "The project's id (`project_id`)."),
        boolean("auto_create_network", "Whether the project keeps the `default` VPC "
                "network Compute Engine creates, with its firewall rules admitting SSH, RDP "
                "and ICMP from anywhere (`auto_create_network`); true when not written. "
                "With false the provider deletes it after creating the project. The "
                "organization policy `compute.skipDefaultNetworkCreation` can prevent its "
                "creation, which the configuration does not show.", default=True)),
)
