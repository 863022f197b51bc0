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
                       default="DISABLED", values=("ENABLED", "DISABLED"))),
        string("pid_mode", "The process namespace of the task's containers: Terraform "
               "`pid_mode`, CloudFormation `PidMode`, live `pidMode`; `host` shares the "
               "host's process namespace, `task` one namespace for the task's containers. "
               "Absent when not written: each container has a private namespace.",
               values=("host", "task")),
        string("execution_role", "The IAM role (ARN, or name) the ECS agent uses to pull "
               "images and write logs: Terraform `execution_role_arn`, CloudFormation "
               "`ExecutionRoleArn`, live `executionRoleArn`; absent when not written."),
        string("task_role", "The IAM role (ARN, or name) whose credentials the task's "
               "containers get: Terraform `task_role_arn`, CloudFormation `TaskRoleArn`, "
               "live `taskRoleArn`; absent when not written."),
        objects("containers", "The task's containers, one entry per element of Terraform's "
                "`container_definitions` JSON, CloudFormation's `ContainerDefinitions`, "
                "live `containerDefinitions`, in order. Unknown when the definitions are "
                "not known statically (e.g. `templatefile`), an Unknown element for a "
                "container that is not.",
                string("name", "The container's name (JSON `name`, CloudFormation "
                       "`Name`)."),
                boolean("privileged", "Whether the container runs with elevated "
                        "privileges on the host, like root (JSON `privileged`, "
                        "CloudFormation `Privileged`); false when not written.",
                        default=False),
                boolean("readonly_root_filesystem", "Whether the container's root file "
                        "system is read-only (JSON `readonlyRootFilesystem`, CloudFormation "
                        "`ReadonlyRootFilesystem`); false when not written.",
                        default=False))),
)
