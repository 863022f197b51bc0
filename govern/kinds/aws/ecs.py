"""Amazon ECS (Elastic Container Service): clusters, services and task definitions."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, objects, string

KINDS = (
    aws("aws.ecs.cluster", "ECS cluster",
        string("name", "The cluster's name (CloudFormation `ClusterName`); absent when "
               "generated."),
        string("container_insights", "Whether CloudWatch Container Insights collects the "
               "cluster's metrics and performance logs: the `value` of the `setting` block "
               "named `containerInsights` (CloudFormation the `Value` of the "
               "`ClusterSettings` entry with `Name: containerInsights`, live the cluster's "
               "`settings`, which hold the value applied at creation). Absent when not "
               "written: the account's `containerInsights` setting at creation decides "
               "(disabled unless changed).",
               values=("enabled", "enhanced", "disabled"))),
    aws("aws.ecs.service", "ECS service",
        string("name", "The service's name (CloudFormation `ServiceName`); absent when "
               "generated."),
        boolean("assign_public_ip", "Whether the service's tasks get a public IP address "
                "on their elastic network interface (`awsvpc` network mode): Terraform "
                "`network_configuration.assign_public_ip`, CloudFormation "
                "`NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp` (`ENABLED` is "
                "true), live `networkConfiguration.awsvpcConfiguration.assignPublicIp`; "
                "false when not written (and without a network configuration).",
                default=False)),
    aws("aws.ecs.task_definition", "ECS task definition (one revision)",
        string("family", "The task definition's family (CloudFormation `Family`); absent "
               "when generated."),
        objects("efs_volumes", "The task's Amazon EFS volumes, one entry per volume with "
                "an EFS configuration (Terraform `volume` blocks with "
                "`efs_volume_configuration`, CloudFormation `Volumes` entries with "
                "`EFSVolumeConfiguration`, live `volumes` with `efsVolumeConfiguration`), "
                "in order; other volumes are left out. Absent when there is none. A volume "
                "not known (a `dynamic` block over a collection known only after apply) is "
                "an Unknown element.",
                string("name", "The volume's name (CloudFormation `Name`)."),
                string("file_system_id", "The EFS file system (CloudFormation "
                       "`FilesystemId`)."),
                string("transit_encryption", "Whether traffic between the task's host and "
                       "the file system is encrypted with TLS (CloudFormation "
                       "`TransitEncryption`); `DISABLED` when not written.",
                       default="DISABLED", values=("ENABLED", "DISABLED")))),
)
