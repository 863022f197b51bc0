"""The listing calls: those whose answer is the set of a service's resources in a region
(or under a parent resource), so that a failure makes those resources unknown, not absent.
Also what a listing's answer must hold: its list key, with a list under it."""

from __future__ import annotations

from typing import Any

# (IAM action prefix, operation) -> the canonical kinds whose resources it lists
LISTINGS: dict[tuple[str, str], tuple[str, ...]] = {
    ("s3", "ListBuckets"): ("aws.s3.bucket",),
    ("ec2", "DescribeSecurityGroups"): ("aws.ec2.security_group",),
    ("ec2", "DescribeNetworkAcls"): ("aws.ec2.network_acl",),
    ("ec2", "DescribeVpcs"): ("aws.ec2.vpc",),
    ("ec2", "DescribeVolumes"): ("aws.ec2.volume",),
    ("ec2", "DescribeInstances"): ("aws.ec2.instance",),
    ("ec2", "DescribeSubnets"): ("aws.ec2.subnet",),
    ("ec2", "DescribeImages"): ("aws.ec2.ami_launch_permission",),
    ("ec2", "DescribeLaunchTemplates"): ("aws.ec2.launch_template",),
    ("autoscaling", "DescribeLaunchConfigurations"): ("aws.autoscaling.launch_configuration",),
    ("sso", "ListInstances"): ("aws.ssoadmin.permission_set",),
    ("cognito-identity", "ListIdentityPools"): ("aws.cognito.identity_pool",),
    ("sso", "ListPermissionSets"): ("aws.ssoadmin.permission_set",),
    ("rds", "DescribeDBInstances"): ("aws.rds.instance",),
    ("rds", "DescribeDBClusters"): ("aws.rds.cluster", "aws.docdb.cluster",
                                    "aws.neptune.cluster"),
    ("rds", "DescribeGlobalClusters"): ("aws.rds.global_cluster",),
    ("rds", "DescribeDBSnapshots"): ("aws.rds.snapshot",),
    ("rds", "DescribeDBClusterSnapshots"): ("aws.rds.cluster_snapshot",
                                            "aws.neptune.cluster_snapshot"),
    ("kms", "ListKeys"): ("aws.kms.key",),
    ("cloudtrail", "DescribeTrails"): ("aws.cloudtrail.trail",),
    ("config", "DescribeConfigurationRecorders"): ("aws.config.configuration_recorder",),
    ("config", "DescribeConfigurationAggregators"): ("aws.config.configuration_aggregator",),
    ("iam", "GetAccountAuthorizationDetails"): ("aws.iam.user", "aws.iam.group",
                                                "aws.iam.role", "aws.iam.policy"),
    ("dynamodb", "ListTables"): ("aws.dynamodb.table",),
    ("elasticfilesystem", "DescribeFileSystems"): ("aws.efs.file_system",),
    ("elasticache", "DescribeReplicationGroups"): ("aws.elasticache.replication_group",),
    ("elasticache", "DescribeCacheClusters"): ("aws.elasticache.cluster",),
    ("dax", "DescribeClusters"): ("aws.dax.cluster",),
    ("redshift", "DescribeClusters"): ("aws.redshift.cluster",),
    ("redshift", "DescribeClusterParameterGroups"): ("aws.redshift.parameter_group",),
    ("rds", "DescribeDBClusterParameterGroups"): ("aws.docdb.cluster_parameter_group",
                                                  "aws.rds.cluster_parameter_group"),
    ("rds", "DescribeDBParameterGroups"): ("aws.rds.db_parameter_group",),
    ("redshift-serverless", "ListWorkgroups"): ("aws.redshiftserverless.workgroup",),
    ("dms", "DescribeReplicationInstances"): ("aws.dms.replication_instance",),
    ("backup", "ListBackupVaults"): ("aws.backup.vault",),
    ("es", "ListDomainNames"): ("aws.opensearch.domain",),
    ("cloudfront", "ListDistributions"): ("aws.cloudfront.distribution",),
    ("eks", "ListClusters"): ("aws.eks.cluster", "aws.eks.node_group"),
    ("eks", "ListNodegroups"): ("aws.eks.node_group",),
    ("ecs", "ListClusters"): ("aws.ecs.cluster", "aws.ecs.service"),
    ("ecs", "ListServices"): ("aws.ecs.service",),
    ("ecs", "ListTaskDefinitions"): ("aws.ecs.task_definition",),
    ("workspaces", "DescribeWorkspaces"): ("aws.workspaces.workspace",),
    ("ecr", "DescribeRepositories"): ("aws.ecr.repository",),
    ("lambda", "ListFunctions"): ("aws.lambda.function", "aws.lambda.function_url",
                                  "aws.lambda.permission"),
    ("lambda", "ListFunctionUrlConfigs"): ("aws.lambda.function_url",),
    ("lambda", "GetPolicy"): ("aws.lambda.permission",),
    # the same IAM action lists ELBv2 load balancers and Classic Load Balancers
    ("elasticloadbalancing", "DescribeLoadBalancers"): ("aws.elbv2.listener",
                                                        "aws.elb.load_balancer",
                                                        "aws.elbv2.load_balancer"),
    ("elasticloadbalancing", "DescribeListeners"): ("aws.elbv2.listener",),
    ("apigateway", "GetRestApis"): ("aws.apigateway.method", "aws.apigateway.stage"),
    ("apigateway", "GetResources"): ("aws.apigateway.method",),
    ("apigateway", "GetDomainNames"): ("aws.apigateway.domain_name",),
    ("apigateway", "GetApis"): ("aws.apigatewayv2.route", "aws.apigateway.stage"),
    ("apigateway", "GetStages"): ("aws.apigateway.stage",),
    ("apigateway", "GetRoutes"): ("aws.apigatewayv2.route",),
    ("sqs", "ListQueues"): ("aws.sqs.queue",),
    ("sns", "ListTopics"): ("aws.sns.topic",),
    ("kinesis", "ListStreams"): ("aws.kinesis.stream",),
    ("firehose", "ListDeliveryStreams"): ("aws.firehose.delivery_stream",),
    ("ssm", "DescribeParameters"): ("aws.ssm.parameter",),
    ("ssm", "ListDocuments"): ("aws.ssm.document",),
    ("elasticmapreduce", "ListSecurityConfigurations"): ("aws.emr.security_configuration",),
    ("glue", "GetSecurityConfigurations"): ("aws.glue.security_configuration",),
    ("logs", "DescribeLogGroups"): ("aws.logs.log_group",),
    ("cloudwatch", "DescribeAlarms"): ("aws.cloudwatch.metric_alarm",),
    ("glacier", "ListVaults"): ("aws.glacier.vault",),
    ("mq", "ListBrokers"): ("aws.mq.broker",),
    ("kafka", "ListClustersV2"): ("aws.msk.cluster",),
    ("secretsmanager", "ListSecrets"): ("aws.secretsmanager.secret",),
    ("codebuild", "ListProjects"): ("aws.codebuild.project",),
    ("athena", "ListWorkGroups"): ("aws.athena.workgroup",),
    ("sagemaker", "ListNotebookInstances"): ("aws.sagemaker.notebook_instance",),
}

# listings whose service leaves the list key out when there is nothing to list (SQS
# documents it for ListQueues; the REST services below do it too): no key means none
MAY_OMIT = frozenset({("sqs", "ListQueues"), ("apigateway", "GetRestApis"),
                      ("apigateway", "GetResources"), ("apigateway", "GetDomainNames"),
                      ("apigateway", "GetApis"), ("apigateway", "GetRoutes"),
                      ("apigateway", "GetStages"),
                      ("mq", "ListBrokers"), ("kafka", "ListClustersV2")})


class Malformed(Exception):
    """An answer without what it must hold (its reason is the message)."""


def is_listing(prefix: str, operation: str) -> bool:
    return (prefix, operation) in LISTINGS


def items_at(page: Any, key: str, prefix: str, operation: str) -> list[Any]:
    """The list under `key` of one page. Malformed when the page is not a map, when the
    value is not a list, or when a listing's answer has no `key` at all (unless its
    service leaves it out when empty); another call's missing key is an empty list."""
    if not isinstance(page, dict):
        raise Malformed(f"the answer is a {type(page).__name__}, not a map")
    if page.get(key) is None:
        if (prefix, operation) in LISTINGS and (prefix, operation) not in MAY_OMIT:
            missing = "no" if key not in page else "null as"
            raise Malformed(f"the answer has {missing} {key!r}")
        return []
    found = page[key]
    if not isinstance(found, list):
        raise Malformed(f"{key!r} of the answer is a {type(found).__name__}, not a list")
    return found


def region_of(subject: str, home: str = "global") -> str:
    """The region a failed call concerned: `subject` itself when it is a region, the
    region field of an ARN, else `home` ("account", a global ARN)."""
    if subject.startswith("arn:"):
        parts = subject.split(":")
        return parts[3] if len(parts) > 3 and parts[3] else home
    if subject in ("account", "global", ""):
        return home
    return subject
