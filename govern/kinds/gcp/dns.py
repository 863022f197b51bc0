"""Google Cloud DNS: managed zones and DNS server policies."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, objects, string, strings

KINDS = (
    gcp("gcp.dns.managed_zone", "Cloud DNS managed zone",
        string("name", "The zone's name (`name`)."),
        string("dns_name", "The DNS name the zone serves (`dns_name`, e.g. `example.com.`)."),
        string("visibility", "Who can query the zone: `public` (the internet) or `private` "
               "(the VPC networks it is bound to); `public` when not written.",
               default="public", values=("public", "private")),
        string("dnssec_state", "Whether the zone is signed with DNSSEC "
               "(`dnssec_config.state`): `on`, `off`, or `transfer` (signed, in the mode "
               "for moving a signed zone between providers); `off` when no `dnssec_config` "
               "or no `state` is written, as in Cloud DNS. Private zones cannot be signed.",
               default="off", values=("on", "off", "transfer")),
        objects("dnssec_key_specs", "The signing keys asked for, one entry per "
                "`dnssec_config.default_key_specs` block; absent when none is written "
                "(Cloud DNS then uses RSASHA256 for both keys).",
                string("key_type", "`keySigning` or `zoneSigning` (`key_type`).",
                       values=("keySigning", "zoneSigning")),
                string("algorithm", "The signing algorithm (`algorithm`), lower case as the "
                       "provider writes it: `rsasha1`, `rsasha256`, `rsasha512`, "
                       "`ecdsap256sha256`, `ecdsap384sha384`.")),
        tags_doc="Google Cloud labels (`labels`)"),
    gcp("gcp.dns.policy", "Cloud DNS server policy (`google_dns_policy`): the DNS "
        "settings of the VPC networks bound to it (a network has at most one)",
        string("name", "The policy's name (`name`)."),
        boolean("logging_enabled", "Whether the DNS queries that VMs of the bound networks "
                "send to Cloud DNS are logged to Cloud Logging (`enable_logging`); false "
                "when not written.", default=False),
        strings("networks", "The VPC networks bound to the policy: the `network_url` of "
                "each `networks` block, as written; always present, `[]` when none is "
                "written (a block not known statically is an Unknown element; a `dynamic` "
                "block over a collection not known statically makes the list Unknown)."),
        taggable=False),
)
