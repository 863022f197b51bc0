"""The canonical kinds: the vocabulary rules are written in.

Each kind lists the formats that can produce it (for `rules list` and the parity tests)
and whether it carries tags. Adapters must only emit kinds listed here.
"""

from __future__ import annotations

from dataclasses import dataclass

AWS_FORMATS = ("terraform", "cloudformation", "tfplan", "aws-live")
AZURE_FORMATS = ("terraform", "arm", "tfplan")
GCP_FORMATS = ("terraform", "tfplan")  # Google Cloud has no native template format here


@dataclass(frozen=True)
class KindInfo:
    name: str
    description: str
    formats: tuple[str, ...]
    taggable: bool = True


def _aws(name: str, description: str, taggable: bool = True) -> KindInfo:
    return KindInfo(name, description, AWS_FORMATS, taggable)


def _azure(name: str, description: str, taggable: bool = True) -> KindInfo:
    return KindInfo(name, description, AZURE_FORMATS, taggable)


def _gcp(name: str, description: str, taggable: bool = True) -> KindInfo:
    return KindInfo(name, description, GCP_FORMATS, taggable)


KINDS: dict[str, KindInfo] = {
    k.name: k
    for k in (
        _aws("aws.s3.bucket", "S3 bucket, with its encryption, ACL, policy, public access "
             "block, versioning and logging folded in"),
        _aws("aws.ec2.security_group", "EC2/VPC security group with all its rules"),
        _aws("aws.ec2.instance", "EC2 instance"),
        _aws("aws.ec2.volume", "EBS volume"),
        _aws("aws.rds.instance", "RDS database instance"),
        _aws("aws.rds.cluster", "RDS/Aurora cluster"),
        _aws("aws.iam.policy", "IAM managed policy"),
        _aws("aws.iam.role", "IAM role with trust policy and inline/attached policies"),
        _aws("aws.iam.user", "IAM user with inline/attached policies"),
        _aws("aws.iam.group", "IAM group with inline/attached policies", taggable=False),
        _aws("aws.kms.key", "KMS key"),
        _aws("aws.cloudtrail.trail", "CloudTrail trail"),
        _aws("aws.logs.log_group", "CloudWatch Logs log group"),
        _aws("aws.sqs.queue", "SQS queue"),
        _aws("aws.sns.topic", "SNS topic"),
        _aws("aws.kinesis.stream", "Kinesis data stream"),
        _aws("aws.dynamodb.table", "DynamoDB table"),
        _aws("aws.efs.file_system", "EFS file system"),
        _aws("aws.elasticache.replication_group", "ElastiCache (Redis OSS/Valkey) "
             "replication group"),
        _aws("aws.redshift.cluster", "Redshift provisioned cluster"),
        _aws("aws.eks.cluster", "EKS cluster (control plane)"),
        _aws("aws.docdb.cluster", "DocumentDB cluster"),
        _aws("aws.dms.replication_instance", "DMS replication instance"),
        _aws("aws.ecr.repository", "ECR container image repository"),
        _aws("aws.sagemaker.notebook_instance", "SageMaker notebook instance"),
        _aws("aws.ec2.subnet", "VPC subnet"),
        _aws("aws.apigateway.method", "API Gateway (REST) method", taggable=False),
        _aws("aws.mq.broker", "Amazon MQ broker"),
        _aws("aws.lambda.function_url", "Lambda function URL", taggable=False),
        _aws("aws.lambda.permission", "Lambda permission (one statement of a function's "
             "resource policy)", taggable=False),
        KindInfo("aws.iam.password_policy", "IAM account password policy",
                 ("terraform", "tfplan", "aws-live"), taggable=False),
        _aws("aws.glacier.vault", "S3 Glacier vault"),
        KindInfo("aws.ec2.ami_launch_permission", "Launch permission of an AMI (one account, "
                 "organization, unit or the public group)", ("terraform", "tfplan", "aws-live"),
                 taggable=False),
        _aws("aws.neptune.cluster", "Neptune database cluster"),
        _aws("aws.secretsmanager.secret", "Secrets Manager secret"),
        _aws("aws.backup.vault", "AWS Backup vault"),
        _aws("aws.codebuild.project", "CodeBuild project"),
        _aws("aws.opensearch.domain", "OpenSearch Service (or Elasticsearch) domain"),
        _aws("aws.athena.workgroup", "Athena workgroup"),
        _aws("aws.elbv2.listener", "Application, Network or Gateway Load Balancer listener",
             taggable=False),
        KindInfo("aws.ec2.ebs_encryption_by_default", "EBS encryption-by-default setting of "
                 "an account and region", ("terraform", "tfplan", "aws-live"), taggable=False),
        KindInfo("aws.s3.account_public_access_block", "S3 public access block of an "
                 "account (all its buckets)", ("terraform", "tfplan", "aws-live"),
                 taggable=False),
        _aws("aws.apigateway.domain_name", "API Gateway (REST) custom domain name"),
        _aws("aws.glue.data_catalog_encryption", "Glue Data Catalog encryption settings",
             taggable=False),
        _aws("aws.msk.cluster", "MSK (Managed Streaming for Apache Kafka) provisioned "
             "cluster"),
        _aws("aws.cloudfront.distribution", "CloudFront distribution, with its cache "
             "behaviors and viewer certificate"),
        _azure("azure.storage.account", "Azure storage account"),
        _azure("azure.network.security_group", "Azure network security group with its rules"),
        _azure("azure.authorization.role_assignment", "Azure RBAC role assignment",
               taggable=False),
        _azure("azure.authorization.role_definition", "Azure RBAC custom role definition",
               taggable=False),
        _azure("azure.keyvault.vault", "Azure Key Vault, with its network ACLs"),
        _azure("azure.sql.server", "Azure SQL logical server"),
        _azure("azure.web.app", "Azure App Service web or function app"),
        _azure("azure.containerregistry.registry", "Azure Container Registry"),
        _azure("azure.cosmosdb.account", "Azure Cosmos DB account, with its network filters"),
        _azure("azure.compute.managed_disk", "Azure managed disk"),
        _azure("azure.containerservice.managed_cluster", "Azure Kubernetes Service (AKS) "
               "cluster"),
        _azure("azure.redis.cache", "Azure Cache for Redis"),
        _azure("azure.postgresql.server", "Azure Database for PostgreSQL single server"),
        _azure("azure.mysql.server", "Azure Database for MySQL single server"),
        _azure("azure.cognitive.account", "Azure AI services (Cognitive Services) account"),
        _azure("azure.search.service", "Azure AI Search service"),
        _azure("azure.datafactory.factory", "Azure Data Factory"),
        _azure("azure.servicebus.namespace", "Azure Service Bus namespace"),
        _azure("azure.compute.virtual_machine", "Azure virtual machine"),
        _gcp("gcp.storage.bucket", "Cloud Storage bucket, with its bucket IAM bindings and "
             "members folded in"),
        _gcp("gcp.compute.firewall", "VPC firewall rule", taggable=False),
        _gcp("gcp.compute.instance", "Compute Engine VM instance"),
        _gcp("gcp.sql.instance", "Cloud SQL database instance"),
        _gcp("gcp.container.cluster", "GKE cluster"),
        _gcp("gcp.kms.crypto_key", "Cloud KMS crypto key"),
        _gcp("gcp.iam.grant", "IAM role grant (binding or member) on a project, folder or "
             "organization", taggable=False),
        _gcp("gcp.bigquery.dataset", "BigQuery dataset with its access entries"),
    )
}


def taggable_kinds(provider: str | None = None) -> list[str]:
    return sorted(k for k, v in KINDS.items()
                  if v.taggable and (provider is None or k.startswith(provider + ".")))


# Canonical attributes declared boolean (docs/canonical-model.md), for the kinds whose
# source formats may write a boolean as a string (ARM's `"true"`): adapters of such formats
# read a string boolean at these paths as the boolean it stands for.
BOOLEAN_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "azure.storage.account": ("https_only", "allow_blob_public_access",
                              "public_network_access_enabled", "shared_key_access_enabled",
                              "infrastructure_encryption_enabled"),
    "azure.keyvault.vault": ("purge_protection_enabled", "public_network_access_enabled"),
    "azure.sql.server": ("public_network_access_enabled",),
    "azure.web.app": ("https_only", "remote_debugging_enabled"),
    "azure.containerregistry.registry": ("admin_enabled", "public_network_access_enabled"),
    "azure.cosmosdb.account": ("public_network_access_enabled",
                               "is_virtual_network_filter_enabled",
                               "access_key_metadata_writes_enabled"),
    "azure.containerservice.managed_cluster": ("private_cluster_enabled",
                                               "local_accounts_enabled", "rbac_enabled"),
    "azure.redis.cache": ("non_ssl_port_enabled", "public_network_access_enabled"),
    "azure.postgresql.server": ("ssl_enforcement_enabled", "public_network_access_enabled"),
    "azure.mysql.server": ("ssl_enforcement_enabled", "public_network_access_enabled"),
    "azure.cognitive.account": ("public_network_access_enabled", "local_auth_enabled"),
    "azure.search.service": ("public_network_access_enabled", "local_auth_enabled"),
    "azure.compute.virtual_machine": ("password_authentication_enabled",),
    "azure.datafactory.factory": ("public_network_access_enabled",),
    "azure.servicebus.namespace": ("local_auth_enabled", "public_network_access_enabled"),
}
