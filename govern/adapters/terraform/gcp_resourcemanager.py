"""Resource Manager: `google_project` as `gcp.resourcemanager.project`, with
`auto_create_network` (the provider's default, true: the `default` network is kept) and
its labels as tags."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "google_project": KindMapping("gcp.resourcemanager.project", (
        field("name"),
        field("project_id"),
        field("auto_create_network", default=True),
    )),
}
