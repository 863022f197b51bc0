"""Amazon VPC: virtual private clouds, with the flow logs that capture their traffic."""

from __future__ import annotations

from govern.kinds.declare import aws, objects, string

KINDS = (
    aws("aws.ec2.vpc", "VPC (virtual private cloud) with the flow logs attached to it",
        string("cidr_block", "The VPC's primary IPv4 range (CloudFormation `CidrBlock`); "
               "absent when allocated from an IPAM pool or, for Terraform's "
               "`aws_default_vpc`, not written."),
        objects("flow_logs", "The flow logs that capture the VPC's traffic, one entry per "
                "flow log: Terraform `aws_flow_log` with `vpc_id` naming the VPC, "
                "CloudFormation `AWS::EC2::FlowLog` with `ResourceType: VPC` and "
                "`ResourceId` naming it, live DescribeFlowLogs for its id. Flow logs of "
                "one of its subnets or network interfaces are not listed. Absent when the "
                "VPC has none; on a VPC declared outside the scanned code the list starts "
                "with one Unknown element for the flow logs declared elsewhere.",
                string("traffic_type", "The traffic captured (Terraform `traffic_type`, "
                       "CloudFormation `TrafficType`): accepted, rejected or all traffic.",
                       values=("ACCEPT", "REJECT", "ALL"))),
        tags_doc="Terraform `tags`, CloudFormation `Tags`, live the VPC's tags."),
)
