"""Google Compute Engine: VPC firewall rules, firewall policy rules, VM instances, instance
templates and project-wide metadata."""

from __future__ import annotations

from govern.kinds.declare import Attribute, boolean, gcp, integer, obj, objects, string, strings

_METADATA = ("read as Compute Engine reads booleans (`true`, `1`, `yes`, `y`, `on`, any case, "
             "are true; any other value false)")
_UNKNOWN_MAP = "Unknown when the whole `metadata` map is."


def _protocols(name: str, verb: str) -> Attribute:
    return objects(name, f"The protocols and ports the rule {verb}, one entry per `{name}` "
                   "block; always present, `[]` when there is none (a `dynamic` block over "
                   "a collection not known statically is an Unknown element).",
                   string("protocol", "The protocol as written: `tcp`, `udp`, `icmp`, "
                          "`esp`, `ah`, `sctp`, `ipip`, `all` or an IP protocol number."),
                   strings("ports", "The ports as written, `\"22\"` or `\"1000-2000\"`; `[]` "
                           "(not written) means every port of the protocol."))


# What an instance and an instance template say of the machine, the same way.
_KEYS = ("google-managed", "customer-supplied", "customer-managed")
_KEY_DOC = ("Who holds the key that encrypts the disk: `customer-supplied` (a raw or "
            "RSA-wrapped key given with the request, CSEK), `customer-managed` (a Cloud KMS "
            "key, CMEK) or `google-managed`")

_MACHINE = (
    string("machine_type", "The machine type (`machine_type`, e.g. `e2-medium`)."),
    objects("disks", "The disks created with the VM: the boot disk (`boot_disk` with "
            "`initialize_params`; an instance template's `disk` with `boot = true`) and, "
            "for a template, each other `disk` block without a `source`. A disk attached "
            "by `source` (an existing `google_compute_disk`) is judged as that disk. "
            "Always present, `[]` when none is created; Unknown when the blocks are not "
            "known statically.",
            boolean("boot", "Whether it is the boot disk."),
            string("key", f"{_KEY_DOC}: `disk_encryption_key_raw` or "
                   "`disk_encryption_key_rsa` (an instance's boot disk), "
                   "`kms_key_self_link` (`disk_encryption_key.kms_key_self_link` in a "
                   "template); `google-managed` when none is written.",
                   default="google-managed", values=_KEYS),
            boolean("raw_key_in_code", "Whether the key itself is written in the "
                    "configuration (`disk_encryption_key_raw` or `disk_encryption_key_rsa` "
                    "with a literal value); false otherwise.")),
    objects("network_interfaces", "The instance's network interfaces, one per "
            "`network_interface` block; always present, `[]` when none is written "
            "(Unknown when the blocks are not known statically).",
            string("network", "The VPC network (`network`), as written."),
            string("subnetwork", "The subnetwork (`subnetwork`), as written."),
            boolean("public_ip", "Whether the interface has an external IPv4 address, "
                    "ephemeral or static: it has an `access_config` block (Unknown when its "
                    "blocks are not known statically).")),
    boolean("serial_port_enabled", "Whether the interactive serial console is enabled: "
            f"the `serial-port-enable` key of `metadata`, {_METADATA}; false when not "
            f"set, {_UNKNOWN_MAP}", default=False),
    boolean("block_project_ssh_keys", "Whether the project's SSH keys are refused: the "
            f"`block-project-ssh-keys` key of `metadata`, {_METADATA}; false when not "
            f"set, {_UNKNOWN_MAP}", default=False),
    boolean("os_login_enabled", "Whether OS Login manages SSH access: the "
            f"`enable-oslogin` key of `metadata`, {_METADATA}; absent when not set (the "
            f"project's setting applies), {_UNKNOWN_MAP}"),
    boolean("confidential_compute", "Whether the VM runs as a Confidential VM, its memory "
            "encrypted by the processor: `confidential_instance_config` sets "
            "`enable_confidential_compute = true` or a `confidential_instance_type` (`SEV`, "
            "`SEV_SNP`, `TDX`); false when neither is written.", default=False),
    boolean("can_ip_forward", "Whether the instance may send and receive packets whose "
            "source or destination is not one of its own addresses (`can_ip_forward`); "
            "false when not written.", default=False),
    boolean("secure_boot", "Whether Shielded VM Secure Boot is on: the VM boots only "
            "components whose signature UEFI firmware verifies "
            "(`shielded_instance_config.enable_secure_boot`); false when not written.",
            default=False),
    boolean("vtpm", "Whether the VM has a Shielded VM virtual Trusted Platform Module "
            "(`shielded_instance_config.enable_vtpm`), which Measured Boot and integrity "
            "monitoring need; true when not written.", default=True),
    boolean("integrity_monitoring", "Whether Shielded VM integrity monitoring compares "
            "each boot's measurements with the VM's baseline and reports a deviation "
            "(`shielded_instance_config.enable_integrity_monitoring`); true when not "
            "written.", default=True),
    obj("service_account", "The service account the instance runs as: its "
        "`service_account` block; absent without one (the instance runs without a "
        "service account).",
        string("email", "The account's email (`email`), as written; absent when not "
               "written: the default Compute Engine service account."),
        boolean("uses_default", "Whether it is the default Compute Engine service "
                "account: true when `email` is not set, is "
                "`<n>-compute@developer.gserviceaccount.com` or comes from "
                "`data.google_compute_default_service_account`; false for any other "
                "written email and for a `google_service_account` of the configuration; "
                "Unknown for other emails known only after apply."),
        strings("scopes", "The OAuth scopes granted (`scopes`), aliases expanded to "
                "`https://www.googleapis.com/auth/...` URLs (`cloud-platform` is "
                "`https://www.googleapis.com/auth/cloud-platform`).")),
)


KINDS = (
    gcp("gcp.compute.firewall", "VPC firewall rule",
        string("name", "The rule's name."),
        string("network", "The VPC network the rule belongs to (`network`: a name or self "
               "link, as written)."),
        string("direction", "The direction of the traffic the rule matches; `INGRESS` when "
               "not written.",
               default="INGRESS", values=("INGRESS", "EGRESS")),
        boolean("disabled", "Whether the rule is disabled (not enforced); false when not "
                "written.", default=False),
        integer("priority", "The rule's priority, 0 to 65535: the matching rule with the "
                "lowest number decides; absent when not written (Google Cloud then uses "
                "1000)."),
        strings("source_ranges", "The source CIDRs of an ingress rule (`source_ranges`). An "
                "ingress rule that names no source at all (no `source_ranges`, "
                "`source_tags` or `source_service_accounts`) admits every address, as Google "
                "Cloud does: it gets `[\"0.0.0.0/0\"]`, marked as defaulted. Absent otherwise "
                "when not written."),
        strings("source_tags", "The network tags of the instances whose traffic an ingress "
                "rule matches (`source_tags`)."),
        strings("source_service_accounts", "The service accounts of the instances whose "
                "traffic an ingress rule matches (`source_service_accounts`)."),
        strings("destination_ranges", "The destination CIDRs of an egress rule "
                "(`destination_ranges`). An egress rule that names none reaches every "
                "address, as Google Cloud then uses `0.0.0.0/0`: it gets "
                "`[\"0.0.0.0/0\"]`, marked as defaulted. Absent for an ingress rule that "
                "does not write it; Unknown when not written and the direction is not "
                "known statically."),
        _protocols("allow", "allows"),
        _protocols("deny", "denies"),
        taggable=False),
    gcp("gcp.compute.firewall_policy_rule", "Cloud NGFW firewall policy rule: a rule of a "
        "hierarchical firewall policy (`google_compute_firewall_policy_rule`, on an "
        "organization or folder), of a global or regional network firewall policy "
        "(`google_compute_network_firewall_policy_rule`, "
        "`google_compute_region_network_firewall_policy_rule`), or one `rule` block of a "
        "policy written with its rules (`google_compute_firewall_policy_with_rules`, "
        "`google_compute_network_firewall_policy_with_rules`, "
        "`google_compute_region_network_firewall_policy_with_rules`: one resource per "
        "block, addressed `<policy address>#<priority>`)",
        string("policy", "The firewall policy the rule belongs to (`firewall_policy`, as "
               "written; for a `rule` block, the policy's `name`, or `short_name` for a "
               "hierarchical policy)."),
        string("action", "What the rule does with the traffic it matches: `allow` and "
               "`apply_security_profile_group` (inspected by a Cloud NGFW endpoint, then "
               "let through unless a threat is detected) let it in; `deny` drops it; "
               "`goto_next` passes it on to the next policy or the VPC firewall rules.",
               values=("allow", "deny", "goto_next", "apply_security_profile_group")),
        string("direction", "The direction of the traffic the rule matches; `INGRESS` when "
               "not written (a `rule` block; the separate rule resources require it).",
               default="INGRESS", values=("INGRESS", "EGRESS")),
        boolean("disabled", "Whether the rule is disabled (not enforced); false when not "
                "written.", default=False),
        integer("priority", "The rule's priority: the matching rule with the lowest number "
                "decides (`priority`, required)."),
        strings("source_ranges", "The source CIDRs of an ingress rule "
                "(`match.src_ip_ranges`); absent when not written. Unlike a VPC firewall "
                "rule there is no default source: an ingress rule must name one "
                "(`src_ip_ranges` or another `src_*` field)."),
        strings("source_address_groups", "The address groups whose addresses are sources "
                "(`match.src_address_groups`, as written; their addresses are not read). A "
                "source matches when it is in `source_ranges` or in one of these groups."),
        objects("layer4_configs", "The protocols and ports the rule matches, one entry per "
                "`match.layer4_configs` block (`layer4_config` in a `rule` block); always "
                "present, `[]` when none is written (a block not known statically is an "
                "Unknown element).",
                string("protocol", "The protocol as written (`ip_protocol`): `tcp`, `udp`, "
                       "`icmp`, `esp`, `ah`, `sctp`, `ipip`, `all` or an IP protocol "
                       "number."),
                strings("ports", "The ports as written, `\"22\"` or `\"1000-2000\"`; `[]` "
                        "(not written) means every port of the protocol.")),
        taggable=False),
    gcp("gcp.compute.project_metadata", "Compute Engine project-wide metadata, which every "
        "VM instance of the project reads for the keys its own metadata does not set: all "
        "of it (`google_compute_project_metadata`, authoritative) or one key "
        "(`google_compute_project_metadata_item`, each judged on its own)",
        string("project", "The project (`project`); absent when not written (the "
               "provider's project)."),
        boolean("serial_port_enabled", "Whether the interactive serial console is enabled "
                "for every instance that does not set `serial-port-enable` itself: the "
                f"`serial-port-enable` key of `metadata`, {_METADATA}; false when not set, "
                f"{_UNKNOWN_MAP} For a `google_compute_project_metadata_item`, its "
                "`value` when its `key` is `serial-port-enable`; absent for an item with "
                "another key (it does not set it); Unknown when the key or value is not "
                "known statically."),
        boolean("os_login_enabled", "Whether OS Login manages SSH access for every "
                "instance that does not set `enable-oslogin` itself: the `enable-oslogin` "
                f"key of `metadata`, {_METADATA}; false when not set (OS Login is off "
                f"unless enabled), {_UNKNOWN_MAP} For a "
                "`google_compute_project_metadata_item`, its `value` when its `key` is "
                "`enable-oslogin`; absent for an item with another key; Unknown when the "
                "key or value is not known statically."),
        taggable=False),
    gcp("gcp.compute.disk", "Compute Engine persistent disk (zonal `google_compute_disk` "
        "or regional `google_compute_region_disk`)",
        string("name", "The disk's name (`name`)."),
        string("key", f"{_KEY_DOC}: `disk_encryption_key.raw_key` or `.rsa_encrypted_key` "
               "(CSEK), `.kms_key_self_link` (CMEK); `google-managed` when no key is "
               "written.", default="google-managed", values=_KEYS),
        boolean("raw_key_in_code", "Whether `disk_encryption_key.raw_key` or "
                "`.rsa_encrypted_key` is written in the configuration as a literal; false "
                "otherwise.", default=False),
        tags_doc="Google Cloud labels (`labels`)"),
    gcp("gcp.compute.instance", "Compute Engine VM instance",
        string("name", "The instance's name."),
        *_MACHINE,
        tags_doc="Google Cloud labels (`labels`)"),
    gcp("gcp.compute.instance_template", "Compute Engine instance template (global "
        "`google_compute_instance_template` or regional "
        "`google_compute_region_instance_template`): the settings of the VMs created from "
        "it (managed instance groups, `google_compute_instance_from_template`), read as "
        "those of an instance",
        string("name", "The template's name; absent when not written (`name_prefix`, or "
               "a name generated by the provider)."),
        *_MACHINE,
        tags_doc="Google Cloud labels (`labels`), given to the instances created from the "
                 "template"),
)
