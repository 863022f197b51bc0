"""Amazon VPC network ACLs: the numbered, stateless allow/deny entries of a subnet's
firewall."""

from __future__ import annotations

from govern.kinds.declare import Attribute, aws, boolean, integer, objects, string


def _entries(direction: str, *, egress: str) -> Attribute:
    """The ACL's `ingress` or `egress` entries; `egress` is the value of CloudFormation's
    and the live answer's `Egress` flag for them."""
    return objects(
        direction,
        f"The {direction} entries, one per entry, in the order written (AWS evaluates them "
        "by `rule_number`, lowest first, and the first that matches the traffic decides): "
        f"Terraform's inline `{direction}` blocks of `aws_network_acl` and "
        f"`aws_default_network_acl`, `aws_network_acl_rule` with `egress = {egress}`; "
        f"CloudFormation `AWS::EC2::NetworkAclEntry` with `Egress: {egress}`; live the "
        f"entries with `Egress` {egress}, the final `*` entry (number 32767, deny "
        "everything) included. Absent when the code writes no entry: the ACL has none but "
        "the final `*` one and denies everything (Terraform's `aws_default_network_acl` "
        "removes the default ACL's entries it does not declare). An entry not known (a "
        "`dynamic` block over a collection known only after apply) is an Unknown element; "
        "on an ACL declared outside the scanned code the list starts with one Unknown "
        "element for the entries declared elsewhere.",
        integer("rule_number", "The entry's number, 1-32766 as written (Terraform "
                "`rule_no` inline, `rule_number` of `aws_network_acl_rule`, CloudFormation "
                "`RuleNumber`)."),
        string("action", "Whether matching traffic is let through (Terraform `action` "
               "inline, `rule_action`, CloudFormation `RuleAction`; lower case).",
               values=("allow", "deny")),
        string("protocol", "The IP protocol: `-1` for every protocol and port (also written "
               "`all`), `tcp`, `udp`, `icmp`, `icmpv6` (the numbers 6, 17, 1, 58 become "
               "these names; CloudFormation and the API write numbers), any other protocol "
               "number as a string."),
        integer("from_port", "The first port of the range (Terraform `from_port`, "
                "CloudFormation `PortRange.From`); 0 for protocol `-1`; absent when not "
                "written. Only TCP and UDP entries have ports."),
        integer("to_port", "The last port of the range (Terraform `to_port`, "
                "CloudFormation `PortRange.To`); 65535 for protocol `-1`; absent when not "
                "written."),
        string("cidr_block", "The IPv4 range the entry matches (CloudFormation "
               "`CidrBlock`); an entry has it or `ipv6_cidr_block`, not both."),
        string("ipv6_cidr_block", "The IPv6 range the entry matches (CloudFormation "
               "`Ipv6CidrBlock`)."),
    )


KINDS = (
    aws("aws.ec2.network_acl", "VPC network ACL with all its entries",
        string("vpc_id", "The VPC of the ACL (CloudFormation `VpcId`); absent on "
               "Terraform's `aws_default_network_acl`, which names the ACL instead."),
        boolean("is_default", "Whether the ACL is its VPC's default one, which AWS creates "
                "with every VPC (entry 100 allows all traffic from and to `0.0.0.0/0`, and "
                "from and to `::/0` as entry 101 in a VPC with IPv6): true for Terraform's "
                "`aws_default_network_acl` and live `IsDefault`; false for the ACLs the "
                "code creates (`aws_network_acl`, `AWS::EC2::NetworkAcl`).", default=False),
        _entries("ingress", egress="false"),
        _entries("egress", egress="true")),
)
